/**
 * The access roles a board link grants. This is the only definition: the server's storage, its sync
 * connections, the policy, presence stamps and the page all use these names.
 */

/** Every role, most powerful first (the order rosters sort by). */
export const BOARD_ROLES = ['facilitator', 'editor', 'viewer', 'anonymous'] as const;
/**
 * The role a link grants: facilitator key, edit (participant) key, view key, and the anonymised view key,
 * whose page receives a projection of the board without people's names (`board/anonymise.ts`).
 */
export type BoardRole = (typeof BOARD_ROLES)[number];

/** True for one of {@link BOARD_ROLES}; for values read from the wire, storage or presence. */
export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (BOARD_ROLES as readonly string[]).includes(value);
}

/** Roles that may read but never write: the view key and the anonymised view key. */
export function isReadOnlyRole(role: BoardRole): role is 'viewer' | 'anonymous' {
  return role === 'viewer' || role === 'anonymous';
}
