import type { IncomingMessage, ServerResponse } from 'node:http';
import { newBoardState } from '@interplay/shared';
import { MAX_IMPORT_FILE_BYTES, formatImportError } from '@interplay/shared/formats/index';
import type { BoardService, RenewableKey } from '../boards/BoardService.ts';
import { maxTitleLength, renewableKeys } from '../boards/BoardService.ts';
import type { CreateRequestReader } from '../boards/CreateRequestReader.ts';
import type { AccessFailure } from '../boards/BoardService.ts';
import type { Logger } from '../log.ts';
import type { BoardHistory } from '../sync/BoardHistory.ts';
import { handleMoments } from './momentRoutes.ts';
import { BodyError, invalidJson, readBody, sendError, sendJson } from './respond.ts';

const failureStatus: Record<AccessFailure, { status: number; message: string }> = {
  'malformed-id': { status: 400, message: 'This is not a valid board id.' },
  'unknown-board': { status: 404, message: 'There is no board with this id.' },
  'wrong-key': { status: 403, message: 'This key does not give access to the board.' },
};

const roleNames = { facilitator: 'facilitator', editor: 'editor', viewer: 'viewer' } as const;

function isRenewableKey(value: string): value is RenewableKey {
  return Object.hasOwn(renewableKeys, value);
}

/** Handles every request under `/api`. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  boards: BoardService,
  createRequests: CreateRequestReader,
  history: BoardHistory,
  log: Logger,
): Promise<void> {
  const parts = url.pathname.split('/').filter((part) => part !== '');
  // parts[0] === 'api'
  try {
    if (parts.length === 2 && parts[1] === 'boards') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return await createBoard(req, res, boards, createRequests, log);
    }
    if (parts.length === 3 && parts[1] === 'boards') {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      const access = await boards.authorize(parts[2] ?? '', url.searchParams.get('key'));
      if (!access.ok) return refuse(res, access.failure);
      return sendJson(res, 200, {
        id: access.board.id,
        title: access.board.title,
        role: roleNames[access.role],
      });
    }
    if (parts.length >= 4 && parts[1] === 'boards' && parts[3] === 'moments') {
      const access = await boards.authorize(parts[2] ?? '', url.searchParams.get('key'));
      if (!access.ok) return refuse(res, access.failure);
      const { board, role } = access;
      return await handleMoments({ req, res, rest: parts.slice(4), board, role, history, log });
    }
    if (parts.length === 6 && parts[1] === 'boards' && parts[3] === 'keys' && parts[5] === 'renew') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      const which = parts[4] ?? '';
      if (!isRenewableKey(which))
        return sendError(res, 404, 'not-found', 'Only the edit and view keys can be renewed.');
      const facilitatorKey = url.searchParams.get('key');
      const access = await boards.authorize(parts[2] ?? '', facilitatorKey);
      if (!access.ok) return refuse(res, access.failure);
      if (access.role !== 'facilitator') {
        return sendError(res, 403, 'forbidden', 'Only the facilitator key can renew keys.');
      }
      const key = await boards.renewKey(access.board.id, which);
      log.info('key renewed via api', { boardId: access.board.id, key: which });
      // Only hashes are stored, so the key that was not renewed cannot be returned.
      return sendJson(res, 200, { keys: { facilitator: facilitatorKey, [which]: key } });
    }
    return sendError(res, 404, 'not-found', 'No such API endpoint.');
  } catch (error) {
    if (error instanceof BodyError) return sendError(res, error.status, error.code, error.message);
    throw error;
  }
}

/** A create request without a board file is a title; with one, the file may be as large as an import. */
const maxCreateBodyBytes = MAX_IMPORT_FILE_BYTES + 16 * 1024;
/** Errors of a refused board file listed in the answer; the rest are counted. */
const listedBoardErrors = 20;

async function createBoard(
  req: IncomingMessage,
  res: ServerResponse,
  boards: BoardService,
  createRequests: CreateRequestReader,
  log: Logger,
) {
  const request = await createRequests.read(await readBody(req, maxCreateBodyBytes));
  if (request.kind === 'invalid-json') throw invalidJson();
  const { title, board } = request;
  if (typeof title !== 'string' || title.trim() === '') {
    return sendError(res, 400, 'invalid-title', 'A board needs a title: send { "title": "…" }.');
  }
  if (title.length > maxTitleLength) {
    return sendError(res, 400, 'invalid-title', `A title may have at most ${maxTitleLength} characters.`);
  }
  if (board && !board.ok) {
    return sendJson(res, 400, {
      error: 'invalid-board',
      message: `The board file was refused: ${board.errors.map(formatImportError).slice(0, 3).join('; ')}`,
      errors: board.errors.slice(0, listedBoardErrors),
      errorCount: board.errors.length,
    });
  }
  const created = await boards.createBoard(title.trim(), board?.value ?? newBoardState());
  log.info('board created', { boardId: created.board.id, fromFile: board !== undefined });
  sendJson(res, 201, { id: created.board.id, title: created.board.title, keys: created.keys });
}

function refuse(res: ServerResponse, failure: AccessFailure): void {
  const { status, message } = failureStatus[failure];
  sendError(res, status, failure, message);
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  res.setHeader('allow', allowed);
  sendError(res, 405, 'method-not-allowed', `Use ${allowed} here.`);
}
