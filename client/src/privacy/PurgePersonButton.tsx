import { useState } from 'react';
import type { Person } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { useHistoryAccess } from '../history/HistoryContext.ts';
import { purgePersonForGood } from './erasureApi.ts';
import './erasure.css';

/**
 * The facilitator's "Remove for good": unlike Delete (which undo and the timeline can bring back), the server
 * removes the person from the board and from every stored state of it. Shown on the facilitator's page only.
 */
export function PurgePersonButton({ person }: { person: Person }) {
  const t = useT();
  const { session } = useBoardViewContext();
  const history = useHistoryAccess();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  if (session.role !== 'facilitator' || history === null) return null;
  const { boardId, key } = history.endpoint;

  const purge = async (): Promise<void> => {
    if (!window.confirm(t('erasure.person.confirm', { name: person.name }))) return;
    setState({ busy: true, error: null });
    const result = await purgePersonForGood(boardId, person.id, key);
    setState({
      busy: false,
      error: result.ok
        ? null
        : result.failure.kind === 'network'
          ? t('error.network')
          : result.failure.message,
    });
  };

  return (
    <div className="ip-purge">
      <button
        type="button"
        className="ip-button ip-button--danger"
        title={t('erasure.person.hint')}
        disabled={state.busy}
        onClick={() => void purge()}
        data-testid="panel-purge"
      >
        {state.busy ? t('erasure.person.busy') : t('erasure.person.button')}
      </button>
      {state.error !== null && (
        <p className="form-error" role="alert">
          {t('erasure.person.failed', { message: state.error })}
        </p>
      )}
    </div>
  );
}
