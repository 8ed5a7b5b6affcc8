import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoardService } from '../boards/BoardService.ts';
import type { CreateRequestReader } from '../boards/CreateRequestReader.ts';
import type { Logger } from '../log.ts';
import type { BoardErasure } from '../sync/BoardErasure.ts';
import type { BoardHistory } from '../sync/BoardHistory.ts';
import { errorFields } from '../log.ts';
import { boardIdFromPath } from '@interplay/shared/boardPath';
import { handleApi } from './apiRoutes.ts';
import type { CreateLimits } from './apiRoutes.ts';
import { RequestAborted, sendError, sendJson } from './respond.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { serveStatic } from './staticFiles.ts';

/** What the HTTP handler serves and reports; composed by `InterplayServer`. */
export interface HttpHandlerContext {
  boards: BoardService;
  createRequests: CreateRequestReader;
  limits: CreateLimits;
  /** Moments and checkpoints of boards (`/api/boards/<id>/moments…`). */
  history: BoardHistory;
  /** Removing people and boards for good (`DELETE /api/boards/<id>…`). */
  erasure: BoardErasure;
  staticDir: string;
  log: Logger;
  /** Loads a board's room ahead of its socket. */
  warmBoard: (boardId: string) => void;
  /** `/healthz`: null while all is well, else why the server cannot do its job (e.g. it cannot save). */
  trouble: () => Promise<string | null>;
}

/**
 * Routes plain HTTP requests: `/healthz`, `/api/*`, and the single-page app for everything else. A board
 * page fetched with a valid key has its room loaded ahead of the socket (`warmBoard`).
 */
export function createHttpHandler(context: HttpHandlerContext) {
  const { boards, createRequests, limits, history, erasure, staticDir, log, warmBoard } = context;
  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendError(res, 400, 'bad-request', 'The request URL is not valid.');
    }
    const route = async (): Promise<void> => {
      if (url.pathname === '/healthz') {
        const trouble = await context.trouble();
        return sendJson(
          res,
          trouble === null ? 200 : 503,
          trouble === null ? { ok: true } : { ok: false, trouble },
        );
      }
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        return handleApi(req, res, url, boards, createRequests, limits, history, erasure, log);
      }
      if (url.pathname === '/sync' || url.pathname.startsWith('/sync/')) {
        return sendError(res, 426, 'upgrade-required', 'This endpoint speaks websocket only.');
      }
      serveStatic(req, res, url, staticDir);
      // Loading a room holds the event loop; start once the page itself has gone out.
      res.once('finish', () => void warmBoardPage(url).catch(() => undefined));
    };
    // The page will open the board's socket as soon as its scripts run; load the room meanwhile.
    const warmBoardPage = async (url: URL): Promise<void> => {
      const boardId = req.method === 'GET' ? boardIdFromPath(url.pathname) : null;
      if (boardId === null) return;
      const access = await boards.authorize(boardId, url.searchParams.get('key'));
      if (access.ok) warmBoard(access.board.id);
    };
    route().catch((error: unknown) => {
      if (error instanceof RequestAborted) {
        log.info('request aborted by the client', { method: req.method, path: url.pathname });
        res.destroy();
        return;
      }
      log.error('request failed', { method: req.method, path: url.pathname, ...errorFields(error) });
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong on the server.');
      else res.destroy();
    });
  };
}
