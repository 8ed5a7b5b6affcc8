import type { ServerResponse } from 'node:http';

/**
 * What the built page may load. Scripts only from this server (Vite emits no inline script); styles
 * inline too, because the spotlight is drawn by a `<style>` element; images and fonts also as `data:`
 * and `blob:` URLs (the favicon, the export's embedded font and its previews); workers from this server.
 * `'self'` covers the page's websocket to the same host (CSP level 3).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every response carries. Board keys travel in URLs, so no page may pass its address on as a
 * referrer; no other site may frame the page (clickjacking a facilitator's controls) or make the browser
 * guess a content type.
 */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', contentSecurityPolicy);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}
