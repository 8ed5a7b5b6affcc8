import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from './SqliteStorage.ts';
import { describeStorageContract, testBoard } from './storageContract.ts';

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-storage-'));

describeStorageContract('SQLite', () => {
  const dir = tempDir();
  return {
    connect: () => new SqliteStorage(dir),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteStorage', () => {
  it('opens a database written before snapshots had versions or boards anonymised view keys, and folds it', async () => {
    const dir = tempDir();
    try {
      const old = new Database(path.join(dir, 'interplay.sqlite'));
      old.exec(`
        CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL,
          facilitator_key_hash TEXT NOT NULL, editor_key_hash TEXT NOT NULL, viewer_key_hash TEXT NOT NULL);
        CREATE TABLE snapshots (board_id TEXT PRIMARY KEY REFERENCES boards(id), state BLOB NOT NULL,
          updated_at TEXT NOT NULL);
        INSERT INTO boards VALUES ('old', 'Old board', '2026-01-01T00:00:00.000Z', 'aa', 'bb', 'cc');
        INSERT INTO snapshots VALUES ('old', x'0000', '2026-01-01T00:00:00.000Z');
      `);
      old.close();
      const storage = new SqliteStorage(dir);
      try {
        expect((await storage.getBoard('old'))?.keyHashes.anonymous).toBeNull();
        await storage.setKeyHash('old', 'anonymous', 'dd');
        expect((await storage.getBoard('old'))?.keyHashes.anonymous).toBe('dd');
        const loaded = await storage.loadDocument('old');
        expect(loaded.snapshotVersion).toBe(1);
        expect(Array.from(loaded.snapshot ?? [])).toEqual([0, 0]);
        const seq = await storage.appendUpdate('old', new Uint8Array([0, 0]));
        expect(await storage.compact('old', new Uint8Array([0, 0]), { basedOn: 1, seqs: [seq] })).toEqual({
          ok: true,
          snapshotVersion: 2,
        });
      } finally {
        await storage.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('appends of one event-loop turn commit together, but a failing one fails alone', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir);
    try {
      await storage.createBoard(testBoard('real'));
      const good = storage.appendUpdate('real', new Uint8Array([1]));
      // No such board (deleted a moment ago): the foreign key fails for this append only.
      const bad = storage.appendUpdate('ghost', new Uint8Array([2]));
      const alsoGood = storage.appendUpdate('real', new Uint8Array([3]));
      await expect(bad).rejects.toThrow();
      expect(await good).toBeLessThan(await alsoGood);
      expect((await storage.loadDocument('real')).updates.map(({ update }) => Array.from(update))).toEqual([
        [1],
        [3],
      ]);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the file in WAL mode', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir, 'normal');
    try {
      const reader = new Database(path.join(dir, 'interplay.sqlite'), { readonly: true });
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
      reader.close();
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('folds its log into the database file off the event loop, and reuses the log rather than growing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'interplay.sqlite');
    const storage = new SqliteStorage(dir, 'normal');
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      await storage.createBoard(testBoard('busy'));
      const update = new Uint8Array(8 * 1024).fill(7);
      // Four rounds of 2 MiB, as a busy session writes them: each round reaches the database file itself
      // while the store is open (SQLite's own automatic checkpoints are off), so the next one reuses the log.
      for (let round = 1; round <= 4; round++) {
        for (let burst = 0; burst < 10; burst++)
          await Promise.all(Array.from({ length: 25 }, () => storage.appendUpdate('busy', update)));
        for (let waited = 0; fs.statSync(file).size < round * 2_000_000 && waited < 10_000; waited += 50)
          await sleep(50);
        expect(fs.statSync(file).size, `round ${round}`).toBeGreaterThan(round * 2_000_000);
      }
      // Without the checkpoints the log would hold all 8 MiB; reused, it holds about one round's.
      expect(fs.statSync(`${file}-wal`).size).toBeLessThan(5_000_000);
      expect((await storage.loadDocument('busy')).updates).toHaveLength(1000);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
