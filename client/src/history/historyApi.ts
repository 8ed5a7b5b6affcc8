import { readMoment } from '@interplay/shared/history/moment';
import type { Moment } from '@interplay/shared/history/moment';
import { call } from '../app/api/boardApi.ts';
import type { ApiResult } from '../app/api/boardApi.ts';

/** Where one board's moments are in the HTTP API, for one key. */
export interface HistoryEndpoint {
  readonly boardId: string;
  readonly key: string;
}

function url({ boardId, key }: HistoryEndpoint, path = ''): string {
  return `/api/boards/${encodeURIComponent(boardId)}/moments${path}?key=${encodeURIComponent(key)}`;
}

const postJson = (body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** `GET …/moments`: the timeline, in order. */
export function fetchMoments(endpoint: HistoryEndpoint): Promise<ApiResult<Moment[]>> {
  return call(url(endpoint), {}, 200, (body) => {
    const list = (body as { moments?: unknown } | null)?.moments;
    if (!Array.isArray(list)) return null;
    const moments = list.map(readMoment);
    return moments.every((m): m is Moment => m !== null) ? moments : null;
  });
}

export interface NewMoment {
  readonly title: string;
  readonly description: string;
  readonly kind: 'moment' | 'event';
  /** `YYYY-MM-DD`, or null for now. */
  readonly at: string | null;
  readonly proposedBy?: string;
}

/** Names a moment (facilitator) or proposes one (participant). */
export function recordMoment(
  endpoint: HistoryEndpoint,
  moment: NewMoment,
  as: 'name' | 'propose',
): Promise<ApiResult<Moment>> {
  return call(url(endpoint, as === 'name' ? '' : '/proposals'), postJson(moment), 201, readMoment);
}

export function confirmMoment(endpoint: HistoryEndpoint, id: string): Promise<ApiResult<Moment>> {
  return call(url(endpoint, `/${id}/confirm`), postJson(), 200, readMoment);
}

export function deleteMoment(endpoint: HistoryEndpoint, id: string): Promise<ApiResult<true>> {
  return call(url(endpoint, `/${id}`), { method: 'DELETE' }, 200, () => true);
}

export type RestoreCounts = Readonly<Record<'added' | 'removed' | 'changed', number>>;

export function restoreMoment(endpoint: HistoryEndpoint, id: string): Promise<ApiResult<RestoreCounts>> {
  return call(url(endpoint, `/${id}/restore`), postJson(), 200, (body) => {
    const changes = (body as { changes?: Partial<RestoreCounts> } | null)?.changes;
    const { added, removed, changed } = changes ?? {};
    if (typeof added !== 'number' || typeof removed !== 'number' || typeof changed !== 'number') return null;
    return { added, removed, changed };
  });
}

/** The board as it was at a moment, as one Yjs update (a moment's state never changes: cached). */
export async function fetchMomentState(endpoint: HistoryEndpoint, id: string): Promise<Uint8Array> {
  const response = await fetch(url(endpoint, `/${id}/state`));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The board as it was at a moment, as a board JSON file (the JSON export's format). */
export async function fetchMomentBoardFile(endpoint: HistoryEndpoint, id: string): Promise<string> {
  const response = await fetch(url(endpoint, `/${id}/board`));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
