/** The pages of the app, decided from the URL alone. */
export type Route =
  { page: 'start' } | { page: 'board'; boardId: string; key: string | null } | { page: 'notFound' };

const BOARD_PATH = /^\/b\/([^/]+)\/?$/;

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  if (location.pathname === '/' || location.pathname === '/index.html') return { page: 'start' };
  const match = BOARD_PATH.exec(location.pathname);
  if (match?.[1]) {
    let boardId: string;
    try {
      boardId = decodeURIComponent(match[1]);
    } catch {
      return { page: 'notFound' };
    }
    const key = new URLSearchParams(location.search).get('key');
    return { page: 'board', boardId, key: key === null || key === '' ? null : key };
  }
  return { page: 'notFound' };
}
