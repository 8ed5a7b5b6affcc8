import { useEffect, useState } from 'react';
import { fetchBoardInfo, type ApiFailure, type BoardInfo } from '../api/boardApi.ts';
import { deleteLocalCopy } from '../../sync/BoardSession.ts';
import { forgetBoardInfo, rememberBoardInfo, recallBoardInfo } from './boardInfoCache.ts';
import { dropEarlyConnection, takeEarlyBoardInfo } from './earlyBoardConnection.ts';

export type BoardInfoState =
  | { state: 'loading' }
  | { state: 'ready'; info: BoardInfo; fromCache: boolean }
  | { state: 'failed'; failure: ApiFailure };

/**
 * Asks the server what this link opens. When the server cannot be reached but
 * this browser opened the same link before, the remembered answer is used so
 * the locally kept copy of the board still opens.
 */
export function useBoardInfo(boardId: string, key: string): BoardInfoState {
  const [result, setResult] = useState<BoardInfoState>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const answered = takeEarlyBoardInfo(boardId, key) ?? fetchBoardInfo(boardId, key, controller.signal);
    answered.then(
      (answer) => {
        if (controller.signal.aborted) return;
        if (answer.ok) {
          rememberBoardInfo(key, answer.value);
          setResult({ state: 'ready', info: answer.value, fromCache: false });
          return;
        }
        if (answer.failure.kind === 'deleted') {
          // The board is gone from the server: this browser's copy of it goes too.
          forgetBoardInfo(boardId);
          void deleteLocalCopy(boardId);
        }
        const cached = answer.failure.kind === 'network' ? recallBoardInfo(boardId, key) : null;
        if (!cached) dropEarlyConnection();
        setResult(
          cached
            ? { state: 'ready', info: cached, fromCache: true }
            : { state: 'failed', failure: answer.failure },
        );
      },
      () => {
        // Aborted because the page moved on: nothing to show.
      },
    );
    return () => controller.abort();
  }, [boardId, key]);
  return result;
}
