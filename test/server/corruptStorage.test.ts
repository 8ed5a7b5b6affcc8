import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-corrupt-'));
const file = path.join(dataDir, 'interplay.sqlite');
let server: ServerHandle | null = null;

afterAll(async () => {
  await server?.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function storedSnapshot(boardId: string): Buffer {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT state FROM snapshots WHERE board_id = ?').get(boardId) as { state: Buffer };
  db.close();
  return row.state;
}

describe('corrupt storage fails loudly and is never written over', () => {
  it('a snapshot with flipped bytes is not served as an empty board, and is left as it was', async () => {
    server = await startServer({ dataDir });
    const board = await createBoard(server.url, 'Corrupt');
    const writer = connectClient(server.wsUrl, board.id, board.keys.edit);
    await writer.whenSynced();
    for (let i = 0; i < 300; i++) writer.doc.getMap('organisations-test').set(`o${i}`, `Organisation ${i}`);
    const reader = connectClient(server.wsUrl, board.id, board.keys.view);
    await waitFor(
      () => reader.doc.getMap('organisations-test').size === 300,
      'the reader to see 300 entries',
    );
    writer.destroy();
    reader.destroy();
    // SIGTERM folds the log into the snapshot.
    expect(await server.stop()).toBe(0);

    const damaged = storedSnapshot(board.id);
    const middle = damaged.length >> 1;
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    const db = new Database(file);
    db.prepare('UPDATE snapshots SET state = ? WHERE board_id = ?').run(damaged, board.id);
    db.close();

    server = await startServer({ dataDir });
    const late = connectClient(server.wsUrl, board.id, board.keys.edit, { reconnect: false });
    await waitFor(() => late.closes.length > 0, 'the connection to be refused');
    expect(late.provider.synced).toBe(false);
    expect(late.closes[0]?.code).toBe(1012);
    late.destroy();
    const logged = server.logs.filter((line) => line.includes('fails its checksum'));
    expect(logged.some((line) => line.includes('"level":"error"'))).toBe(true);
    // Nothing wrote over it: it is there, damaged as it was, for someone to restore.
    expect(await server.stop()).toBe(0);
    expect(storedSnapshot(board.id).equals(damaged)).toBe(true);
  });

  it('a database file truncated to 0 bytes stops the server at start with a message', async () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.writeFileSync(file, '');
    await expect(startServer({ dataDir })).rejects.toThrow(/exists but is empty/);
    expect(fs.statSync(file).size).toBe(0);
  });
});
