import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { waitFor } from '../support/syncClient.ts';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-static-'));
const partner = 'https://partner.example';
let server: ServerHandle;

beforeAll(async () => {
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Interplay</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};\n//# sourceMappingURL=app.js.map');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js.map'), '{"version":3}');
  server = await startServer({
    env: { STATIC_DIR: staticDir, BOARD_CREATES_PER_MINUTE: '3', ALLOWED_ORIGINS: partner },
  });
});

afterAll(async () => {
  await server?.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const post = (body: string, contentType: string) =>
  fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': contentType }, body });

/** The status a websocket handshake to the board gets with this Origin header (101 when it opens). */
function handshakeStatus(boardPath: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${server.wsUrl}${boardPath}`, origin === undefined ? {} : { origin });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

describe('HTTP hygiene', () => {
  it('every response says: no framing, no sniffing, no referrer, and what the page may load', async () => {
    for (const url of ['/', '/b/abc?key=x', '/api/boards/nope', '/healthz', '/assets/app.js']) {
      const res = await fetch(`${server.url}${url}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('source maps are not served', async () => {
    expect((await fetch(`${server.url}/assets/app.js`)).status).toBe(200);
    const map = await fetch(`${server.url}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('"version"');
  });

  it('POST /api/boards takes application/json only (a cross-site form posts text/plain)', async () => {
    const form = await post('{"title":"From a form"}', 'text/plain');
    expect(form.status).toBe(415);
    expect(((await form.json()) as { error: string }).error).toBe('unsupported-media-type');
    const urlEncoded = await post('title=x', 'application/x-www-form-urlencoded');
    expect(urlEncoded.status).toBe(415);
  });

  it('an upload the client aborts is logged as info, not as an error', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100000\r\n\r\n{"title":"half',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    await waitFor(
      () => server.logs.some((line) => line.includes('request aborted')),
      'the abort to be logged',
    );
    const line = server.logs.find((entry) => entry.includes('request aborted')) ?? '';
    expect(line).toContain('"level":"info"');
    expect(server.logs.filter((entry) => entry.includes('"level":"error"'))).toEqual([]);
  });

  it('board creation is rate-limited per address (429 with retry-after)', async () => {
    // BOARD_CREATES_PER_MINUTE is 3 here (the aborted upload above may have used one).
    let created = 0;
    let refused: Response | null = null;
    for (let i = 0; i < 10 && refused === null; i++) {
      const res = await post(JSON.stringify({ title: `Board ${i}` }), 'application/json; charset=utf-8');
      if (res.status === 201) created += 1;
      else refused = res;
    }
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(3);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a websocket from another site is refused; the own site, listed origins and programs are not', async () => {
    // The origin is judged before the key: for an unknown board, 101 (then a close with 4004) means it passed.
    const boardPath = '/sync/AAAAAAAAAAAAAAAAAAAAAA?key=x';
    expect(await handshakeStatus(boardPath, 'https://evil.example')).toBe(403);
    expect(await handshakeStatus(boardPath, 'null')).toBe(403);
    expect(await handshakeStatus(boardPath, server.url)).toBe(101);
    expect(await handshakeStatus(boardPath, partner)).toBe(101);
    expect(await handshakeStatus(boardPath)).toBe(101);
  });
});
