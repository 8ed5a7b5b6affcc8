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

  it('folds its log into the database file off the event loop, and keeps the log from growing without end', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'interplay.sqlite');
    const storage = new SqliteStorage(dir, 'normal');
    try {
      await storage.createBoard(testBoard('busy'));
      const before = fs.statSync(file).size;
      const update = new Uint8Array(8 * 1024).fill(7);
      let walPeak = 0;
      // 40 bursts of 25 appends (8 MiB in all), a little apart, as a busy session writes them.
      for (let burst = 0; burst < 40; burst++) {
        await Promise.all(Array.from({ length: 25 }, () => storage.appendUpdate('busy', update)));
        walPeak = Math.max(walPeak, fs.statSync(`${file}-wal`).size);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      for (let waited = 0; fs.statSync(file).size < before + 8_000_000 && waited < 5_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      // The rows reached the database file itself while the store was open (SQLite's own automatic
      // checkpoints are off), and the log was reused rather than holding all 8 MiB.
      expect(fs.statSync(file).size).toBeGreaterThan(before + 8_000_000);
      expect(walPeak).toBeLessThan(6_000_000);
      expect((await storage.loadDocument('busy')).updates).toHaveLength(1000);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
