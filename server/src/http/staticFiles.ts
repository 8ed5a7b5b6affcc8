import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './respond.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** The file to serve for a URL path, or null when it is not a regular file inside `root`. */
function resolveFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built single-page app: existing files with their content type, `index.html` for every other
 * path (the client routes `/b/<id>` itself). Vite's hashed `/assets/*` are cached for a year.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendError(res, 405, 'method-not-allowed', 'Use GET here.');
  }
  // The build keeps its source maps for debugging on the machine; they are not published.
  if (url.pathname.endsWith('.map')) return sendError(res, 404, 'not-found', 'No such file.');
  const direct = url.pathname === '/' ? null : resolveFile(root, url.pathname);
  const file = direct ?? resolveFile(root, '/index.html');
  if (file === null) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The client is not built (no index.html in ${root}). Run "npm run build" first.\n`);
    return;
  }
  const immutable = direct !== null && url.pathname.startsWith('/assets/');
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
