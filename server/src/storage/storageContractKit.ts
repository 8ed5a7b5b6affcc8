import * as Y from 'yjs';
import type { Moment } from '@interplay/shared/history/moment';
import type { BoardRecord, Storage, StoredDocument } from './Storage.ts';

/** What the storage contract's test files share: stores under test, boards, updates and states to store. */

/**
 * A fresh, empty store for one test. `connect` opens a handle on it: call it again after closing a handle to
 * check durability, or while another handle is open to act as a second server process writing the same
 * boards. `dispose` removes the store once every handle is closed.
 */
export interface StoreUnderTest {
  connect(): Storage;
  dispose(): Promise<void>;
}

export const testBoard = (id: string): BoardRecord => ({
  id,
  title: `Board ${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  keyHashes: { facilitator: 'aa', editor: 'bb', viewer: 'cc', anonymous: null },
});

/** Three real Yjs updates, each depending on the one before (a log as a room writes it). */
export function chainOfUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getMap('m').set('x', 1);
  doc.getMap('m').set('y', 2);
  doc.getMap('m').set('z', 3);
  return updates;
}

/** Rebuilds a stored document as a room loads it, and returns its map `m`. */
export function rebuild(stored: StoredDocument): Record<string, unknown> {
  const doc = new Y.Doc();
  if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc.getMap('m').toJSON();
}

/** A snapshot of the first `count` updates, as a room that integrated only those would write it. */
export function snapshotOf(updates: Uint8Array[], count: number): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}

/** Runs `body` with another handle on the store (after closing one: durability; beside one: a second writer). */
export async function withHandle(
  store: StoreUnderTest,
  body: (storage: Storage) => Promise<void>,
): Promise<void> {
  const storage = store.connect();
  try {
    await body(storage);
  } finally {
    await storage.close();
  }
}

export const bytes = (stored: StoredDocument): number[][] =>
  stored.updates.map(({ update }) => Array.from(update));

/** Runs a test body with one open handle on a fresh store, and cleans up whatever happens. */
export type WithStore = (body: (storage: Storage, store: StoreUnderTest) => Promise<void>) => Promise<void>;

export function storeRunner(open: () => StoreUnderTest | Promise<StoreUnderTest>): WithStore {
  return async (body) => {
    const store = await open();
    const storage = store.connect();
    try {
      await body(storage, store);
    } finally {
      await storage.close();
      await store.dispose();
    }
  };
}

export const moment = (id: string, at: string, extra: Partial<Moment> = {}): Moment => ({
  id,
  kind: 'moment',
  status: 'confirmed',
  title: `Moment ${id}`,
  description: '',
  at,
  recordedAt: at,
  trigger: null,
  proposedBy: null,
  ...extra,
});

/** Applies a chain of history parts and returns map `m`. */
export function rebuildParts(parts: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc.getMap('m').toJSON();
}
