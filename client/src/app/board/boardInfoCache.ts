import { isBoardRole } from '@interplay/shared';
import type { BoardInfo } from '../api/boardApi.ts';

const prefix = (boardId: string): string => `interplay.board.${boardId}`;

/** Remembers what a link opened, for reopening the local copy while the server is unreachable. */
export function rememberBoardInfo(key: string, info: BoardInfo): void {
  try {
    localStorage.setItem(prefix(info.id), JSON.stringify({ key, title: info.title, role: info.role }));
  } catch {
    // Storage full or disabled: offline reopening just will not work.
  }
}

/** The remembered answer for exactly this board and key, or null. */
export function recallBoardInfo(boardId: string, key: string): BoardInfo | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(prefix(boardId)) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    if (record.key !== key || typeof record.title !== 'string' || !isBoardRole(record.role)) return null;
    return { id: boardId, title: record.title, role: record.role };
  } catch {
    return null;
  }
}

/** Forgets what a link opened (the board was deleted). */
export function forgetBoardInfo(boardId: string): void {
  try {
    localStorage.removeItem(prefix(boardId));
  } catch {
    // Storage disabled: there is nothing remembered either.
  }
}
