import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyQuietly } from './applyQuietly.ts';

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('organisations').set('a', new Y.Map([['name', 'Alpha']]));
  return doc;
}

describe('applyQuietly', () => {
  it('applies the update and hands the listeners the bytes as sent, with the given origin', () => {
    const server = serverDoc();
    const doc = new Y.Doc();
    const heard: Array<[Uint8Array, unknown]> = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => heard.push([update, origin]));
    const sent = Y.encodeStateAsUpdate(server);
    applyQuietly(doc, sent, 'socket');
    expect(doc.getMap('organisations').get('a')).toBeInstanceOf(Y.Map);
    expect(heard).toEqual([[sent, 'socket']]);
    // The listeners are back for later edits.
    doc.getMap('organisations').set('b', 1);
    expect(heard).toHaveLength(2);
  });

  it('calls no listener when the update brought nothing new', () => {
    const server = serverDoc();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    let calls = 0;
    doc.on('update', () => calls++);
    applyQuietly(doc, Y.encodeStateAsUpdate(server), 'socket');
    expect(calls).toBe(0);
  });

  it('relies on lib0 keeping listeners in `_observers` (fails loudly if an upgrade changes that)', () => {
    const doc = new Y.Doc();
    const listener = (): void => undefined;
    doc.on('update', listener);
    const observers = (doc as unknown as { _observers: unknown })._observers;
    expect(observers, 'lib0 Observable no longer keeps `_observers` as a Map').toBeInstanceOf(Map);
    expect((observers as Map<string, Set<unknown>>).get('update')?.has(listener)).toBe(true);
  });
});
