import { expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  chainOfUpdates,
  moment,
  rebuildParts,
  testBoard,
  withHandle,
  type WithStore,
} from './storageContractKit.ts';

const wholeState = (build: (map: Y.Map<unknown>) => void) => {
  const doc = new Y.Doc();
  build(doc.getMap('m'));
  return { doc, snapshot: Y.encodeSnapshot(Y.snapshot(doc)), data: Y.encodeStateAsUpdate(doc) };
};

/** Purging history states and deleting boards for good. */
export function registerErasureTests(withStore: WithStore): void {
  it('rewrites history states as whole ones, atomically; later states still rebuild on them', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('h'));
      const first = wholeState((m) => m.set('name', 'Secret'));
      const firstId = await storage.addMoment('h', moment('one', '2026-03-12T12:00:00.000Z'), {
        baseId: null,
        depth: 0,
        snapshot: first.snapshot,
        data: first.data,
      });
      const base = Y.encodeStateVector(first.doc);
      first.doc.getMap('m').set('y', 2);
      const secondId = await storage.addMoment('h', moment('two', '2026-03-13T12:00:00.000Z'), {
        baseId: firstId,
        depth: 1,
        snapshot: Y.encodeSnapshot(Y.snapshot(first.doc)),
        data: Y.encodeStateAsUpdate(first.doc, base),
      });
      expect(await storage.historyStateIds('h')).toEqual([firstId, secondId]);
      expect(await storage.historyStateIds('other')).toEqual([]);

      // The purged state: the same structs, with 'name' deleted.
      first.doc.getMap('m').delete('name');
      const purged = Y.encodeStateAsUpdate(first.doc);
      const purgedSnapshot = Y.encodeSnapshot(Y.snapshot(first.doc));
      await expect(
        storage.rewriteHistoryStates('h', [
          { id: firstId, snapshot: purgedSnapshot, data: purged },
          { id: 999_999, snapshot: purgedSnapshot, data: purged },
        ]),
      ).rejects.toThrow();
      expect(rebuildParts(await storage.loadHistoryState('h', firstId))).toEqual({ name: 'Secret' });
      await expect(
        storage.rewriteHistoryStates('other', [{ id: firstId, snapshot: purgedSnapshot, data: purged }]),
      ).rejects.toThrow();

      await storage.rewriteHistoryStates('h', [{ id: firstId, snapshot: purgedSnapshot, data: purged }]);
      await storage.close();
      await withHandle(store, async (again) => {
        expect(await again.loadHistoryState('h', firstId)).toEqual([purged]);
        expect(rebuildParts(await again.loadHistoryState('h', secondId))).toEqual({ y: 2 });
        expect((await again.historyHead('h'))?.id).toBe(secondId);
      });
    }));

  it('deletes a board and everything stored of it, durably, and remembers only that it was deleted', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('gone'), Y.encodeStateAsUpdate(new Y.Doc()));
      await storage.createBoard(testBoard('kept'));
      const [update] = chainOfUpdates();
      await storage.appendUpdate('gone', update!, [[7, 'device:ab']]);
      await storage.appendUpdate('kept', update!);
      const state = wholeState((m) => m.set('x', 1));
      await storage.addMoment('gone', moment('one', '2026-03-12T12:00:00.000Z'), {
        baseId: null,
        depth: 0,
        snapshot: state.snapshot,
        data: state.data,
      });

      expect(await storage.deleteBoard('gone')).toBe(true);
      expect(await storage.deleteBoard('gone')).toBe(false);
      expect(await storage.deleteBoard('never')).toBe(false);
      await storage.eraseDeleted();
      await storage.close();
      await withHandle(store, async (again) => {
        expect(await again.getBoard('gone')).toBeNull();
        expect(await again.isDeletedBoard('gone')).toBe(true);
        expect(await again.isDeletedBoard('kept')).toBe(false);
        expect(await again.isDeletedBoard('never')).toBe(false);
        const stored = await again.loadDocument('gone');
        expect(stored.snapshot).toBeNull();
        expect(stored.updates).toEqual([]);
        expect(stored.owners.size).toBe(0);
        expect(await again.listMoments('gone')).toEqual([]);
        expect(await again.historyHead('gone')).toBeNull();
        expect(await again.historyStateIds('gone')).toEqual([]);
        expect((await again.loadDocument('kept')).updates).toHaveLength(1);
        // A late append for the deleted board fails alone; another board's append beside it is committed.
        const late = again.appendUpdate('gone', update!);
        const other = again.appendUpdate('kept', update!);
        await expect(late).rejects.toThrow();
        expect(await other).toBeGreaterThan(0);
        expect((await again.loadDocument('kept')).updates).toHaveLength(2);
      });
    }));
}
