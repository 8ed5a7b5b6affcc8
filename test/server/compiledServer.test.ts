import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import { buildServer } from '../../server/src/build/buildServer.ts';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard } from '../support/syncClient.ts';
import { generateBoard } from '../bench/canvas/generateBoard.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
/** Inside the repository, so the bundle finds `node_modules` as `server/dist` does. */
const outDir = path.join(repoRoot, 'node_modules', '.cache', `interplay-server-${process.pid}`);
let server: ServerHandle;

beforeAll(async () => {
  await buildServer(outDir);
  server = await startServer({ compiledEntry: path.join(outDir, 'main.js') });
});

afterAll(async () => {
  await server?.cleanup();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the compiled server (npm start runs node server/dist/main.js)', () => {
  it('is plain JavaScript: no TypeScript loader, the model bundled, packages left to node_modules', () => {
    const main = fs.readFileSync(path.join(outDir, 'main.js'), 'utf8');
    expect(main).not.toMatch(/from ["']tsx/);
    expect(main).not.toContain('@interplay/shared');
    expect(main).toMatch(/from ["']yjs["']/);
    expect(fs.existsSync(path.join(outDir, 'createRequestWorker.js'))).toBe(true);
  });

  it('syncs a board between two clients and builds a large board file in its worker thread', async () => {
    const board = await createBoard(server.url, 'Compiled');
    const one = connectClient(server.wsUrl, board.id, board.keys.edit);
    const two = connectClient(server.wsUrl, board.id, board.keys.edit);
    try {
      await Promise.all([one.whenSynced(), two.whenSynced()]);
      one.doc.getMap('m').set('hello', 'compiled');
      await waitFor(
        () => two.doc.getMap('m').get('hello') === 'compiled',
        'the edit to reach the other client',
      );
    } finally {
      one.destroy();
      two.destroy();
    }

    const doc = new Y.Doc();
    generateBoard(doc, { organisations: 400, people: 50, projects: 4, relationships: 500 });
    const body = JSON.stringify({
      title: 'Groot',
      board: JSON.parse(exportBoardJson(readBoard(doc))) as unknown,
    });
    expect(body.length).toBeGreaterThan(64 * 1024);
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedBoard;
    const reader = connectClient(server.wsUrl, created.id, created.keys.view);
    try {
      await reader.whenSynced();
      expect(readBoard(reader.doc).organisations.size).toBe(400);
    } finally {
      reader.destroy();
    }
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
