/**
 * The server's stamp on every presence (awareness) state: the role comes from the connection's key, not
 * from the page, and only a facilitator's state may carry the facilitation field (follow, bring everyone
 * here, spotlight) that other pages obey.
 */
import type { BoardRole } from '../board/permissions.ts';

/** The presence field with the user's name, colour and (stamped) role. */
export const PRESENCE_USER_FIELD = 'user';
/** The facilitator-only presence field. */
export const PRESENCE_FACILITATION_FIELD = 'facilitation';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The state as others may see it, or undefined for a state that is not a presence at all (dropped).
 * `null` (a page leaving) passes unchanged.
 */
export function stampPresence(state: unknown, role: BoardRole): Record<string, unknown> | null | undefined {
  if (state === null) return null;
  if (!isRecord(state)) return undefined;
  const user = isRecord(state[PRESENCE_USER_FIELD]) ? state[PRESENCE_USER_FIELD] : {};
  const stamped: Record<string, unknown> = { ...state, [PRESENCE_USER_FIELD]: { ...user, role } };
  if (role !== 'facilitator') delete stamped[PRESENCE_FACILITATION_FIELD];
  return stamped;
}
