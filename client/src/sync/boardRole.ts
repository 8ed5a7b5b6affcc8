/** What a board link lets its holder do, as decided by the server. */
export type BoardRole = 'facilitator' | 'editor' | 'viewer';

export const boardRoles: readonly BoardRole[] = ['facilitator', 'editor', 'viewer'];

export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (boardRoles as readonly string[]).includes(value);
}
