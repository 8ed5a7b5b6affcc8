import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, openRawSocket, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const clients: SyncClient[] = [];

function client(boardId: string, key: string, options: { reconnect?: boolean } = {}): SyncClient {
  const c = connectClient(server.wsUrl, boardId, key, options);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  // Boards unload as soon as their last connection leaves, so reloading from storage is exercised.
  server = await startServer({ env: { ROOM_IDLE_MS: '0' } });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

describe('websocket access', () => {
  it('refuses an unknown board (4004), a wrong key (4003) and a malformed id (4000) without document bytes', async () => {
    const board = await createBoard(server.url);
    const cases = [
      { path: `/sync/${'B'.repeat(22)}?key=${board.keys.edit}`, code: 4004 },
      { path: `/sync/${board.id}?key=${'C'.repeat(43)}`, code: 4003 },
      { path: `/sync/${board.id}`, code: 4003 },
      { path: `/sync/not..valid?key=${board.keys.edit}`, code: 4000 },
    ];
    for (const { path, code } of cases) {
      const raw = openRawSocket(server.wsUrl, path);
      const closed = await raw.closed;
      expect(closed.code, path).toBe(code);
      expect(closed.reason.length).toBeGreaterThan(0);
      expect(raw.messages).toHaveLength(0);
    }
  });

  it('a y-websocket client with a wrong key sees the 4003 close and never gets the document', async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.keys.edit);
    await editor.whenSynced();
    editor.doc.getMap('m').set('secret', 'value');
    const intruder = client(board.id, 'D'.repeat(43), { reconnect: false });
    await waitFor(() => intruder.closes.length > 0, 'intruder to be closed');
    expect(intruder.closes[0]?.code).toBe(4003);
    expect(intruder.provider.synced).toBe(false);
    expect(intruder.doc.getMap('m').size).toBe(0);
  });

  it('a view key receives the document and live updates but cannot change it, live or stored', async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.keys.edit);
    await editor.whenSynced();
    editor.doc.getMap('m').set('a', 1);
    const viewer = client(board.id, board.keys.view);
    await viewer.whenSynced();
    await waitFor(() => viewer.doc.getMap('m').get('a') === 1, 'viewer to receive the document');

    viewer.doc.getMap('m').set('hacked', true);
    viewer.doc.getArray('list').push(['x']);
    editor.doc.getMap('m').set('b', 2);
    await waitFor(() => viewer.doc.getMap('m').get('b') === 2, 'viewer to receive a live update');

    // A fresh client (synced after the viewer's edit) must see the editor's changes but not the viewer's.
    const fresh = client(board.id, board.keys.facilitator);
    await fresh.whenSynced();
    await waitFor(() => fresh.doc.getMap('m').get('b') === 2, 'fresh client to get b');
    expect(fresh.doc.getMap('m').has('hacked')).toBe(false);
    expect(fresh.doc.getArray('list').length).toBe(0);
    expect(editor.doc.getMap('m').has('hacked')).toBe(false);

    // Viewer awareness passes to others.
    viewer.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(
      () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.cursor?.x === 1,
      'viewer cursor to reach editor',
    );

    // Stored: after every client leaves and the board is unloaded and reloaded, the viewer's edit is absent.
    for (const c of [editor, viewer, fresh]) c.provider.disconnect();
    await waitFor(
      () => server.logs.some((line) => line.includes('"msg":"room unloaded"') && line.includes(board.id)),
      'board to be unloaded',
    );
    const reader = client(board.id, board.keys.edit);
    await reader.whenSynced();
    await waitFor(() => reader.doc.getMap('m').get('b') === 2, 'reader to get stored b');
    expect(reader.doc.getMap('m').has('hacked')).toBe(false);
  });

  it('renewing the edit key closes connections that used the old edit key, and only those', async () => {
    const board = await createBoard(server.url);
    const oldEditor = client(board.id, board.keys.edit, { reconnect: false });
    const facilitator = client(board.id, board.keys.facilitator);
    const viewer = client(board.id, board.keys.view);
    await Promise.all([oldEditor.whenSynced(), facilitator.whenSynced(), viewer.whenSynced()]);

    const res = await fetch(
      `${server.url}/api/boards/${board.id}/keys/edit/renew?key=${board.keys.facilitator}`,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: { edit: string } };
    await waitFor(() => oldEditor.closes.length > 0, 'old edit key connection to be closed');
    expect(oldEditor.closes[0]).toEqual({ code: 4003, reason: 'key renewed' });

    // The old key is refused from now on; the new one works.
    const again = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.edit}`);
    expect((await again.closed).code).toBe(4003);
    const newEditor = client(board.id, keys.edit);
    await newEditor.whenSynced();
    newEditor.doc.getMap('m').set('after', 'renew');
    await waitFor(() => facilitator.doc.getMap('m').get('after') === 'renew', 'facilitator to get new edit');
    expect(facilitator.closes).toHaveLength(0);
    expect(viewer.closes).toHaveLength(0);
  });

  it('two boards never leak into each other', async () => {
    const [one, two] = await Promise.all([createBoard(server.url, 'One'), createBoard(server.url, 'Two')]);
    const a1 = client(one.id, one.keys.edit);
    const a2 = client(one.id, one.keys.edit);
    const b1 = client(two.id, two.keys.edit);
    const b2 = client(two.id, two.keys.edit);
    await Promise.all([a1, a2, b1, b2].map((c) => c.whenSynced()));
    a1.doc.getMap('m').set('board', 'one');
    b1.doc.getMap('m').set('board', 'two');
    a1.provider.awareness.setLocalStateField('user', { name: 'A' });
    await waitFor(() => a2.doc.getMap('m').get('board') === 'one', 'board one to sync');
    await waitFor(() => b2.doc.getMap('m').get('board') === 'two', 'board two to sync');
    await waitFor(() => a2.provider.awareness.getStates().has(a1.doc.clientID), 'awareness on board one');
    expect(b2.doc.getMap('m').get('board')).toBe('two');
    expect(b2.provider.awareness.getStates().has(a1.doc.clientID)).toBe(false);
    // A key of one board opens nothing on the other.
    const cross = openRawSocket(server.wsUrl, `/sync/${two.id}?key=${one.keys.facilitator}`);
    expect((await cross.closed).code).toBe(4003);
    const stateOfTwo = Y.encodeStateAsUpdate(b2.doc);
    const check = new Y.Doc();
    Y.applyUpdate(check, stateOfTwo);
    expect(check.getMap('m').toJSON()).toEqual({ board: 'two' });
  });
});
