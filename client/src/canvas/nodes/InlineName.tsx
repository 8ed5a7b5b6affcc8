import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { useMapContext } from '../MapContext.ts';
import { useBoardActions } from '../editing/useBoardActions.ts';

/**
 * The in-place name editor of a node: Enter or leaving the field saves,
 * Escape cancels. `nodrag`/`nopan` keep React Flow from treating typing and
 * text selection as map gestures.
 */
export function InlineName({ nodeId, name, className }: { nodeId: string; name: string; className: string }) {
  const t = useT();
  const { store } = useMapContext();
  const { rename } = useBoardActions();
  const [draft, setDraft] = useState(name);

  const finish = (save: boolean): void => {
    if (store.getState().editingNodeId !== nodeId) return;
    store.getState().setEditing(null);
    if (save && draft.trim() !== '' && draft !== name) rename(nodeId, draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    event.stopPropagation();
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
  };

  return (
    <input
      className={`${className} ip-inline-name nodrag nopan nowheel`}
      aria-label={t('canvas.rename')}
      value={draft}
      maxLength={200}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}
