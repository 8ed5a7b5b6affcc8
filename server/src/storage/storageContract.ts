import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { registerErasureTests } from './storageErasureContract.ts';
import {
  bytes,
  chainOfUpdates,
  moment,
  rebuild,
  rebuildParts,
  snapshotOf,
  storeRunner,
  testBoard,
  withHandle,
  type StoreUnderTest,
  type WithStore,
} from './storageContractKit.ts';

export { testBoard, type StoreUnderTest } from './storageContractKit.ts';

/**
 * Registers the contract every `Storage` implementation must pass. Each implementation's test file calls
 * this with a factory for its own stores; implementation-specific tests live beside it, not here.
 */
export function describeStorageContract(name: string, open: () => StoreUnderTest | Promise<StoreUnderTest>) {
  describe(`${name} storage contract`, () => {
    const withStore = storeRunner(open);
    registerBoardRecordTests(withStore);
    registerUpdateLogTests(withStore);
    registerCompactionTests(withStore);
    registerHistoryTests(withStore);
    registerErasureTests(withStore);
  });
}

/** Board records: creating (empty or from a file's state), refusing duplicates, replacing key hashes. */
function registerBoardRecordTests(withStore: WithStore): void {
  it('stores boards, refuses a second board with the same id and replaces a key hash', () =>
    withStore(async (storage) => {
      await storage.createBoard(testBoard('one'));
      expect(await storage.getBoard('one')).toEqual(testBoard('one'));
      expect(await storage.getBoard('missing')).toBeNull();
      await expect(storage.createBoard({ ...testBoard('one'), title: 'again' })).rejects.toThrow();
      expect((await storage.getBoard('one'))?.title).toBe('Board one');
      await storage.setKeyHash('one', 'viewer', 'dd');
      expect((await storage.getBoard('one'))?.keyHashes).toEqual({
        facilitator: 'aa',
        editor: 'bb',
        viewer: 'dd',
        anonymous: null,
      });
      await expect(storage.setKeyHash('missing', 'viewer', 'dd')).rejects.toThrow();
      await expect(storage.ping()).resolves.toBeUndefined();
    }));

  it('a board has no anonymised view key until one is set; then it is kept like the others', () =>
    withStore(async (storage) => {
      await storage.createBoard(testBoard('two'));
      expect((await storage.getBoard('two'))?.keyHashes.anonymous).toBeNull();
      await storage.setKeyHash('two', 'anonymous', 'ee');
      expect((await storage.getBoard('two'))?.keyHashes).toEqual({
        facilitator: 'aa',
        editor: 'bb',
        viewer: 'cc',
        anonymous: 'ee',
      });
      await storage.createBoard({
        ...testBoard('three'),
        keyHashes: { ...testBoard('three').keyHashes, anonymous: 'ff' },
      });
      expect((await storage.getBoard('three'))?.keyHashes.anonymous).toBe('ff');
    }));

  it('a board started from a file loads with that state as its first snapshot and an empty log', () =>
    withStore(async (storage) => {
      const updates = chainOfUpdates();
      await storage.createBoard(testBoard('file'), snapshotOf(updates, 2));
      const loaded = await storage.loadDocument('file');
      expect(loaded.snapshotVersion).toBeGreaterThan(0);
      expect(loaded.updates).toEqual([]);
      expect(rebuild(loaded)).toEqual({ x: 1, y: 2 });
      expect(await storage.loadDocument('none')).toEqual({
        snapshot: null,
        snapshotVersion: 0,
        updates: [],
        owners: new Map(),
      });
    }));
}

/** The update log: order, sequence numbers, durability across handles, client id owners. */
function registerUpdateLogTests(withStore: WithStore): void {
  it('returns appended updates in order per board, with increasing sequence numbers, after reopening', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('a'));
      await storage.createBoard(testBoard('b'));
      const seqs = await Promise.all([1, 2, 3].map((n) => storage.appendUpdate('a', new Uint8Array([n]))));
      await storage.appendUpdate('b', new Uint8Array([9]));
      expect(new Set(seqs).size).toBe(3);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      await storage.close();
      await withHandle(store, async (again) => {
        const loaded = await again.loadDocument('a');
        expect(loaded.snapshot).toBeNull();
        expect(loaded.updates.map(({ seq }) => seq)).toEqual(seqs);
        expect(bytes(loaded)).toEqual([[1], [2], [3]]);
        expect(bytes(await again.loadDocument('b'))).toEqual([[9]]);
      });
    }));

  it('an append requested just before close is committed', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('late'));
      const appended = storage.appendUpdate('late', new Uint8Array([7]));
      await storage.close();
      await appended;
      await withHandle(store, async (again) => {
        expect(bytes(await again.loadDocument('late'))).toEqual([[7]]);
      });
    }));

  it('keeps the first owner of each client id claimed with an update, across reopening', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('owners'));
      await storage.appendUpdate('owners', new Uint8Array([1]), [
        [11, 'device:a'],
        [12, 'server'],
      ]);
      await storage.appendUpdate('owners', new Uint8Array([2]), [
        [11, 'device:b'],
        [13, 'device:b'],
      ]);
      await storage.appendUpdate('owners', new Uint8Array([3]));
      await storage.close();
      await withHandle(store, async (again) => {
        const { owners } = await again.loadDocument('owners');
        expect(owners).toEqual(
          new Map([
            [11, 'device:a'],
            [12, 'server'],
            [13, 'device:b'],
          ]),
        );
        expect((await again.loadDocument('other')).owners.size).toBe(0);
      });
    }));
}

/** Compaction: folding the log into a snapshot only when no other writer has moved it on. */
function registerCompactionTests(withStore: WithStore): void {
  it('compaction replaces the snapshot and deletes exactly the rows it names, durably', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('c'));
      const updates = chainOfUpdates();
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await storage.appendUpdate('c', update));
      // This writer has integrated only the first row; the later ones (say, another process's) must stay.
      const result = await storage.compact('c', snapshotOf(updates, 1), { basedOn: 0, seqs: [seqs[0]!] });
      expect(result).toEqual({ ok: true, snapshotVersion: 1 });
      await storage.close();
      await withHandle(store, async (again) => {
        const loaded = await again.loadDocument('c');
        expect(loaded.snapshotVersion).toBe(1);
        expect(loaded.updates.map(({ seq }) => seq)).toEqual(seqs.slice(1));
        expect(rebuild(loaded)).toEqual({ x: 1, y: 2, z: 3 });
        const next = await again.compact('c', snapshotOf(updates, 3), { basedOn: 1, seqs: seqs.slice(1) });
        expect(next).toEqual({ ok: true, snapshotVersion: 2 });
        const folded = await again.loadDocument('c');
        expect(folded.updates).toEqual([]);
        expect(rebuild(folded)).toEqual({ x: 1, y: 2, z: 3 });
      });
    }));

  it('the log index names the snapshot version and the rows still logged, as loading does', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('index'));
      expect(await storage.logIndex('index')).toEqual({ snapshotVersion: 0, seqs: [] });
      const updates = chainOfUpdates();
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await storage.appendUpdate('index', update));
      await withHandle(store, async (other) => {
        expect(await other.logIndex('index')).toEqual({ snapshotVersion: 0, seqs });
        await other.compact('index', snapshotOf(updates, 2), { basedOn: 0, seqs: seqs.slice(0, 2) });
      });
      expect(await storage.logIndex('index')).toEqual({ snapshotVersion: 1, seqs: seqs.slice(2) });
      expect(await storage.logIndex('none')).toEqual({ snapshotVersion: 0, seqs: [] });
    }));

  it('compaction is a compare-and-swap: a writer whose snapshot version is stale changes nothing', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('cas'));
      const updates = chainOfUpdates();
      const first = await storage.appendUpdate('cas', updates[0]!);
      const second = await storage.appendUpdate('cas', updates[1]!);
      // A second handle acts as another server process holding the same board.
      await withHandle(store, async (other) => {
        expect(
          await other.compact('cas', snapshotOf(updates, 2), { basedOn: 0, seqs: [first, second] }),
        ).toEqual({ ok: true, snapshotVersion: 1 });
        const third = await other.appendUpdate('cas', updates[2]!);
        // This writer still believes there is no snapshot: its fold would drop what the other one wrote.
        expect(await storage.compact('cas', snapshotOf(updates, 1), { basedOn: 0, seqs: [first] })).toEqual({
          ok: false,
        });
        const loaded = await storage.loadDocument('cas');
        expect(loaded.snapshotVersion).toBe(1);
        expect(loaded.updates.map(({ seq }) => seq)).toEqual([third]);
        expect(rebuild(loaded)).toEqual({ x: 1, y: 2, z: 3 });
      });
    }));

  it('a board started from a file cannot be folded as if it had no snapshot', () =>
    withStore(async (storage) => {
      const updates = chainOfUpdates();
      await storage.createBoard(testBoard('from-file'), snapshotOf(updates, 2));
      const { snapshotVersion } = await storage.loadDocument('from-file');
      const empty = Y.encodeStateAsUpdate(new Y.Doc());
      expect(await storage.compact('from-file', empty, { basedOn: 0, seqs: [] })).toEqual({ ok: false });
      expect(rebuild(await storage.loadDocument('from-file'))).toEqual({ x: 1, y: 2 });
      const seq = await storage.appendUpdate('from-file', updates[2]!);
      const result = await storage.compact('from-file', snapshotOf(updates, 3), {
        basedOn: snapshotVersion,
        seqs: [seq],
      });
      expect(result).toEqual({ ok: true, snapshotVersion: snapshotVersion + 1 });
    }));
}

/** History: moments and the chain of states they show, kept apart from the log and its compaction. */
function registerHistoryTests(withStore: WithStore): void {
  it('stores moments with whole states and changes since a base state, and rebuilds each, durably', () =>
    withStore(async (storage, store) => {
      await storage.createBoard(testBoard('h'));
      expect(await storage.historyHead('h')).toBeNull();
      const doc = new Y.Doc();
      doc.getMap('m').set('x', 1);
      const first = await storage.addMoment('h', moment('one', '2026-03-12T12:00:00.000Z'), {
        baseId: null,
        depth: 0,
        snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
        data: Y.encodeStateAsUpdate(doc),
      });
      const base = Y.encodeStateVector(doc);
      doc.getMap('m').set('y', 2);
      doc.getMap('m').delete('x');
      const second = await storage.addMoment('h', moment('two', '2026-09-01T12:00:00.000Z'), {
        baseId: first,
        depth: 1,
        snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
        data: Y.encodeStateAsUpdate(doc, base),
      });
      // The board did not change: a third moment shows the same stored state.
      expect(
        await storage.addMoment('h', moment('three', '2026-09-02T12:00:00.000Z', { kind: 'event' }), second),
      ).toBe(second);
      // Compaction of the live document leaves the history alone.
      const seq = await storage.appendUpdate('h', Y.encodeStateAsUpdate(doc));
      await storage.compact('h', Y.encodeStateAsUpdate(doc), { basedOn: 0, seqs: [seq] });
      await storage.close();
      await withHandle(store, async (again) => {
        const head = await again.historyHead('h');
        expect(head?.id).toBe(second);
        expect(head?.depth).toBe(1);
        expect(Y.equalSnapshots(Y.decodeSnapshot(head!.snapshot), Y.snapshot(doc))).toBe(true);
        expect(rebuildParts(await again.loadHistoryState('h', first))).toEqual({ x: 1 });
        expect(rebuildParts(await again.loadHistoryState('h', second))).toEqual({ y: 2 });
        expect(await again.loadHistoryState('h', 999_999)).toEqual([]);
        expect(await again.loadHistoryState('other', first)).toEqual([]);
        const listed = (await again.listMoments('h')).sort((a, b) => a.at.localeCompare(b.at));
        expect(listed.map(({ id, stateId }) => [id, stateId])).toEqual([
          ['one', first],
          ['two', second],
          ['three', second],
        ]);
        expect(listed[2]).toEqual({
          ...moment('three', '2026-09-02T12:00:00.000Z', { kind: 'event' }),
          stateId: second,
        });
      });
    }));

  it('confirms, corrects and deletes moments of one board only', () =>
    withStore(async (storage) => {
      await storage.createBoard(testBoard('p'));
      await storage.createBoard(testBoard('q'));
      const doc = new Y.Doc();
      const state = {
        baseId: null,
        depth: 0,
        snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
        data: Y.encodeStateAsUpdate(doc),
      };
      const stateId = await storage.addMoment(
        'p',
        moment('proposal', '2026-01-01T00:00:00.000Z', { status: 'proposed', proposedBy: 'Anna' }),
        state,
      );
      await expect(
        storage.addMoment('p', moment('proposal', '2026-01-02T00:00:00.000Z'), stateId),
      ).rejects.toThrow();
      expect(await storage.updateMoment('q', 'proposal', { status: 'confirmed' })).toBe(false);
      expect(await storage.updateMoment('p', 'proposal', { status: 'confirmed', title: 'Na de zomer' })).toBe(
        true,
      );
      expect(await storage.getMoment('p', 'proposal')).toMatchObject({
        status: 'confirmed',
        title: 'Na de zomer',
        proposedBy: 'Anna',
        stateId,
      });
      expect(await storage.getMoment('q', 'proposal')).toBeNull();
      expect(await storage.deleteMoment('q', 'proposal')).toBe(false);
      expect(await storage.deleteMoment('p', 'proposal')).toBe(true);
      expect(await storage.listMoments('p')).toEqual([]);
      // The state stays: a later state may build on it.
      expect(await storage.loadHistoryState('p', stateId)).toHaveLength(1);
    }));
}
