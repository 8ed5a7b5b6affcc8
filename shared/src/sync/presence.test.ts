/** Presence states are written by any page: the readers keep only well-formed parts, the stamp sets the role. */
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_PRESENCE_COLOUR,
  anonymisePresence,
  MAX_PRESENCE_NAME_LENGTH,
  publishPresence,
  readFacilitationPresence,
  readPresenceCursor,
  readPresenceSelection,
  readPresenceUser,
  stampPresence,
} from './presence.ts';

describe('presence', () => {
  it('reads a user: trimmed and cut name, checked colour, a known role or null', () => {
    const long = 'x'.repeat(MAX_PRESENCE_NAME_LENGTH + 5);
    expect(readPresenceUser({ user: { name: ` ${long} `, colour: '#ABCDEF', role: 'viewer' } })).toEqual({
      name: 'x'.repeat(MAX_PRESENCE_NAME_LENGTH),
      colour: '#ABCDEF',
      role: 'viewer',
    });
    expect(readPresenceUser({ user: { name: 'Ann', colour: 'red', role: 'admin' } })).toEqual({
      name: 'Ann',
      colour: FALLBACK_PRESENCE_COLOUR,
      role: null,
    });
    for (const state of [null, 'user', [], { user: { name: ' ' } }, { user: ['Ann'] }, { name: 'Ann' }]) {
      expect(readPresenceUser(state)).toBeNull();
    }
  });

  it('reads a cursor and a selection only when well-formed', () => {
    expect(readPresenceCursor({ cursor: { x: 1, y: -2 } })).toEqual({ x: 1, y: -2 });
    expect(readPresenceCursor({ cursor: { x: NaN, y: 0 } })).toBeNull();
    expect(readPresenceCursor({ cursor: null })).toBeNull();
    expect(readPresenceSelection({ selection: ['a', 3, 'b'] })).toEqual(['a', 'b']);
    expect(readPresenceSelection({ selection: Array.from({ length: 900 }, () => 'a') })).toHaveLength(500);
    expect(readPresenceSelection({ selection: 'a' })).toEqual([]);
  });

  it('reads the facilitation field: clamped zoom, bounded spotlight, a summon only with a viewport and nonce', () => {
    const read = readFacilitationPresence({
      facilitation: {
        follow: true,
        viewport: { x: 1, y: 2, zoom: 99 },
        spotlight: { ids: ['a', '', 7, 'x'.repeat(101), 'b'] },
        summon: { viewport: { x: 0, y: 0, zoom: 0 }, nonce: 5 },
      },
    });
    expect(read).toEqual({
      follow: true,
      viewport: { x: 1, y: 2, zoom: 4 },
      spotlight: { ids: ['a', 'b'] },
      summon: null,
    });
    expect(readFacilitationPresence({ facilitation: null })).toBeNull();
  });

  it("stamps the connection's role and keeps facilitation only on a facilitator's state", () => {
    const claimed = {
      user: { name: 'M', role: 'facilitator' },
      facilitation: { follow: true },
      cursor: null,
    };
    expect(stampPresence(claimed, 'editor')).toEqual({ user: { name: 'M', role: 'editor' }, cursor: null });
    expect(stampPresence(claimed, 'facilitator')).toEqual(claimed);
    expect(stampPresence({ cursor: { x: 1, y: 1 } }, 'viewer')).toEqual({
      cursor: { x: 1, y: 1 },
      user: { role: 'viewer' },
    });
    expect(stampPresence(null, 'viewer')).toBeNull();
    expect(stampPresence('hello', 'viewer')).toBeUndefined();
  });

  it('publishes each field under its name', () => {
    const written: Array<[string, unknown]> = [];
    const awareness = { setLocalStateField: (field: string, value: unknown) => written.push([field, value]) };
    publishPresence(awareness, 'cursor', { x: 1, y: 2 });
    publishPresence(awareness, 'selection', ['a']);
    expect(written).toEqual([
      ['cursor', { x: 1, y: 2 }],
      ['selection', ['a']],
    ]);
  });
});

describe('anonymisePresence', () => {
  it('numbers the person instead of naming them and passes only fields without words of their own', () => {
    const state = {
      user: { name: 'Fiona Faber', colour: '#123456', role: 'facilitator' },
      cursor: { x: 3, y: 4 },
      selection: ['a', 'b'],
      facilitation: { follow: true, viewport: { x: 1, y: 2, zoom: 1 }, spotlight: null, summon: null },
      note: 'Fiona Faber was here',
    };
    const anonymised = anonymisePresence(state, 3);
    expect(JSON.stringify(anonymised)).not.toContain('Fiona');
    expect(readPresenceUser(anonymised)).toEqual({
      name: '',
      colour: '#123456',
      role: 'facilitator',
      participant: 3,
    });
    expect(readPresenceCursor(anonymised)).toEqual({ x: 3, y: 4 });
    expect(readPresenceSelection(anonymised)).toEqual(['a', 'b']);
    expect(readFacilitationPresence(anonymised)?.follow).toBe(true);
    expect(anonymisePresence(null, 1)).toBeNull();
    expect(anonymisePresence('garbage', 1)).toBeUndefined();
  });
});
