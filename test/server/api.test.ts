import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { createBoard } from '../support/syncClient.ts';

let server: ServerHandle;
let staticDir: string;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Interplay</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'interplay-secret.txt'), 'secret');
  server = await startServer({ env: { STATIC_DIR: staticDir } });
});

afterAll(async () => {
  await server?.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'interplay-secret.txt'), { force: true });
});

async function json(res: Response): Promise<Record<string, unknown>> {
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as Record<string, unknown>;
}

describe('REST API', () => {
  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true });
  });

  it('POST /api/boards creates a board with 128-bit id and three distinct keys', async () => {
    const board = await createBoard(server.url, '  Regio Noord  ');
    expect(board.title).toBe('Regio Noord');
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const keys = Object.values(board.keys);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('POST /api/boards rejects a missing, empty, too long title and invalid JSON with 400', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (const body of [
      '{}',
      '{"title":""}',
      '{"title":42}',
      JSON.stringify({ title: 'x'.repeat(201) }),
      '{oops',
    ]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      const error = await json(res);
      expect(typeof error.error).toBe('string');
      expect(typeof error.message).toBe('string');
    }
  });

  it('GET /api/boards/<id> answers the role of each key, 403 for wrong or missing key, 404, 400', async () => {
    const board = await createBoard(server.url, 'Roles');
    const get = (id: string, key?: string) =>
      fetch(`${server.url}/api/boards/${id}${key === undefined ? '' : `?key=${encodeURIComponent(key)}`}`);
    const roles = { facilitator: 'facilitator', edit: 'editor', view: 'viewer' } as const;
    for (const [which, role] of Object.entries(roles)) {
      const res = await get(board.id, board.keys[which as keyof typeof roles]);
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ id: board.id, title: 'Roles', role });
    }
    expect((await get(board.id, 'A'.repeat(43))).status).toBe(403);
    expect((await get(board.id, 'short')).status).toBe(403);
    const missing = await get(board.id);
    expect(missing.status).toBe(403);
    expect((await json(missing)).error).toBe('wrong-key');
    const unknown = await get('A'.repeat(22), board.keys.view);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error).toBe('unknown-board');
    const malformed = await get('not-an-id!', board.keys.view);
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error).toBe('malformed-id');
  });

  it('renewing a key needs the facilitator key and invalidates the old key', async () => {
    const board = await createBoard(server.url, 'Renew');
    const renew = (which: string, key: string) =>
      fetch(`${server.url}/api/boards/${board.id}/keys/${which}/renew?key=${key}`, { method: 'POST' });
    expect((await renew('edit', board.keys.edit)).status).toBe(403);
    expect((await renew('edit', board.keys.view)).status).toBe(403);
    expect((await renew('facilitator', board.keys.facilitator)).status).toBe(404);
    const res = await renew('view', board.keys.facilitator);
    expect(res.status).toBe(200);
    const body = (await json(res)) as { keys: Record<string, string> };
    expect(body.keys.facilitator).toBe(board.keys.facilitator);
    expect(body.keys.view).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.keys.view).not.toBe(board.keys.view);
    const oldKey = await fetch(`${server.url}/api/boards/${board.id}?key=${board.keys.view}`);
    expect(oldKey.status).toBe(403);
    const newKey = await fetch(`${server.url}/api/boards/${board.id}?key=${body.keys.view}`);
    expect(((await json(newKey)) as { role: string }).role).toBe('viewer');
    // The edit key was not touched.
    const edit = await fetch(`${server.url}/api/boards/${board.id}?key=${board.keys.edit}`);
    expect(edit.status).toBe(200);
  });

  it('unknown /api paths answer 404 JSON and wrong methods 405', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect((await json(res)).error).toBe('not-found');
    expect((await fetch(`${server.url}/api/boards`)).status).toBe(405);
  });

  it('serves the SPA: files with their content type, index.html for unknown paths, no escape from STATIC_DIR', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const route = await fetch(`${server.url}/b/abc?key=x`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Interplay</title>');
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const escape = await fetch(`${server.url}/..%2f..%2finterplay-secret.txt`);
    expect(await escape.text()).not.toContain('secret');
  });
});
