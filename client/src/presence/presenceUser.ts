import { isBoardRole, type BoardRole } from '../sync/boardRole.ts';

/** Who an awareness state belongs to: the `user` field every page publishes. */
export interface PresenceUser {
  name: string;
  colour: string;
  /**
   * The connection's role as the server stamped it on the state it relayed (from the key, not from what the
   * page claimed); null when missing or unknown. Whom a page follows rests on this, so read it nowhere else.
   */
  role: BoardRole | null;
}

const MAX_PRESENCE_NAME = 60;
export const FALLBACK_COLOUR = '#6b7280';
const COLOUR = /^#[0-9a-f]{6}$/i;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the `user` of one awareness state defensively (any client can send anything); null without a name. */
export function readPresenceUser(state: unknown): PresenceUser | null {
  if (!isRecord(state) || !isRecord(state.user)) return null;
  const { name, colour, role } = state.user;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    name: name.trim().slice(0, MAX_PRESENCE_NAME),
    colour: typeof colour === 'string' && COLOUR.test(colour) ? colour : FALLBACK_COLOUR,
    role: isBoardRole(role) ? role : null,
  };
}
