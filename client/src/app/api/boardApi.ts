import { isBoardRole, type BoardRole } from '@interplay/shared';

export interface BoardInfo {
  id: string;
  title: string;
  role: BoardRole;
}

export interface CreatedBoard {
  id: string;
  title: string;
  keys: { facilitator: string; edit: string; view: string };
}

/** Why an API call failed, in terms the page can explain. */
export type ApiFailure =
  | { kind: 'notFound' | 'forbidden' | 'badRequest' | 'deleted'; message: string }
  | { kind: 'server'; status: number; message: string }
  | { kind: 'network' };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function failureFor(status: number, body: unknown): ApiFailure {
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  if (status === 404) return { kind: 'notFound', message };
  if (status === 410) return { kind: 'deleted', message };
  if (status === 403) return { kind: 'forbidden', message };
  if (status === 400) return { kind: 'badRequest', message };
  return { kind: 'server', status, message };
}

/** Runs a request and validates the answer; never throws (except an AbortError when `init.signal` aborts). */
export async function call<T>(
  input: string,
  init: RequestInit,
  expected: number,
  parse: (body: unknown) => T | null,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, failure: { kind: 'network' } };
  }
  const body = await readJson(response);
  if (response.status !== expected) return { ok: false, failure: failureFor(response.status, body) };
  const value = parse(body);
  if (value === null) {
    return {
      ok: false,
      failure: { kind: 'server', status: response.status, message: 'unexpected answer' },
    };
  }
  return { ok: true, value };
}

/**
 * `POST /api/boards`: creates a board and returns its three keys. With
 * `boardFile` (a board JSON export) the board starts with its content.
 */
export function createBoard(title: string, boardFile?: string): Promise<ApiResult<CreatedBoard>> {
  // The file is JSON text already: spliced in, not parsed and stringified again.
  const body =
    boardFile === undefined
      ? JSON.stringify({ title })
      : `{"title":${JSON.stringify(title)},"board":${boardFile}}`;
  return call(
    '/api/boards',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    201,
    (body) => {
      if (!isRecord(body) || !isNonEmptyString(body.id) || typeof body.title !== 'string') return null;
      const keys = body.keys;
      if (!isRecord(keys)) return null;
      const { facilitator, edit, view } = keys;
      if (!isNonEmptyString(facilitator) || !isNonEmptyString(edit) || !isNonEmptyString(view)) return null;
      return { id: body.id, title: body.title, keys: { facilitator, edit, view } };
    },
  );
}

/**
 * `GET /api/boards/<id>?key=`: the board's title and what this key may do.
 * WARNING: rejects with an AbortError when `signal` aborts; callers must ignore it.
 */
export function fetchBoardInfo(id: string, key: string, signal?: AbortSignal): Promise<ApiResult<BoardInfo>> {
  const url = `/api/boards/${encodeURIComponent(id)}?key=${encodeURIComponent(key)}`;
  return call(url, signal ? { signal } : {}, 200, (body) => {
    if (!isRecord(body) || !isNonEmptyString(body.id) || typeof body.title !== 'string') return null;
    if (!isBoardRole(body.role)) return null;
    return { id: body.id, title: body.title, role: body.role };
  });
}

/** The full link that opens a board with a key. */
export function boardLink(origin: string, id: string, key: string): string {
  return `${origin}/b/${encodeURIComponent(id)}?key=${encodeURIComponent(key)}`;
}
