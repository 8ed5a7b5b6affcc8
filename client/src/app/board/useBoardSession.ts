import { useEffect, useState } from 'react';
import { isReadOnlyRole, readSettings } from '@interplay/shared';
import { createBoardSession, openBoardConnection, type BoardSession } from '../../sync/BoardSession.ts';
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
 * A page of the anonymised view link holds the server's projection of the board, which a reloaded room makes
 * anew: it keeps no local copy and opens a fresh session whenever its connection drops.
 */
export function useBoardSession(info: BoardInfo, key: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const { id, title, role } = info;
  useEffect(() => {
    let discarding = false;
    const anonymous = role === 'anonymous';
    // The socket opened while the page loaded (only the first session of the page). The anonymised view opens
    // its own, without a local copy: the early one could not know which link it was.
    let early = takeEarlyConnection(id, key);
    if (anonymous) {
      early?.destroy();
      early = openBoardConnection({ boardId: id, key, holdBoard: true, localCopy: false });
    }
    const opened = createBoardSession(
      {
        boardId: id,
        title,
        role,
        key,
        onRefused(reason) {
          reportRefusal(reason, readSettings(opened.doc).phase);
          if (!isReadOnlyRole(role) || discarding) return;
          discarding = true;
          void opened.discardLocalCopy().then(() => setGeneration((n) => n + 1));
        },
        onReconnecting() {
          if (!anonymous || discarding) return;
          discarding = true;
          setGeneration((n) => n + 1);
        },
      },
      early ?? undefined,
    );
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [id, title, role, key, generation]);
  return session;
}
