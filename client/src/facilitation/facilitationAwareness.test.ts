import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { readPresenceUser } from '@interplay/shared';
import { findFacilitator } from './facilitationAwareness.ts';

/** A remote page whose presence reaches `local` as the server relays it (role already stamped). */
function remote(local: Awareness, state: Record<string, unknown>): number {
  const other = new Awareness(new Y.Doc());
  other.setLocalState(state);
  applyAwarenessUpdate(local, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
  return other.clientID;
}

const leading = { follow: true, viewport: { x: 10, y: 20, zoom: 1 }, spotlight: null, summon: null };

describe('whom a page follows', () => {
  it('follows only a presence whose user.role is facilitator', () => {
    const local = new Awareness(new Y.Doc());
    // What a modified page might claim: a facilitation field and facilitator-ish fields elsewhere.
    remote(local, {
      user: { name: 'Mallory', colour: '#ff0000', role: 'editor', isFacilitator: true },
      role: 'facilitator',
      facilitation: leading,
    });
    remote(local, { user: { name: 'Nobody', colour: '#00ff00' }, facilitation: leading });
    expect(findFacilitator(local)).toBeNull();

    const id = remote(local, {
      user: { name: 'Fenna', colour: '#123456', role: 'facilitator' },
      facilitation: leading,
    });
    expect(findFacilitator(local)).toMatchObject({ clientId: id, name: 'Fenna', colour: '#123456' });
  });

  it('never follows itself, even as the facilitator', () => {
    const local = new Awareness(new Y.Doc());
    local.setLocalState({
      user: { name: 'Me', colour: '#123456', role: 'facilitator' },
      facilitation: leading,
    });
    expect(findFacilitator(local)).toBeNull();
  });

  it('reads the stamped role for the roster, and nothing but a known role', () => {
    expect(readPresenceUser({ user: { name: ' Ann ', colour: '#abcdef', role: 'viewer' } })).toEqual({
      name: 'Ann',
      colour: '#abcdef',
      role: 'viewer',
    });
    expect(readPresenceUser({ user: { name: 'Ann', colour: 'red', role: 'admin' } })).toEqual({
      name: 'Ann',
      colour: '#6b7280',
      role: null,
    });
    expect(readPresenceUser({ user: { name: '  ', role: 'facilitator' } })).toBeNull();
    expect(readPresenceUser({ role: 'facilitator' })).toBeNull();
  });
});
