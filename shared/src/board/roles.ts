/**
 * The access roles a board link grants. This is the only definition: the server's storage, its sync
 * connections, the policy, presence stamps and the page all use these names.
 */

/** Every role, most powerful first (the order rosters sort by). */
export const BOARD_ROLES = ['facilitator', 'editor', 'viewer'] as const;
/** The role a link grants: facilitator key, edit (participant) key, view key. */
export type BoardRole = (typeof BOARD_ROLES)[number];

/** True for one of {@link BOARD_ROLES}; for values read from the wire, storage or presence. */
export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (BOARD_ROLES as readonly string[]).includes(value);
}
