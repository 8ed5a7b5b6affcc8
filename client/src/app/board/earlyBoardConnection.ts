import { parseRoute } from '../route.ts';
import { fetchBoardInfo } from '../api/boardApi.ts';
import type { ApiResult, BoardInfo } from '../api/boardApi.ts';
import { openBoardConnection } from '../../sync/BoardSession.ts';
import type { BoardConnection } from '../../sync/BoardSession.ts';

/**
 * On a board link, the link check, the websocket and the local copy start while
 * the rest of the app is still loading, instead of after React has mounted and
 * the check has answered: the server needs a moment to load the board before
 * it accepts the socket, and the sync is what a cold open waits for. The
 * check decides only what the page shows; the server checks the key on the
 * socket itself. `main.tsx` runs this module in the small entry chunk, before
 * the app's own chunk (`startApp.tsx`) has run; the board is held until the
 * map is ready for it (`BoardSocket.release`).
 */
interface EarlyStart {
  readonly boardId: string;
  readonly key: string;
  info: Promise<ApiResult<BoardInfo>> | null;
  connection: BoardConnection | null;
}

function start(): EarlyStart | null {
  if (typeof window === 'undefined') return null;
  const route = parseRoute(window.location);
  if (route.page !== 'board' || route.key === null) return null;
  const { boardId, key } = route;
  return {
    boardId,
    key,
    info: fetchBoardInfo(boardId, key),
    // Held until the map is ready for it: it can arrive before the app's script has loaded.
    connection: openBoardConnection({ boardId, key, holdBoard: true }),
  };
}

const early = start();

const matches = (boardId: string, key: string): boolean =>
  early !== null && early.boardId === boardId && early.key === key;

/** The link check started at load for this board and key (once), or null. */
export function takeEarlyBoardInfo(boardId: string, key: string): Promise<ApiResult<BoardInfo>> | null {
  if (!early || !matches(boardId, key)) return null;
  const { info } = early;
  early.info = null;
  return info;
}

/** The connection opened at load for this board and key (once; the caller owns it), or null. */
export function takeEarlyConnection(boardId: string, key: string): BoardConnection | null {
  if (!early || !matches(boardId, key)) return null;
  const { connection } = early;
  early.connection = null;
  return connection;
}

/** Closes the connection opened at load if nobody took it (the link did not open a board). */
export function dropEarlyConnection(): void {
  early?.connection?.destroy();
  if (early) early.connection = null;
}
