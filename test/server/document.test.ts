import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const clients: SyncClient[] = [];

function client(boardId: string, key: string): SyncClient {
  const c = connectClient(server.wsUrl, boardId, key);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  // Rooms unload (and compact) as soon as their last connection leaves: both stored shapes are read.
  server = await startServer({ env: { ROOM_IDLE_MS: '0' } });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

async function fetchDocument(boardId: string, key: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/document?key=${encodeURIComponent(key)}`);
}

/** The document endpoint's bytes, applied to a fresh Y.Doc. */
async function documentOf(boardId: string, key: string): Promise<Y.Doc> {
  const response = await fetchDocument(boardId, key);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/octet-stream');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return doc;
}

describe('GET /api/boards/:id/document', () => {
  it('refuses an unknown board, a wrong or missing key, a malformed id and other methods', async () => {
    const board = await createBoard(server.url);
    expect((await fetchDocument('B'.repeat(22), board.keys.edit)).status).toBe(404);
    expect((await fetchDocument(board.id, 'C'.repeat(43))).status).toBe(403);
    expect((await fetch(`${server.url}/api/boards/${board.id}/document`)).status).toBe(403);
    expect((await fetchDocument('not..valid', board.keys.edit)).status).toBe(400);
    const post = await fetch(`${server.url}/api/boards/${board.id}/document?key=${board.keys.edit}`, {
      method: 'POST',
    });
    expect(post.status).toBe(405);
  });

  it('returns the committed document to every key, from the update log and after compaction', async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.keys.edit);
    await editor.whenSynced();
    editor.doc.getMap('m').set('first', 1);
    editor.doc.getMap('m').set('second', 2);
    // Committed once a fresh client has it from the server (relays follow commits).
    const reader = client(board.id, board.keys.view);
    await reader.whenSynced();
    await waitFor(() => reader.doc.getMap('m').get('second') === 2, 'the edits to reach a fresh client');
    for (const key of [board.keys.facilitator, board.keys.edit, board.keys.view]) {
      const doc = await documentOf(board.id, key);
      expect(doc.getMap('m').toJSON()).toEqual({ first: 1, second: 2 });
    }

    // Everyone leaves: the room unloads and folds the log into a snapshot.
    editor.destroy();
    reader.destroy();
    await waitFor(
      () => server.logs.some((line) => line.includes('room unloaded') && line.includes(board.id)),
      'the room to unload',
    );
    const stored = await documentOf(board.id, board.keys.view);
    expect(stored.getMap('m').toJSON()).toEqual({ first: 1, second: 2 });
  });

  it('a page that applied the document and then syncs gets later edits, and its own reach the others', async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.keys.edit);
    await editor.whenSynced();
    editor.doc.getMap('m').set('before', true);
    const probe = client(board.id, board.keys.view);
    await waitFor(() => probe.doc.getMap('m').get('before') === true, 'the edit to be committed');

    const page = client(board.id, board.keys.edit);
    const document = await fetchDocument(board.id, board.keys.edit);
    Y.applyUpdate(page.doc, new Uint8Array(await document.arrayBuffer()));
    await page.whenSynced();
    expect(page.doc.getMap('m').get('before')).toBe(true);
    editor.doc.getMap('m').set('after', true);
    page.doc.getMap('m').set('fromPage', true);
    await waitFor(() => page.doc.getMap('m').get('after') === true, 'a later edit to reach the page');
    await waitFor(
      () => editor.doc.getMap('m').get('fromPage') === true,
      "the page's edit to reach the editor",
    );
  });
});

describe('sync step 1 of fresh clients', () => {
  it('every fresh client gets the document as it is when it joins (the encoded state is not stale)', async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.keys.edit);
    await editor.whenSynced();
    const map = editor.doc.getMap('m');
    for (let round = 1; round <= 3; round++) {
      map.set(`round${round}`, round);
      const fresh = client(board.id, board.keys.view);
      await fresh.whenSynced();
      await waitFor(
        () => fresh.doc.getMap('m').get(`round${round}`) === round,
        `a fresh client to see round ${round}`,
      );
      expect(fresh.doc.getMap('m').size).toBe(round);
    }
  });
});
