import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { deliver, offlineProvider } from './testing/offlineProvider.ts';
import { writeSyncStep1, writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import { applySyncStep2Quietly, syncStep2Payload } from './quietSyncStep2.ts';

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('organisations').set('a', new Y.Map([['name', 'Alpha']]));
  doc.getArray('log').push(['x', 'y']);
  return doc;
}

describe('applySyncStep2Quietly', () => {
  it('applies the server state, marks the provider synced and hands listeners the bytes the server sent', () => {
    const server = serverDoc();
    const doc = new Y.Doc();
    const provider = offlineProvider(doc);
    applySyncStep2Quietly(provider);
    const heard: Array<[Uint8Array, unknown]> = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => heard.push([update, origin]));

    const sent = Y.encodeStateAsUpdate(server);
    deliver(provider, (encoder) => writeSyncStep2(encoder, server));

    expect(doc.getMap('organisations').get('a')).toBeInstanceOf(Y.Map);
    expect(doc.getArray('log').toArray()).toEqual(['x', 'y']);
    expect(provider.synced).toBe(true);
    // The provider's own listener is back: a local edit still goes out (it is queued for the socket).
    expect(heard).toHaveLength(1);
    expect(heard[0]?.[0]).toEqual(sent);
    expect(heard[0]?.[1]).toBe(provider);
    doc.getMap('organisations').set('b', new Y.Map());
    expect(heard).toHaveLength(2);
    expect(heard[1]?.[1]).toBeNull();
    provider.destroy();
  });

  it('calls no listener when the server had nothing new', () => {
    const server = serverDoc();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const provider = offlineProvider(doc);
    applySyncStep2Quietly(provider);
    let calls = 0;
    doc.on('update', () => calls++);
    deliver(provider, (encoder) => writeSyncStep2(encoder, server, Y.encodeStateVector(doc)));
    expect(calls).toBe(0);
    provider.destroy();
  });

  it('leaves sync step 1 and live updates to y-websocket', () => {
    const server = serverDoc();
    const doc = new Y.Doc();
    doc.getMap('organisations').set('local', new Y.Map());
    const provider = offlineProvider(doc);
    applySyncStep2Quietly(provider);
    const heard: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => heard.push(origin));
    // Step 1 is answered with this page's state.
    const reply = deliver(provider, (encoder) => writeSyncStep1(encoder, server));
    expect(reply.length).toBeGreaterThan(2);
    deliver(provider, (encoder) => writeUpdate(encoder, Y.encodeStateAsUpdate(server)));
    expect(doc.getArray('log').toArray()).toEqual(['x', 'y']);
    expect(heard).toEqual([provider]);
    expect(provider.synced).toBe(false);
    provider.destroy();
  });

  it('reads the payload of sync step 2 only', () => {
    const encoder = encoding.createEncoder();
    const big = new Uint8Array(300).fill(7);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, big);
    const bytes = encoding.toUint8Array(encoder);
    expect(syncStep2Payload(bytes, 0)).toEqual(big);
    expect(syncStep2Payload(Uint8Array.of(2, 1, 5), 0)).toBeNull();
    expect(() => syncStep2Payload(bytes.subarray(0, 10), 0)).toThrow(/truncated/);
  });
});
