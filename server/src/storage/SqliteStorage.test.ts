import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardRecord, Storage } from './Storage.ts';
import { SqliteStorage } from './SqliteStorage.ts';

const board = (id: string): BoardRecord => ({
  id,
  title: `Board ${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  keyHashes: { facilitator: 'aa', editor: 'bb', viewer: 'cc' },
});

/** The contract every Storage implementation must pass (a PostgreSQL one would run the same suite). */
function describeStorageContract(name: string, open: () => { storage: Storage; reopen: () => Storage }) {
  describe(`${name} storage contract`, () => {
    it('stores boards and replaces a key hash', async () => {
      const { storage } = open();
      await storage.createBoard(board('one'));
      expect(await storage.getBoard('one')).toEqual(board('one'));
      expect(await storage.getBoard('missing')).toBeNull();
      await storage.setKeyHash('one', 'viewer', 'dd');
      expect((await storage.getBoard('one'))?.keyHashes).toEqual({
        facilitator: 'aa',
        editor: 'bb',
        viewer: 'dd',
      });
      await expect(storage.setKeyHash('missing', 'viewer', 'dd')).rejects.toThrow();
      await storage.close();
    });

    it('returns appended updates in order per board, with increasing sequence numbers, across reopening', async () => {
      const { storage, reopen } = open();
      await storage.createBoard(board('a'));
      await storage.createBoard(board('b'));
      const seqs = await Promise.all([1, 2, 3].map((n) => storage.appendUpdate('a', new Uint8Array([n]))));
      await storage.appendUpdate('b', new Uint8Array([9]));
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      await storage.close();
      const again = reopen();
      const loaded = await again.loadDocument('a');
      expect(loaded.snapshot).toBeNull();
      expect(loaded.updates.map((u) => Array.from(u))).toEqual([[1], [2], [3]]);
      expect(loaded.lastSeq).toBe(seqs[2]);
      expect((await again.loadDocument('b')).updates.map((u) => Array.from(u))).toEqual([[9]]);
      expect(await again.loadDocument('none')).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: 0,
        owners: new Map(),
      });
      await again.close();
    });

    it('compaction replaces the log up to a sequence number by a snapshot, keeping later rows', async () => {
      const { storage } = open();
      await storage.createBoard(board('c'));
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getMap('m').set('x', 1);
      doc.getMap('m').set('y', 2);
      const first = await storage.appendUpdate('c', updates[0]!);
      await storage.appendUpdate('c', updates[1]!);
      const snapshotOfFirst = new Y.Doc();
      Y.applyUpdate(snapshotOfFirst, updates[0]!);
      await storage.compact('c', Y.encodeStateAsUpdate(snapshotOfFirst), first);
      const loaded = await storage.loadDocument('c');
      expect(loaded.updates).toHaveLength(1);
      const rebuilt = new Y.Doc();
      Y.applyUpdate(rebuilt, loaded.snapshot!);
      for (const update of loaded.updates) Y.applyUpdate(rebuilt, update);
      expect(rebuilt.getMap('m').toJSON()).toEqual({ x: 1, y: 2 });
      await storage.close();
    });
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeStorageContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-storage-'));
  dirs.push(dir);
  return { storage: new SqliteStorage(dir), reopen: () => new SqliteStorage(dir) };
});
