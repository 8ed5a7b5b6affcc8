import { useEffect, useState } from 'react';
import { createBoardSession, type BoardSession } from '../../sync/BoardSession.ts';
import type { BoardInfo } from '../api/boardApi.ts';

/** Opens the board's session for as long as the component is mounted; null until it exists. */
export function useBoardSession(info: BoardInfo, key: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const { id, title, role } = info;
  useEffect(() => {
    const opened = createBoardSession({ boardId: id, title, role, key });
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [id, title, role, key]);
  return session;
}
