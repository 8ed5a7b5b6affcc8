import type { IncomingMessage } from 'node:http';

/**
 * Whether a websocket handshake may proceed: from a page of this server (its Origin names the host the
 * request was sent to) or of an origin in `allowed`. Browsers always send Origin on a websocket
 * handshake, so a request without one is no other site's page but a program (a test, a tool), which
 * still needs a board key like anyone else.
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
