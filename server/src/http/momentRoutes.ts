import type { IncomingMessage, ServerResponse } from 'node:http';
import { isGeneratedIdFormat } from '@interplay/shared';
import type { BoardRole } from '@interplay/shared';
import { parseMomentInput } from '@interplay/shared/history/moment';
import type { BoardRecord } from '../storage/Storage.ts';
import type { BoardHistory } from '../sync/BoardHistory.ts';
import type { Logger } from '../log.ts';
import { invalidJson, readBody, sendError, sendJson } from './respond.ts';

/** A moment request body is a title, a date and a short description. */
const maxMomentBodyBytes = 16 * 1024;

export interface MomentRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** The path after `/api/boards/<id>/moments`, split at `/`. */
  rest: readonly string[];
  board: BoardRecord;
  role: BoardRole;
  history: BoardHistory;
  log: Logger;
}

function forbidden(res: ServerResponse, what: string): void {
  sendError(res, 403, 'forbidden', `Only the facilitator key can ${what}.`);
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  res.setHeader('allow', allowed);
  sendError(res, 405, 'method-not-allowed', `Use ${allowed} here.`);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, maxMomentBodyBytes);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidJson();
  }
}

/**
 * `/api/boards/<id>/moments…`, the key already checked: every key may list moments and read the board as it
 * was; editors may propose a moment; only the facilitator names, confirms, deletes and restores.
 */
export async function handleMoments(request: MomentRequest): Promise<void> {
  const { req, res, rest, board, role, history } = request;
  const [first, action, ...extra] = rest;
  if (first === undefined) {
    if (req.method === 'GET') return sendJson(res, 200, { moments: await history.list(board.id) });
    if (req.method !== 'POST') return methodNotAllowed(res, 'GET, POST');
    if (role !== 'facilitator') return forbidden(res, 'name a moment; participants can propose one');
    return record(request, 'confirmed');
  }
  if (first === 'proposals' && action === undefined) {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    if (role === 'viewer')
      return sendError(res, 403, 'forbidden', 'A view-only key cannot propose a moment.');
    return record(request, 'proposed');
  }
  if (!isGeneratedIdFormat(first) || extra.length > 0) return notFound(res);
  if (action === undefined) {
    if (req.method !== 'DELETE') return methodNotAllowed(res, 'DELETE');
    if (role !== 'facilitator') return forbidden(res, 'delete a moment');
    return (await history.delete(board.id, first)) ? sendJson(res, 200, { deleted: first }) : notFound(res);
  }
  if (action === 'board' || action === 'state') {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
    return sendPast(request, first, action);
  }
  if (action === 'confirm' || action === 'restore') {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    if (role !== 'facilitator') return forbidden(res, `${action} a moment`);
    return action === 'confirm' ? confirm(request, first) : restore(request, first);
  }
  return notFound(res);
}

function notFound(res: ServerResponse): void {
  sendError(res, 404, 'unknown-moment', 'This board has no such moment.');
}

async function record({ req, res, board, history, log }: MomentRequest, status: 'confirmed' | 'proposed') {
  const input = parseMomentInput(await readJsonBody(req));
  if (!input.ok) return sendError(res, 400, 'invalid-moment', input.message);
  const moment = await history.record(board.id, input.value, status);
  log.info('moment recorded', { boardId: board.id, momentId: moment.id, status });
  sendJson(res, 201, moment);
}

async function confirm({ res, board, history }: MomentRequest, momentId: string) {
  const moment = await history.confirm(board.id, momentId);
  return moment === null ? notFound(res) : sendJson(res, 200, moment);
}

async function restore({ res, board, history, log }: MomentRequest, momentId: string) {
  const result = await history.restore(board.id, momentId);
  if (result === null) return notFound(res);
  log.info('moment restored', { boardId: board.id, momentId, before: result.before.id });
  sendJson(res, 200, result);
}

async function sendPast({ res, board, history }: MomentRequest, momentId: string, as: 'board' | 'state') {
  if (as === 'board') {
    const file = await history.boardFile(board.id, momentId, board.title);
    if (file === null) return notFound(res);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(file),
      'cache-control': 'no-store',
    });
    res.end(file);
    return;
  }
  const state = await history.state(board.id, momentId);
  if (state === null) return notFound(res);
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': state.byteLength,
    // A moment's state never changes.
    'cache-control': 'private, max-age=31536000, immutable',
  });
  res.end(state);
}
