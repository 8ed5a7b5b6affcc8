import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createPresenceStore, followAwareness } from './presenceStore.ts';

/** A remote participant whose awareness reaches ours as it would over the wire. */
function remotePeer(local: Awareness) {
  const remote = new Awareness(new Y.Doc());
  return (state: Record<string, unknown>) => {
    remote.setLocalState(state);
    applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
  };
}

describe('presence store', () => {
  it('shows remote selections, and keeps them identical while only a cursor moves', () => {
    const local = new Awareness(new Y.Doc());
    const store = createPresenceStore();
    const stop = followAwareness(store, local);
    const send = remotePeer(local);
    const user = { name: 'Anna', colour: '#1f77b4' };

    send({ user, cursor: { x: 1, y: 2 }, selection: ['org-1'] });
    const selectors = store.getState().selectors;
    expect(selectors.get('org-1')).toEqual({ colour: '#1f77b4', names: 'Anna' });

    send({ user, cursor: { x: 50, y: 60 }, selection: ['org-1'] });
    expect(store.getState().peers[0]?.cursor).toEqual({ x: 50, y: 60 });
    expect(store.getState().selectors).toBe(selectors);

    send({ user, cursor: { x: 50, y: 60 }, selection: ['org-2'] });
    expect(store.getState().selectors).not.toBe(selectors);
    expect([...store.getState().selectors.keys()]).toEqual(['org-2']);
    stop();
  });
});
