import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_SCHEMA_VERSION, readBoard, storedSchemaVersion } from '@interplay/shared';
import { v1BoardUpdate } from '@interplay/shared/board/testing/v1Board';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

const servers: ServerHandle[] = [];
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0).reverse()) await s.cleanup();
});

async function start(dataDir?: string): Promise<ServerHandle> {
  const server = await startServer(dataDir === undefined ? {} : { dataDir });
  servers.push(server);
  return server;
}

function client(server: ServerHandle, boardId: string, key: string): SyncClient {
  const c = connectClient(server.wsUrl, boardId, key);
  clients.push(c);
  return c;
}

function sqlite(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'interplay.sqlite'));
}

/** Puts the stored v1 board in place of whatever the board's document was, as a database from before versions holds it. */
function storeV1Board(dataDir: string, boardId: string): void {
  const db = sqlite(dataDir);
  try {
    db.prepare('DELETE FROM updates WHERE board_id = ?').run(boardId);
    db.prepare('INSERT OR REPLACE INTO snapshots (board_id, state, updated_at) VALUES (?, ?, ?)').run(
      boardId,
      Buffer.from(v1BoardUpdate()),
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
}

/** The board's document as stored: its snapshot and every logged update after it. */
function storedDocument(dataDir: string, boardId: string): Y.Doc {
  const db = sqlite(dataDir);
  const doc = new Y.Doc();
  try {
    const snapshot = db.prepare('SELECT state FROM snapshots WHERE board_id = ?').get(boardId) as
      { state: Buffer } | undefined;
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    const rows = db
      .prepare('SELECT data FROM updates WHERE board_id = ? ORDER BY seq')
      .all(boardId) as Array<{
      data: Buffer;
    }>;
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return doc;
  } finally {
    db.close();
  }
}

function v1Board(): ReturnType<typeof readBoard> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, v1BoardUpdate());
  return readBoard(doc);
}

describe('a board stored before documents recorded their schema version', () => {
  it('is migrated by the server when its room loads: pages get it at the current version, unchanged, and it is stored so', async () => {
    const first = await start();
    const board = await createBoard(first.url, 'Oud bord');
    expect(await first.stop('SIGTERM')).toBe(0);
    storeV1Board(first.dataDir, board.id);

    const second = await start(first.dataDir);
    const viewer = client(second, board.id, board.keys.view);
    await viewer.whenSynced();
    await waitFor(() => storedSchemaVersion(viewer.doc) === BOARD_SCHEMA_VERSION, 'the migrated version');
    expect(readBoard(viewer.doc)).toEqual(v1Board());
    expect(second.logs.filter((line) => line.includes('"msg":"board migrated"'))).toHaveLength(1);

    // A participant cannot set the version; the server reverts it.
    const editor = client(second, board.id, board.keys.edit);
    await editor.whenSynced();
    editor.doc.getMap('meta').set('schemaVersion', 99);
    await waitFor(() => storedSchemaVersion(editor.doc) === BOARD_SCHEMA_VERSION, 'the write to be reverted');
    expect(storedSchemaVersion(viewer.doc)).toBe(BOARD_SCHEMA_VERSION);

    for (const c of clients.splice(0)) c.destroy();
    expect(await second.stop('SIGTERM')).toBe(0);
    const stored = storedDocument(first.dataDir, board.id);
    expect(storedSchemaVersion(stored)).toBe(BOARD_SCHEMA_VERSION);
    expect(readBoard(stored)).toEqual(v1Board());

    // Loading it again migrates nothing.
    const third = await start(first.dataDir);
    const again = client(third, board.id, board.keys.view);
    await again.whenSynced();
    expect(storedSchemaVersion(again.doc)).toBe(BOARD_SCHEMA_VERSION);
    expect(third.logs.some((line) => line.includes('"msg":"board migrated"'))).toBe(false);
  });

  it('a new board is stored at the current version: it opens at it and is never migrated', async () => {
    const server = await start();
    const board = await createBoard(server.url, 'Nieuw bord');
    const viewer = client(server, board.id, board.keys.view);
    await viewer.whenSynced();
    await waitFor(() => storedSchemaVersion(viewer.doc) === BOARD_SCHEMA_VERSION, 'the version');
    expect(server.logs.some((line) => line.includes('"msg":"board migrated"'))).toBe(false);
  });
});
