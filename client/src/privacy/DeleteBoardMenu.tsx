import { useState } from 'react';
import { useDismissableDetails } from '../app/common/useDismissableDetails.ts';
import { useT } from '../i18n/index.ts';
import { deleteBoardForGood } from './erasureApi.ts';
import './erasure.css';

/**
 * The facilitator's "Delete board", behind a typed confirmation (the board's title). Once the server has
 * deleted it, this page is closed like every other one (code 4410) and says so.
 */
export function DeleteBoardMenu({
  boardId,
  title,
  facilitatorKey,
}: {
  boardId: string;
  title: string;
  facilitatorKey: string;
}) {
  const t = useT();
  const details = useDismissableDetails();
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const confirmed = typed.trim() === title.trim();

  const remove = async (): Promise<void> => {
    setState({ busy: true, error: null });
    const result = await deleteBoardForGood(boardId, facilitatorKey);
    if (result.ok) return; // The server closes this page's connection: the page then says the board was deleted.
    setState({
      busy: false,
      error: result.failure.kind === 'network' ? t('error.network') : result.failure.message,
    });
  };

  return (
    <details ref={details} className="ip-fbar__menu" data-testid="delete-board-menu">
      <summary className="ip-fbar__button ip-erase__summary" title={t('erasure.board.hint')}>
        {t('erasure.board.button')}
      </summary>
      <div className="ip-fbar__popover ip-fbar__popover--links">
        <p className="ip-fbar__note">{t('erasure.board.explain')}</p>
        <label className="ip-links__label ip-erase__confirm">
          {t('erasure.board.typeTitle', { title })}
          <input
            className="ip-erase__input"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-testid="delete-board-confirm"
          />
        </label>
        <button
          type="button"
          className="ip-button ip-button--danger"
          disabled={!confirmed || state.busy}
          onClick={() => void remove()}
          data-testid="delete-board"
        >
          {state.busy ? t('erasure.board.busy') : t('erasure.board.delete')}
        </button>
        {state.error !== null && (
          <p className="form-error" role="alert">
            {t('erasure.board.failed', { message: state.error })}
          </p>
        )}
      </div>
    </details>
  );
}
