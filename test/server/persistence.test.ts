import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

const servers: ServerHandle[] = [];
const clients: SyncClient[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<ServerHandle> {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

function client(server: ServerHandle, boardId: string, key: string): SyncClient {
  const c = connectClient(server.wsUrl, boardId, key);
  clients.push(c);
  return c;
}

/** Log rows and snapshot presence of a board, read from the server's real SQLite file. */
function storedRows(dataDir: string, boardId: string): { logRows: number; hasSnapshot: boolean } {
  const db = new Database(path.join(dataDir, 'interplay.sqlite'), { readonly: true });
  try {
    const log = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?').get(boardId) as {
      n: number;
    };
    const snapshot = db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE board_id = ?').get(boardId) as {
      n: number;
    };
    return { logRows: log.n, hasSnapshot: snapshot.n === 1 };
  } finally {
    db.close();
  }
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  // Reverse order: later servers reuse the data dir the first one owns and removes.
  for (const s of servers.splice(0).reverse()) await s.cleanup();
});

describe('persistence', () => {
  it('a board survives a SIGTERM restart; clients get 1012, reconnect and resync', async () => {
    const first = await start();
    const board = await createBoard(first.url, 'Restart');
    const editor = client(first, board.id, board.keys.edit);
    const watcher = client(first, board.id, board.keys.view);
    await Promise.all([editor.whenSynced(), watcher.whenSynced()]);
    for (let i = 0; i < 50; i += 1) editor.doc.getMap('m').set(`k${i}`, i);
    editor.doc.getText('t').insert(0, 'hello');
    await waitFor(() => watcher.doc.getMap('m').size === 50, 'watcher to receive 50 keys');

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    await waitFor(() => editor.closes.some((c) => c.code === 1012), 'editor to be closed with 1012');
    // The final write folded the log into a snapshot.
    expect(storedRows(first.dataDir, board.id)).toEqual({ logRows: 0, hasSnapshot: true });

    // Restart on the same port and data dir: the providers reconnect by themselves.
    editor.doc.getMap('m').set('offline', 'edit');
    const second = await start({ dataDir: first.dataDir, env: { PORT: String(first.port) } });
    await waitFor(
      () => watcher.doc.getMap('m').get('offline') === 'edit',
      'offline edit to arrive after restart',
    );
    const fresh = client(second, board.id, board.keys.view);
    await fresh.whenSynced();
    await waitFor(() => fresh.doc.getMap('m').size === 51, 'fresh client to see all keys');
    expect(fresh.doc.getText('t').toString()).toBe('hello');
    const res = await fetch(`${second.url}/api/boards/${board.id}?key=${board.keys.facilitator}`);
    expect(((await res.json()) as { title: string }).title).toBe('Restart');
  });

  it('after kill -9 during a burst of edits, every edit another client had received is still there', async () => {
    // A low threshold makes compaction run during the burst too.
    const first = await start({ env: { COMPACT_THRESHOLD: '40' } });
    const board = await createBoard(first.url, 'Crash');
    const writer = client(first, board.id, board.keys.edit);
    const observer = client(first, board.id, board.keys.view);
    await Promise.all([writer.whenSynced(), observer.whenSynced()]);

    const received = new Set<string>();
    observer.doc.getMap('m').observe((event) => {
      for (const key of event.keysChanged) received.add(key);
    });
    let writing = true;
    const burst = (async () => {
      for (let i = 0; writing && i < 5000; i += 1) {
        writer.doc.getMap('m').set(`k${i}`, i);
        if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await waitFor(() => received.size >= 300, 'observer to receive 300 edits');
    await first.kill();
    writing = false;
    await burst;
    // Everything the observer holds was relayed by the server, which relays only after committing.
    const seen = new Set(received);
    for (const c of clients.splice(0)) c.destroy();

    const second = await start({ dataDir: first.dataDir });
    const reader = client(second, board.id, board.keys.view);
    await reader.whenSynced();
    const stored = reader.doc.getMap('m');
    const missing = [...seen].filter((key) => !stored.has(key));
    expect(missing).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(300);
  });

  it('a board with no connections is flushed, unloaded and reloaded from storage', async () => {
    const server = await start({ env: { ROOM_IDLE_MS: '200' } });
    const board = await createBoard(server.url, 'Idle');
    const editor = client(server, board.id, board.keys.edit);
    await editor.whenSynced();
    editor.doc.getArray('a').push(['one', 'two']);
    const other = client(server, board.id, board.keys.edit);
    await waitFor(() => other.doc.getArray('a').length === 2, 'second client to sync');
    editor.provider.disconnect();
    other.provider.disconnect();
    await waitFor(
      () => server.logs.some((line) => line.includes('"msg":"room unloaded"') && line.includes(board.id)),
      'board to be unloaded',
    );
    expect(storedRows(server.dataDir, board.id)).toEqual({ logRows: 0, hasSnapshot: true });
    const back = client(server, board.id, board.keys.view);
    await back.whenSynced();
    await waitFor(() => back.doc.getArray('a').length === 2, 'reloaded board to have its content');
    expect(back.doc.getArray('a').toJSON()).toEqual(['one', 'two']);
  });
});
