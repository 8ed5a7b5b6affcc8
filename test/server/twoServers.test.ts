/**
 * Two servers in one Node process, sharing one SQLite file (a storage handle each) and one `LocalRoomBus`:
 * the shape of several processes (`cluster.test.ts` runs real ones on PostgreSQL and Redis), in one process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRoomBus } from '../../server/src/bus/LocalRoomBus.ts';
import { defaultConfig } from '../../server/src/config.ts';
import { InterplayServer } from '../../server/src/InterplayServer.ts';
import { createLogger } from '../../server/src/log.ts';
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

interface Started {
  server: InterplayServer;
  url: string;
  wsUrl: string;
}

let dataDir: string;
let bus: LocalRoomBus;
let one: Started;
let two: Started;
const clients: SyncClient[] = [];

async function start(): Promise<Started> {
  const config = { ...defaultConfig, port: 0, host: '127.0.0.1', dataDir, logLevel: 'error' as const };
  const log = createLogger('error', () => undefined);
  const server = new InterplayServer(config, new SqliteStorage(dataDir, 'normal'), bus, log);
  const port = await server.listen();
  return { server, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
}

function client(on: Started, boardId: string, key: string, reconnect = true): SyncClient {
  const c = connectClient(on.wsUrl, boardId, key, { reconnect });
  clients.push(c);
  return c;
}

/** Rows in the board's update log, read from the file itself. */
function loggedRows(boardId: string): number {
  const db = new Database(path.join(dataDir, 'interplay.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?').get(boardId) as { n: number })
      .n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-two-servers-'));
  bus = new LocalRoomBus();
  one = await start();
  two = await start();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all([one?.server.stop(), two?.server.stop()]);
  await bus?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two servers of one storage on one bus', () => {
  it('edits and presence made through one server reach the other’s clients; each edit is logged once', async () => {
    const board = await createBoard(one.url);
    const ann = client(one, board.id, board.keys.edit);
    const bob = client(two, board.id, board.keys.edit);
    await Promise.all([ann.whenSynced(), bob.whenSynced()]);
    ann.doc.getMap('m').set('from', 'one');
    await waitFor(() => bob.doc.getMap('m').get('from') === 'one', 'server one’s edit on server two');
    bob.doc.getMap('m').set('back', 'two');
    await waitFor(() => ann.doc.getMap('m').get('back') === 'two', 'server two’s edit on server one');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(loggedRows(board.id)).toBe(2);

    ann.provider.awareness.setLocalState({ user: { name: 'Ann', role: 'facilitator' } });
    const annOnTwo = () => bob.provider.awareness.getStates().get(ann.doc.clientID);
    await waitFor(() => annOnTwo() !== undefined, 'Ann’s presence on server two');
    expect(annOnTwo()).toEqual({ user: { name: 'Ann', role: 'editor' } });

    // A newcomer on server two gets the whole board, both servers' edits, from its own server.
    const carol = client(two, board.id, board.keys.view);
    await carol.whenSynced();
    expect(carol.doc.getMap('m').toJSON()).toEqual({ from: 'one', back: 'two' });
  });

  it('renewing a key through one server closes the old key’s connections on both, and only those', async () => {
    const board = await createBoard(one.url);
    const editorOnOne = client(one, board.id, board.keys.edit, false);
    const editorOnTwo = client(two, board.id, board.keys.edit, false);
    const facilitatorOnTwo = client(two, board.id, board.keys.facilitator);
    const viewerOnTwo = client(two, board.id, board.keys.view);
    await Promise.all([editorOnOne, editorOnTwo, facilitatorOnTwo, viewerOnTwo].map((c) => c.whenSynced()));

    const res = await fetch(
      `${one.url}/api/boards/${board.id}/keys/edit/renew?key=${board.keys.facilitator}`,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    await waitFor(() => editorOnOne.closes.length > 0, 'the old key’s connection on server one to close');
    await waitFor(() => editorOnTwo.closes.length > 0, 'the old key’s connection on server two to close');
    expect(editorOnTwo.closes[0]).toEqual({ code: 4003, reason: 'key renewed' });

    const { keys } = (await res.json()) as { keys: { edit: string } };
    const renewed = client(two, board.id, keys.edit);
    await renewed.whenSynced();
    renewed.doc.getMap('m').set('after', 'renewal');
    await waitFor(() => facilitatorOnTwo.doc.getMap('m').get('after') === 'renewal', 'the new key to work');
    expect(facilitatorOnTwo.closes).toEqual([]);
    expect(viewerOnTwo.closes).toEqual([]);
  });
});
