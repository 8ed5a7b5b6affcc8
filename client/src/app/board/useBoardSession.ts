import { useEffect, useState } from 'react';
import { readSettings } from '@interplay/shared';
import { createBoardSession, type BoardSession } from '../../sync/BoardSession.ts';
import { reportRefusal } from '../../facilitation/refusalNotice.ts';
import type { BoardInfo } from '../api/boardApi.ts';
import { takeEarlyConnection } from './earlyBoardConnection.ts';

/**
 * Opens the board's session for as long as the component is mounted; null until it exists.
 * When the server did not apply part of this page's changes, the page only says so: the server
 * applied the rest and reverted that part with an update of its own, so the local copy and
 * everything allowed in it stay.
 */
export function useBoardSession(info: BoardInfo, key: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const { id, title, role } = info;
  useEffect(() => {
    const opened = createBoardSession(
      {
        boardId: id,
        title,
        role,
        key,
        onRefused: (reason) => reportRefusal(reason, readSettings(opened.doc).phase),
      },
      // The socket opened while the page loaded (only the first session of the page).
      takeEarlyConnection(id, key) ?? undefined,
    );
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [id, title, role, key]);
  return session;
}
