import { call, type ApiResult } from '../app/api/boardApi.ts';

const boardUrl = (boardId: string, key: string, path = ''): string =>
  `/api/boards/${encodeURIComponent(boardId)}${path}?key=${encodeURIComponent(key)}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** `DELETE /api/boards/<id>?key=<facilitator key>`: deletes the board and all its data. Never throws. */
export function deleteBoardForGood(boardId: string, facilitatorKey: string): Promise<ApiResult<true>> {
  return call(boardUrl(boardId, facilitatorKey), { method: 'DELETE' }, 200, (body) =>
    isRecord(body) && body.deleted === boardId ? true : null,
  );
}

/**
 * `DELETE /api/boards/<id>/people/<personId>?key=<facilitator key>`: removes the person from the board and
 * its whole history. Never throws.
 */
export function purgePersonForGood(
  boardId: string,
  personId: string,
  facilitatorKey: string,
): Promise<ApiResult<true>> {
  const url = boardUrl(boardId, facilitatorKey, `/people/${encodeURIComponent(personId)}`);
  return call(url, { method: 'DELETE' }, 200, (body) =>
    isRecord(body) && body.purged === personId ? true : null,
  );
}
