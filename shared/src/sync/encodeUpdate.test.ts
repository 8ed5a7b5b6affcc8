/**
 * Pins the Yjs internals `encodeUpdate` and `structSize` rely on (the encoder classes and `Struct.write`):
 * an upgrade of yjs that changes them fails here, not in the server's guard or the page's large changes.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeUpdate, structSize } from './encodeUpdate.ts';

function sampleUpdate(): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  const map = doc.getMap('organisations');
  map.set('a', 'Gemeente Leiden');
  map.set('b', 'Woonstichting De Sleutels');
  doc.getText('notes').insert(0, 'hello world');
  map.delete('a');
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

describe('encodeUpdate (Yjs internals)', () => {
  it('writes a decoded update back into one that gives the same document', () => {
    const { doc, update } = sampleUpdate();
    const { structs, ds } = Y.decodeUpdate(update);
    const rewritten = encodeUpdate(structs, new Map([...ds.clients].map(([c, r]) => [c, [...r]])));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, rewritten);
    expect(copy.getMap('organisations').toJSON()).toEqual(doc.getMap('organisations').toJSON());
    expect(copy.getText('notes').toString()).toBe('hello world');
    expect(Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(doc))).toBe(true);
  });

  it('measures each struct as the bytes it takes in the update', () => {
    const { update } = sampleUpdate();
    const { structs } = Y.decodeUpdate(update);
    const sizes = structs.map(structSize);
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(update.byteLength);
  });
});
