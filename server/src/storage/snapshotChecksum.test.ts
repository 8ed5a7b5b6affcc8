import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from './SqliteStorage.ts';
import { CorruptStorageError } from './snapshotChecksum.ts';
import { testBoard } from './storageContract.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-checksum-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Flips one byte of the board's stored snapshot, behind the storage's back. */
function flipSnapshotByte(dir: string, boardId: string): void {
  const db = new Database(path.join(dir, 'interplay.sqlite'));
  const { state } = db.prepare('SELECT state FROM snapshots WHERE board_id = ?').get(boardId) as {
    state: Buffer;
  };
  const middle = state.length >> 1;
  state[middle] = (state[middle] ?? 0) ^ 0xff;
  db.prepare('UPDATE snapshots SET state = ? WHERE board_id = ?').run(state, boardId);
  db.close();
}

describe('snapshot checksums', () => {
  it('a snapshot with a flipped byte fails to load, and stays as it was', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir);
    const state = new Uint8Array(Array.from({ length: 64 }, (_, i) => i));
    await storage.createBoard(testBoard('flipped'), state);
    const seq = await storage.appendUpdate('flipped', new Uint8Array([7]));
    await storage.close();
    flipSnapshotByte(dir, 'flipped');

    const reopened = new SqliteStorage(dir);
    try {
      await expect(reopened.loadDocument('flipped')).rejects.toThrow(CorruptStorageError);
      await expect(reopened.loadDocument('flipped')).rejects.toThrow(/fails its checksum/);
    } finally {
      await reopened.close();
    }
    const db = new Database(path.join(dir, 'interplay.sqlite'));
    const rows = db.prepare('SELECT seq FROM updates WHERE board_id = ?').all('flipped') as { seq: number }[];
    db.close();
    expect(rows.map((row) => row.seq)).toEqual([seq]);
  });

  it('a compacted snapshot carries its checksum; a snapshot stored without one still loads', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir);
    await storage.createBoard(testBoard('folded'));
    const seq = await storage.appendUpdate('folded', new Uint8Array([1]));
    await storage.compact('folded', new Uint8Array([1, 2, 3]), { basedOn: 0, seqs: [seq] });
    await storage.close();
    const db = new Database(path.join(dir, 'interplay.sqlite'));
    const row = db.prepare('SELECT checksum FROM snapshots WHERE board_id = ?').get('folded') as {
      checksum: string | null;
    };
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    db.prepare('UPDATE snapshots SET checksum = NULL').run();
    db.close();
    const reopened = new SqliteStorage(dir);
    try {
      expect(Array.from((await reopened.loadDocument('folded')).snapshot ?? [])).toEqual([1, 2, 3]);
    } finally {
      await reopened.close();
    }
  });

  it('a database file truncated to 0 bytes, or one that is no database, is refused at start', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'interplay.sqlite'), '');
    expect(() => new SqliteStorage(dir)).toThrow(/exists but is empty/);
    fs.writeFileSync(path.join(dir, 'interplay.sqlite'), 'not a database at all, '.repeat(400));
    expect(() => new SqliteStorage(dir)).toThrow(CorruptStorageError);
  });
});
