import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { deliver, offlineProvider } from './testing/offlineProvider.ts';
import { writeSyncStep1, writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import { messageSync } from 'y-websocket';
import { holdBoard } from './heldBoard.ts';
import { applySyncStep2Quietly } from './quietSyncStep2.ts';

const names = (doc: Y.Doc): string[] => [...doc.getMap<string>('names').values()].sort();

/** The update `change` makes to `doc`, as one transaction. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.transact(change);
  if (update === null) throw new Error('the change made no update');
  return update;
}

describe('holdBoard', () => {
  it('holds the server board and later updates until released, then applies them in order', () => {
    const server = new Y.Doc();
    server.getMap('names').set('a', 'Alpha');
    const doc = new Y.Doc();
    const provider = offlineProvider(doc);
    applySyncStep2Quietly(provider);
    const release = holdBoard(provider);

    deliver(provider, (e) => writeSyncStep2(e, server));
    // An update made after the board was sent (it deletes what the board holds: order matters).
    const later = updateOf(server, () => {
      server.getMap('names').delete('a');
      server.getMap('names').set('b', 'Bravo');
    });
    deliver(provider, (e) => writeUpdate(e, later));
    expect(names(doc)).toEqual([]);
    expect(provider.synced).toBe(false);

    release();
    expect(names(doc)).toEqual(['Bravo']);
    expect(provider.synced).toBe(true);

    // Released: later updates go straight in; releasing again changes nothing.
    const last = updateOf(server, () => server.getMap('names').set('c', 'Charlie'));
    deliver(provider, (e) => writeUpdate(e, last));
    release();
    expect(names(doc)).toEqual(['Bravo', 'Charlie']);
    provider.destroy();
  });

  it("answers the server's sync step 1 while the board is held", () => {
    const doc = new Y.Doc();
    doc.getMap('names').set('x', 'Local');
    const provider = offlineProvider(doc);
    holdBoard(provider);
    const server = new Y.Doc();
    const reply = deliver(provider, (e) => writeSyncStep1(e, server));
    // The reply is a sync step 2 carrying this page's own changes.
    const decoder = decoding.createDecoder(reply);
    expect(decoding.readVarUint(decoder)).toBe(messageSync);
    expect(decoding.readVarUint(decoder)).toBe(1);
    Y.applyUpdate(server, decoding.readVarUint8Array(decoder));
    expect(names(server)).toEqual(['Local']);
    provider.destroy();
  });
});
