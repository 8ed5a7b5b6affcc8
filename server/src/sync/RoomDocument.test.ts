/**
 * What the room's document itself guards: its size limit, answers to repeated sync requests from a cache,
 * and stored parts it cannot read (which must stop the board from loading, not leave it empty).
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { CorruptStorageError } from '../storage/snapshotChecksum.ts';
import type { StoredDocument } from '../storage/Storage.ts';
import { BoardFullError, RoomDocument } from './RoomDocument.ts';
import type { RoomMember } from './RoomBroadcast.ts';

const log = createLogger('error', () => undefined);
const editor: RoomMember = {
  role: 'editor',
  device: 'device:editor',
  send: () => undefined,
  close: () => undefined,
};
const empty: StoredDocument = { snapshot: null, snapshotVersion: 0, updates: [], owners: new Map() };

function loaded(maxBytes?: number): RoomDocument {
  const document = new RoomDocument('board', log, maxBytes);
  document.applyStored(empty);
  document.listen(() => undefined);
  return document;
}

/** An update of about `bytes` bytes from a fresh client. */
function updateOf(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set('text', 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}

describe('RoomDocument', () => {
  it('refuses an update that would grow the document past its limit, and applies nothing of it', () => {
    const document = loaded(10_000);
    document.applyClient(editor, updateOf(6_000));
    expect(document.byteSize).toBeGreaterThan(6_000);
    expect(() => document.applyClient(editor, updateOf(6_000))).toThrow(BoardFullError);
    expect(document.doc.getMap('m').size).toBe(1);
  });

  it('answers the same state vector from a cache until the document changes', () => {
    const document = loaded();
    document.applyClient(editor, updateOf(100));
    const peer = new Y.Doc();
    peer.getMap('p').set('q', 1);
    const stateVector = Y.encodeStateVector(peer);
    const first = document.encodeMissing(stateVector);
    expect(document.encodeMissing(stateVector)).toBe(first);
    document.applyClient(editor, updateOf(10));
    expect(document.encodeMissing(stateVector)).not.toBe(first);
  });

  it('throws CorruptStorageError for a stored snapshot it cannot read', () => {
    const document = new RoomDocument('board', log);
    const broken = { ...empty, snapshot: new Uint8Array([5, 200, 17, 3, 99, 99, 99, 1]) };
    expect(() => document.applyStored(broken)).toThrow(CorruptStorageError);
  });
});
