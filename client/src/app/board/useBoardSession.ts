import { useEffect, useState } from 'react';
import { readSettings } from '@interplay/shared';
import { createBoardSession, type BoardSession } from '../../sync/BoardSession.ts';
import { reportRefusal } from '../../facilitation/refusalNotice.ts';
import type { BoardInfo } from '../api/boardApi.ts';
import { takeEarlyConnection } from './earlyBoardConnection.ts';

/**
 * Opens the board's session for as long as the component is mounted; null until it exists.
 * When the server did not apply part of this page's changes, the page says so and keeps its
 * local copy: the server applied the rest and reverted that part with an update of its own.
 * A view-only page is the exception: the server refuses its update whole (nothing of it is
 * applied, so nothing is reverted), so the page drops its local copy, which holds nothing a
 * viewer could keep, and opens a fresh session rather than show what nobody else sees.
 */
export function useBoardSession(info: BoardInfo, key: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const { id, title, role } = info;
  useEffect(() => {
    let discarding = false;
    const opened = createBoardSession(
      {
        boardId: id,
        title,
        role,
        key,
        onRefused(reason) {
          reportRefusal(reason, readSettings(opened.doc).phase);
          if (role !== 'viewer' || discarding) return;
          discarding = true;
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
