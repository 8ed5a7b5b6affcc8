/**
 * Rooms of one board in two "processes" (two storage handles on one SQLite file, one bus between them):
 * what crosses the bus, what is stored once, and compaction with more than one writer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { LocalRoomBus } from '../bus/LocalRoomBus.ts';
import type { RoomBus } from '../bus/RoomBus.ts';
import { createLogger } from '../log.ts';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { newBoardState } from '@interplay/shared';
import type { BoardRole as Role } from '@interplay/shared';
import type { Storage } from '../storage/Storage.ts';
import { testBoard } from '../storage/storageContract.ts';
import { messageAwareness, messageSync, syncStep2, syncUpdate } from './protocol.ts';
import { Room } from './Room.ts';
import type { RoomMember } from './RoomBroadcast.ts';

const BOARD = 'board';
const log = createLogger('error', () => undefined);

/** A connection as a room sees it, with the document and presence its page would hold. */
class FakeMember implements RoomMember {
  readonly doc = new Y.Doc();
  /** Presence as this page receives it. */
  readonly seen = new Awareness(new Y.Doc());
  /** Made on the first `say`, under the document's client id at that time. */
  private own: Awareness | null = null;

  constructor(
    readonly role: Role,
    readonly device: string,
  ) {
    this.seen.setLocalState(null);
  }

  send(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === messageSync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncStep2 || step === syncUpdate) Y.applyUpdate(this.doc, payload, 'server');
    } else if (type === messageAwareness) {
      applyAwarenessUpdate(this.seen, decoding.readVarUint8Array(decoder), 'server');
    }
  }

  close(): void {}

  /** Joins and receives the board as it is. */
  enter(room: Room): this {
    room.join(this);
    room.answerSyncStep1(this, Y.encodeStateVector(this.doc), () => true);
    return this;
  }

  edit(room: Room, change: (map: Y.Map<unknown>) => void): void {
    const before = Y.encodeStateVector(this.doc);
    change(this.doc.getMap('m'));
    room.applyClientUpdate(this, Y.encodeStateAsUpdate(this.doc, before));
  }

  say(room: Room, state: Record<string, unknown>): void {
    this.own ??= new Awareness(this.doc);
    this.own.setLocalState(state);
    room.applyClientAwareness(this, encodeAwarenessUpdate(this.own, [this.own.clientID]));
  }

  map(): Record<string, unknown> {
    return this.doc.getMap('m').toJSON();
  }
}

/** A storage handle that counts appends: "stored once" is checked here. */
function counting(storage: Storage): { storage: Storage; appended: Uint8Array[] } {
  const appended: Uint8Array[] = [];
  return {
    appended,
    storage: {
      createBoard: (board, state) => storage.createBoard(board, state),
      getBoard: (id) => storage.getBoard(id),
      setKeyHash: (id, role, hash) => storage.setKeyHash(id, role, hash),
      loadDocument: (id) => storage.loadDocument(id),
      logIndex: (id) => storage.logIndex(id),
      appendUpdate: (id, update, claims) => {
        appended.push(update);
        return storage.appendUpdate(id, update, claims);
      },
      compact: (id, snapshot, fold) => storage.compact(id, snapshot, fold),
      addMoment: (id, moment, state) => storage.addMoment(id, moment, state),
      historyHead: (id) => storage.historyHead(id),
      loadHistoryState: (id, stateId) => storage.loadHistoryState(id, stateId),
      listMoments: (id) => storage.listMoments(id),
      getMoment: (id, momentId) => storage.getMoment(id, momentId),
      updateMoment: (id, momentId, patch) => storage.updateMoment(id, momentId, patch),
      deleteMoment: (id, momentId) => storage.deleteMoment(id, momentId),
      ping: () => storage.ping(),
      historyStateIds: (id) => storage.historyStateIds(id),
      rewriteHistoryStates: (id, states) => storage.rewriteHistoryStates(id, states),
      deleteBoard: (id) => storage.deleteBoard(id),
      isDeletedBoard: (id) => storage.isDeletedBoard(id),
      eraseDeleted: () => storage.eraseDeleted(),
      close: () => storage.close(),
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data directory with one board, and a way to open "processes" on it. */
async function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-rooms-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const handle = (): SqliteStorage => {
    const storage = new SqliteStorage(dir);
    cleanups.push(() => storage.close());
    return storage;
  };
  // Created as the API does: at the current schema version, so loading it writes nothing.
  await handle().createBoard(testBoard(BOARD), newBoardState());
  /** One server process's room of the board, with its own storage handle. */
  const open = async (bus: RoomBus, compactThreshold = 500) => {
    const { storage, appended } = counting(handle());
    const room = new Room(BOARD, storage, bus, log, {
      compactThreshold,
      checkpointIntervalMs: 0,
      onFailed: () => undefined,
    });
    await room.load();
    cleanups.push(() => room.close());
    return { room, appended };
  };
  /** Two processes' rooms of the board, on one bus. */
  const onOneBus = async () => {
    const bus = new LocalRoomBus();
    return { bus, a: await open(bus), b: await open(bus) };
  };
  return { open, onOneBus, handle };
}

describe('rooms of one board in two processes', () => {
  it('an update crosses the bus, is applied and relayed there, and is stored once', async () => {
    const { onOneBus, handle } = await setUp();
    const { a, b } = await onOneBus();
    const ann = new FakeMember('editor', 'device:ann').enter(a.room);
    const bob = new FakeMember('editor', 'device:bob').enter(b.room);
    ann.edit(a.room, (m) => m.set('x', 1));
    await until(() => bob.map().x === 1, 'Ann’s edit to reach Bob on the other process');
    bob.edit(b.room, (m) => m.set('y', 2));
    await until(() => ann.map().y === 2, 'Bob’s edit to reach Ann');
    expect(a.appended).toHaveLength(1);
    expect(b.appended).toHaveLength(1);
    const stored = await handle().loadDocument(BOARD);
    expect(stored.updates).toHaveLength(2);
  });

  it('a room closing with writes still queued publishes them before it leaves the bus', async () => {
    const { onOneBus } = await setUp();
    const { a, b } = await onOneBus();
    const ann = new FakeMember('editor', 'device:ann').enter(a.room);
    const bob = new FakeMember('editor', 'device:bob').enter(b.room);
    ann.edit(a.room, (m) => m.set('last', 'words'));
    a.room.leave(ann);
    await a.room.close();
    await until(() => bob.map().last === 'words', 'the closing room’s last edit on the other process');
  });

  it('client ids claimed in one process are owned in the other: nobody there may write under them', async () => {
    const { onOneBus } = await setUp();
    const { a, b } = await onOneBus();
    const ann = new FakeMember('editor', 'device:ann').enter(a.room);
    const reader = new FakeMember('viewer', 'device:reader').enter(b.room);
    ann.edit(a.room, (m) => m.set('x', 1));
    await until(() => reader.map().x === 1, 'Ann’s edit to reach the other process');
    const mallory = new FakeMember('editor', 'device:mallory').enter(b.room);
    await until(() => mallory.map().x === 1, 'Mallory to sync');
    mallory.doc.clientID = ann.doc.clientID;
    mallory.edit(b.room, (m) => m.set('forged', true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.map()).toEqual({ x: 1 });
    expect(b.appended).toHaveLength(0);
  });

  it('presence crosses stamped, a late room asks for it, and leaving removes it everywhere', async () => {
    const { open, onOneBus } = await setUp();
    const { bus, a, b } = await onOneBus();
    const ann = new FakeMember('editor', 'device:ann').enter(a.room);
    const bob = new FakeMember('editor', 'device:bob').enter(b.room);
    ann.say(a.room, { user: { name: 'Ann', role: 'facilitator' } });
    const annOn = (member: FakeMember) => member.seen.getStates().get(ann.doc.clientID);
    await until(() => annOn(bob) !== undefined, 'Ann’s presence on the other process');
    expect(annOn(bob)).toEqual({ user: { name: 'Ann', role: 'editor' } });
    // Another browser on the other process cannot speak for Ann's client id.
    const mallory = new FakeMember('editor', 'device:mallory').enter(b.room);
    mallory.doc.clientID = ann.doc.clientID;
    for (let i = 0; i < 3; i++) mallory.say(b.room, { user: { name: 'Mallory' } });
    const c = await open(bus);
    const carol = new FakeMember('viewer', 'device:carol').enter(c.room);
    await until(() => annOn(carol) !== undefined, 'a room loaded later to learn Ann’s presence');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(annOn(bob)).toEqual({ user: { name: 'Ann', role: 'editor' } });
    expect(annOn(carol)).toEqual({ user: { name: 'Ann', role: 'editor' } });
    a.room.leave(ann);
    await until(() => annOn(bob) === undefined && annOn(carol) === undefined, 'Ann’s presence to go');
  });

  it('an update from the bus that depends on rows it never heard of makes the room read storage back', async () => {
    const { open, handle } = await setUp();
    const bus = new LocalRoomBus();
    const b = await open(bus);
    const bob = new FakeMember('editor', 'device:bob').enter(b.room);
    // A process that stored two updates but whose first message never arrived.
    const lost = bus.join(BOARD, () => undefined);
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.getMap('m').set('first', 1);
    writer.getMap('m').set('second', 2);
    const storage = handle();
    await storage.appendUpdate(BOARD, updates[0]!, [[writer.clientID, 'device:w']]);
    const seq = await storage.appendUpdate(BOARD, updates[1]!);
    lost.publish({ kind: 'update', update: updates[1]!, seq, claims: [] });
    await until(() => bob.map().second === 2, 'the room to catch up from storage');
    expect(bob.map()).toEqual({ first: 1, second: 2 });
    expect(b.appended).toHaveLength(0);
  });
});

describe('compaction with more than one writer', () => {
  it('one writer folds its log as before', async () => {
    const { open, handle } = await setUp();
    const a = await open(new LocalRoomBus(), 3);
    const ann = new FakeMember('editor', 'device:ann').enter(a.room);
    for (let i = 0; i < 5; i++) ann.edit(a.room, (m) => m.set(`k${i}`, i));
    await a.room.close();
    const stored = await handle().loadDocument(BOARD);
    expect(stored.updates).toEqual([]);
    expect(stored.snapshotVersion).toBeGreaterThan(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    expect(doc.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
  });

  it('never deletes rows another writer committed unseen, nor overwrites its newer snapshot', async () => {
    const { open, handle } = await setUp();
    // Two buses: each process misses the other's messages, as if they were still in flight.
    const a = await open(new LocalRoomBus(), 2);
    const b = await open(new LocalRoomBus(), 2);
    const ann = new FakeMember('editor', 'device:ann').enter(a.room);
    const bob = new FakeMember('editor', 'device:bob').enter(b.room);
    const storage = handle();
    const created = (await storage.loadDocument(BOARD)).snapshotVersion;
    ann.edit(a.room, (m) => m.set('a1', 1));
    bob.edit(b.room, (m) => m.set('b1', 1));
    await until(() => b.appended.length === 1, 'Bob’s first row');
    ann.edit(a.room, (m) => m.set('a2', 2));
    // Ann's room folds its two rows; Bob's row stays in the log.
    await until(
      async () => (await storage.loadDocument(BOARD)).snapshotVersion === created + 1,
      'Ann’s fold',
    );
    expect((await storage.loadDocument(BOARD)).updates).toHaveLength(1);
    // Bob's room still believes there is no snapshot: its fold is refused, and it reads the board back.
    bob.edit(b.room, (m) => m.set('b2', 2));
    await until(() => bob.map().a2 === 2, 'Bob’s room to read Ann’s snapshot back and relay it');
    bob.edit(b.room, (m) => m.set('b3', 3));
    await a.room.close();
    await b.room.close();
    const stored = await storage.loadDocument(BOARD);
    const doc = new Y.Doc();
    if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    expect(doc.getMap('m').toJSON()).toEqual({ a1: 1, a2: 2, b1: 1, b2: 2, b3: 3 });
    expect(stored.snapshotVersion).toBeGreaterThan(created + 1);
  });
});
