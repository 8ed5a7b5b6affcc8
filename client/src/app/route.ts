import { boardIdFromPath } from '@interplay/shared/boardPath';

/** The pages of the app, decided from the URL alone. */
export type Route =
  { page: 'start' } | { page: 'board'; boardId: string; key: string | null } | { page: 'notFound' };

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  if (location.pathname === '/' || location.pathname === '/index.html') return { page: 'start' };
  const boardId = boardIdFromPath(location.pathname);
  if (boardId === null) return { page: 'notFound' };
  const key = new URLSearchParams(location.search).get('key');
  return { page: 'board', boardId, key: key === null || key === '' ? null : key };
}
