const BOARD_PATH = /^\/b\/([^/]+)\/?$/;

/**
 * The board id in a board page's path (`/b/<id>`), decoded; null for any
 * other path or an undecodable id. The client routes by it and the server
 * recognises a board page being fetched by it.
 */
export function boardIdFromPath(pathname: string): string | null {
  const match = BOARD_PATH.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
