import { permissionsFor } from '@interplay/shared';
import type { AddableKind, BoardRole, BoardSettings, Permissions } from '@interplay/shared';
import type { Change, Classification } from './classifyUpdate.ts';

/** What a permission check needs: one of the `Permissions` flags or an `add` kind. */
type Need = 'changeSettings' | 'edit' | 'move' | 'comment' | AddableKind;

const ENTITY_ROOTS: Readonly<Record<string, 'organisation' | 'person' | 'project' | 'relationship'>> = {
  organisations: 'organisation',
  people: 'person',
  projects: 'project',
  relationships: 'relationship',
};

/** The permissions one change needs. Any map or list inside an entity counts as editing that entity. */
function needs(change: Change): Need[] {
  switch (change.root) {
    case 'settings':
      return ['changeSettings'];
    case 'annotations':
      return ['comment'];
    case 'health':
    case 'giveTake':
      return ['score'];
  }
  const kind = ENTITY_ROOTS[change.root];
  // Junk under an unknown root is ignored by every reader, but still counts as an edit of the board.
  if (kind === undefined) return ['edit'];
  const isNode = kind === 'organisation' || kind === 'person';
  if (change.path.length <= 1) {
    if (change.kind === 'delete') return ['edit'];
    // Writing a whole entity over an existing one is editing (and, for nodes, possibly moving) it.
    return change.replaces ? [kind, 'edit', ...(isNode ? (['move'] as const) : [])] : [kind];
  }
  if (isNode && !change.inNewParent && change.path.length === 2 && change.path[1] === 'position') {
    return ['edit', 'move'];
  }
  return ['edit'];
}

function has(p: Permissions, need: Need): boolean {
  switch (need) {
    case 'changeSettings':
    case 'edit':
    case 'move':
    case 'comment':
      return p[need];
    default:
      return p.add[need];
  }
}

/**
 * Why `role` may not make these changes under `settings`, or null when it may.
 * The reason names the first missing permission (e.g. `move`, `person`,
 * `changeSettings`) or `unresolved` for an update that cannot be checked.
 */
export function checkUpdate(
  role: BoardRole,
  settings: BoardSettings,
  classification: Classification,
): string | null {
  if (role === 'facilitator') return null;
  if (classification.unresolved) return 'unresolved';
  const permissions = permissionsFor(role, settings);
  for (const change of classification.changes) {
    for (const need of needs(change)) {
      if (!has(permissions, need)) return need;
    }
  }
  return null;
}
