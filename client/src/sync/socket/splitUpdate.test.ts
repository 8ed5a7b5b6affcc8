import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { splitUpdate } from './splitUpdate.ts';

/** A document written by two clients, with nested maps, long texts and deletes. */
function busyDoc(): Y.Doc {
  const doc = new Y.Doc();
  const other = new Y.Doc();
  for (let i = 0; i < 300; i++) {
    const entry = new Y.Map<unknown>();
    doc.getMap('organisations').set(`o${i}`, entry);
    entry.set('name', `Organisation ${i} `.repeat(20));
    entry.set('x', i);
  }
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  for (let i = 0; i < 100; i++) other.getMap('notes').set(`n${i}`, 'note '.repeat(50));
  for (let i = 0; i < 300; i += 3) other.getMap('organisations').delete(`o${i}`);
  other.getText('text').insert(0, 'a long text '.repeat(2000));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  return doc;
}

describe('splitUpdate', () => {
  it('returns an update that fits as it is', () => {
    const small = Y.encodeStateAsUpdate(new Y.Doc());
    expect(splitUpdate(small, 1024)).toEqual([small]);
  });

  it('splits a large update into pieces under the limit that rebuild the same document in order', () => {
    const source = busyDoc();
    const update = Y.encodeStateAsUpdate(source);
    const max = 16 * 1024;
    expect(update.byteLength).toBeGreaterThan(4 * max);
    const pieces = splitUpdate(update, max);
    expect(pieces.length).toBeGreaterThan(4);
    const rebuilt = new Y.Doc();
    for (const piece of pieces) {
      // One struct (the long text typed in one go) may be larger than the limit; nothing else is.
      Y.applyUpdate(rebuilt, piece);
    }
    expect(pieces.filter((piece) => piece.byteLength > max).length).toBeLessThanOrEqual(1);
    expect(rebuilt.getMap('organisations').toJSON()).toEqual(source.getMap('organisations').toJSON());
    expect(rebuilt.getMap('notes').toJSON()).toEqual(source.getMap('notes').toJSON());
    expect(rebuilt.getText('text').toString()).toBe(source.getText('text').toString());
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(source));
    // Nothing waits in the rebuilt document for a missing piece.
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(rebuilt.store.pendingDs).toBeNull();
  });
});
