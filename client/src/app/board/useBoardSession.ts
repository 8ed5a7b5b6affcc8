import { useEffect, useState } from 'react';
import { createBoardSession, type BoardSession } from '../../sync/BoardSession.ts';
import { reportRefusal } from '../../facilitation/refusalNotice.ts';
import type { BoardInfo } from '../api/boardApi.ts';
import { takeEarlyConnection } from './earlyBoardConnection.ts';

/**
 * Opens the board's session for as long as the component is mounted; null until it exists.
 * When the server refuses one of this page's updates, the page says why, drops its local
 * copy (which still holds the refused change) and opens a fresh session, so it never
 * diverges from the server.
 */
export function useBoardSession(info: BoardInfo, key: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const { id, title, role } = info;
  useEffect(() => {
    let resyncing = false;
    const opened = createBoardSession(
      {
        boardId: id,
        title,
        role,
        key,
        onRefused(reason) {
          reportRefusal(reason);
          if (resyncing) return;
          resyncing = true;
          void opened.discardLocalCopy().then(() => setGeneration((n) => n + 1));
        },
      },
      // The socket opened while the page loaded (only the first session of the page).
      takeEarlyConnection(id, key) ?? undefined,
    );
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [id, title, role, key, generation]);
  return session;
}
