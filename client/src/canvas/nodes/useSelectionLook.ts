import { useT } from '../../i18n/index.ts';
import { useMapPresence } from '../MapContext.ts';

/**
 * How a node card shows who selected it, for both its full and its tiny
 * (zoomed-out) body: the block's class with the selected modifiers, the
 * remote selector's colour as `--ip-remote`, and their names as a tooltip.
 */
export function useSelectionLook(id: string, block: 'ip-org' | 'ip-person', selected: boolean) {
  const t = useT();
  const remote = useMapPresence((s) => s.selectors.get(id));
  return {
    className: `${block}${selected ? ` ${block}--selected` : ''}${remote ? ' ip-remote-selected' : ''}`,
    remoteStyle: (remote ? { '--ip-remote': remote.colour } : {}) as Record<string, string>,
    title: remote ? t('canvas.selectedBy', { names: remote.names }) : undefined,
  };
}
