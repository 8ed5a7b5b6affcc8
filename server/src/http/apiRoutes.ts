import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_ID_LENGTH, newBoardState } from '@interplay/shared';
import { MAX_IMPORT_FILE_BYTES, formatImportError } from '@interplay/shared/formats/index';
import type { BoardService, RenewableKey } from '../boards/BoardService.ts';
import { maxTitleLength, renewableKeys } from '../boards/BoardService.ts';
import type { CreateRequestReader } from '../boards/CreateRequestReader.ts';
import { BoardFileTooCostly, ReaderBusy } from '../boards/CreateRequestReader.ts';
import type { CreateRequest } from '../boards/parseCreateRequest.ts';
import type { AccessFailure } from '../boards/BoardService.ts';
import type { Logger } from '../log.ts';
import { isStorageFull } from '../storage/WatchedStorage.ts';
import type { AddressRateLimiter } from './AddressRateLimiter.ts';
import type { AddressSlots } from './AddressSlots.ts';
import { BodyError, invalidJson, mediaType, readBody, sendError, sendJson } from './respond.ts';

/** What limits `POST /api/boards` per client address. */
export interface CreateLimits {
  /** Board creations per address and minute. */
  creations: AddressRateLimiter;
  /** Create requests whose body is being read at once per address: a slow upload holds one. */
  uploads: AddressSlots;
}
import type { BoardErasure } from '../sync/BoardErasure.ts';
import type { BoardHistory } from '../sync/BoardHistory.ts';
import { handleMoments } from './momentRoutes.ts';

const failureStatus: Record<AccessFailure, { status: number; message: string }> = {
  'malformed-id': { status: 400, message: 'This is not a valid board id.' },
  'unknown-board': { status: 404, message: 'There is no board with this id.' },
  'deleted-board': { status: 410, message: 'This board was deleted.' },
  'wrong-key': { status: 403, message: 'This key does not give access to the board.' },
};

const roleNames = {
  facilitator: 'facilitator',
  editor: 'editor',
  viewer: 'viewer',
  anonymous: 'anonymous',
} as const;

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
  limits: CreateLimits,
  history: BoardHistory,
  erasure: BoardErasure,
  log: Logger,
): Promise<void> {
  const parts = url.pathname.split('/').filter((part) => part !== '');
  // parts[0] === 'api'
  try {
    if (parts.length === 2 && parts[1] === 'boards') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return await createBoard(req, res, boards, createRequests, limits, log);
    }
    if (parts.length === 3 && parts[1] === 'boards') {
      if (req.method !== 'GET' && req.method !== 'DELETE') return methodNotAllowed(res, 'GET, DELETE');
      const access = await boards.authorize(parts[2] ?? '', url.searchParams.get('key'));
      if (!access.ok) return refuse(res, access.failure);
      if (req.method === 'DELETE') return await deleteBoard(res, access, erasure, log);
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
      // A moment's title, proposer and past boards hold names; the anonymised view has no history.
      if (role === 'anonymous') {
        return sendError(res, 403, 'forbidden', 'The anonymised view link does not give access to history.');
      }
      return await handleMoments({ req, res, rest: parts.slice(4), board, role, history, log });
    }
    if (parts.length === 5 && parts[1] === 'boards' && parts[3] === 'people') {
      if (req.method !== 'DELETE') return methodNotAllowed(res, 'DELETE');
      const access = await boards.authorize(parts[2] ?? '', url.searchParams.get('key'));
      if (!access.ok) return refuse(res, access.failure);
      return await purgePerson(res, access, parts[4] ?? '', erasure, log);
    }
    if (parts.length === 6 && parts[1] === 'boards' && parts[3] === 'keys' && parts[5] === 'renew') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      const which = parts[4] ?? '';
      if (!isRenewableKey(which))
        return sendError(res, 404, 'not-found', 'Only the edit, view and anonymous keys can be renewed.');
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

type Access = Extract<Awaited<ReturnType<BoardService['authorize']>>, { ok: true }>;

/** `DELETE /api/boards/<id>`: the board and everything stored of it, for good (facilitator key only). */
async function deleteBoard(res: ServerResponse, access: Access, erasure: BoardErasure, log: Logger) {
  if (access.role !== 'facilitator')
    return sendError(res, 403, 'forbidden', 'Only the facilitator key can delete the board.');
  if (!(await erasure.deleteBoard(access.board.id))) return refuse(res, 'deleted-board');
  log.info('board deleted via api', { boardId: access.board.id });
  sendJson(res, 200, { deleted: access.board.id });
}

/** `DELETE /api/boards/<id>/people/<personId>`: removes and purges a person (facilitator key only). */
async function purgePerson(
  res: ServerResponse,
  access: Access,
  rawPersonId: string,
  erasure: BoardErasure,
  log: Logger,
) {
  if (access.role !== 'facilitator')
    return sendError(res, 403, 'forbidden', 'Only the facilitator key can remove people for good.');
  let personId: string;
  try {
    personId = decodeURIComponent(rawPersonId);
  } catch {
    personId = '';
  }
  if (personId === '' || personId.length > MAX_ID_LENGTH)
    return sendError(res, 400, 'invalid-person', 'This is not a valid person id.');
  const found = await erasure.purgePerson(access.board.id, personId);
  log.info('person purged via api', { boardId: access.board.id, found });
  if (!found)
    return sendError(res, 404, 'unknown-person', 'This board has no such person, now or in its history.');
  sendJson(res, 200, { purged: personId });
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
  limits: CreateLimits,
  log: Logger,
) {
  // A cross-site form can post text/plain without asking; application/json needs CORS, which we never grant.
  if (mediaType(req) !== 'application/json') {
    return sendError(
      res,
      415,
      'unsupported-media-type',
      'Send the request as JSON (content-type application/json).',
    );
  }
  const address = req.socket.remoteAddress ?? '';
  if (!limits.creations.take(address)) {
    res.setHeader('retry-after', String(limits.creations.retryAfterSeconds()));
    return sendError(
      res,
      429,
      'too-many-boards',
      'Too many boards were created from this address; try again later.',
    );
  }
  const release = limits.uploads.acquire(address);
  if (release === null) {
    res.setHeader('connection', 'close');
    return sendError(
      res,
      429,
      'too-many-uploads',
      'This address is already sending board files; wait for them.',
    );
  }
  let body: Buffer;
  try {
    body = await readBody(req, maxCreateBodyBytes);
  } finally {
    release();
  }
  const request = await readRequest(res, createRequests, body);
  if (request === null) return;
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
  let created: Awaited<ReturnType<BoardService['createBoard']>>;
  try {
    created = await boards.createBoard(title.trim(), board?.value ?? newBoardState());
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    return sendError(res, 507, 'cannot-save', 'The server cannot save right now (its storage is full).');
  }
  log.info('board created', { boardId: created.board.id, fromFile: board !== undefined });
  sendJson(res, 201, { id: created.board.id, title: created.board.title, keys: created.keys });
}

/** Reads the body in the board-file reader; null when it refused, having answered (422 or 503). */
async function readRequest(
  res: ServerResponse,
  createRequests: CreateRequestReader,
  body: Buffer,
): Promise<CreateRequest | null> {
  try {
    return await createRequests.read(body);
  } catch (error) {
    if (error instanceof BoardFileTooCostly) {
      sendError(res, 422, 'board-file-too-costly', `The board file was not read: ${error.message}.`);
      return null;
    }
    if (error instanceof ReaderBusy) {
      res.setHeader('retry-after', '5');
      sendError(res, 503, 'busy', 'The server is reading other board files; try again in a few seconds.');
      return null;
    }
    throw error;
  }
}

function refuse(res: ServerResponse, failure: AccessFailure): void {
  const { status, message } = failureStatus[failure];
  sendError(res, status, failure, message);
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  res.setHeader('allow', allowed);
  sendError(res, 405, 'method-not-allowed', `Use ${allowed} here.`);
}
