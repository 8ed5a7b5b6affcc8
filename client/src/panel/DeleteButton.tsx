import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { useBoardActions } from '../canvas/editing/useBoardActions.ts';

/** Deletes the current selection (the same path as the Delete key, with its confirmation). */
export function DeleteButton({
  ids,
  label = 'panel.delete',
}: {
  ids: readonly string[];
  label?: MessageKey;
}) {
  const t = useT();
  const { deleteSelection } = useBoardActions();
  return (
    <button
      type="button"
      className="ip-button ip-button--danger"
      data-testid="panel-delete"
      data-ids={ids.join(' ')}
      onClick={deleteSelection}
    >
      {t(label)}
    </button>
  );
}
