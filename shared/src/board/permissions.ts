/**
 * What each role may do under the board's settings. The server enforces these
 * rules on every document update (server/src/policy); the page uses the same
 * function to disable what would be refused and to say why.
 */
import type { BoardRole } from './roles.ts';
import type { BoardSettings, Phase } from './types.ts';

/** Things a participant may add, which phases restrict. `score` covers health checks and give and take. */
export const ADDABLE_KINDS = ['organisation', 'person', 'project', 'relationship', 'score'] as const;
export type AddableKind = (typeof ADDABLE_KINDS)[number];

/**
 * What each phase lets participants add. Projects belong with organisations
 * (both are the map's parties and groupings); people come with their roles.
 */
export const PHASE_ADDS: Readonly<Record<Phase, readonly AddableKind[]>> = {
  open: ADDABLE_KINDS,
  organisations: ['organisation', 'project'],
  people: ['person'],
  relationships: ['relationship'],
  scoring: ['score'],
};

export interface Permissions {
  /** Change the board's settings (locks, phase, …). */
  readonly changeSettings: boolean;
  /** Change or delete existing organisations, people, projects and relationships (text, fields, memberships). */
  readonly edit: boolean;
  /** Move existing organisations and people. */
  readonly move: boolean;
  /** Create new things of each kind (`score`: write health scores and give and take). */
  readonly add: Readonly<Record<AddableKind, boolean>>;
  /** Add, reply to, resolve, reopen, edit and delete annotations. */
  readonly comment: boolean;
}

/** Why a permission is missing, for the page to explain (i18n key material). */
/** Why a change was refused; `purged`: it would bring back a person removed for good. */
export type RefusalReason =
  'viewer' | 'boardLocked' | 'layoutLocked' | 'phase' | 'facilitatorOnly' | 'purged';

const NOTHING: Readonly<Record<AddableKind, boolean>> = {
  organisation: false,
  person: false,
  project: false,
  relationship: false,
  score: false,
};

export function permissionsFor(role: BoardRole, settings: BoardSettings): Permissions {
  if (role === 'facilitator') {
    return {
      changeSettings: true,
      edit: true,
      move: true,
      add: { organisation: true, person: true, project: true, relationship: true, score: true },
      comment: true,
    };
  }
  if (role === 'viewer' || role === 'anonymous') {
    return {
      changeSettings: false,
      edit: false,
      move: false,
      add: NOTHING,
      // The anonymised view never writes: its page holds a projection, not the board.
      comment: role === 'viewer' && settings.viewersMayComment,
    };
  }
  if (settings.boardLocked) {
    return { changeSettings: false, edit: false, move: false, add: NOTHING, comment: true };
  }
  const allowed = PHASE_ADDS[settings.phase];
  return {
    changeSettings: false,
    edit: true,
    move: !settings.layoutLocked,
    add: {
      organisation: allowed.includes('organisation'),
      person: allowed.includes('person'),
      project: allowed.includes('project'),
      relationship: allowed.includes('relationship'),
      score: allowed.includes('score'),
    },
    comment: true,
  };
}

/** Why `role` may not add `kind` (or move, or edit), or null when it may. */
export function refusalReason(
  role: BoardRole,
  settings: BoardSettings,
  action: AddableKind | 'move' | 'edit' | 'comment' | 'changeSettings',
): Exclude<RefusalReason, 'purged'> | null {
  const p = permissionsFor(role, settings);
  const allowed =
    action === 'move'
      ? p.move
      : action === 'edit'
        ? p.edit
        : action === 'comment'
          ? p.comment
          : action === 'changeSettings'
            ? p.changeSettings
            : p.add[action];
  if (allowed) return null;
  if (action === 'changeSettings') return 'facilitatorOnly';
  if (role === 'viewer' || role === 'anonymous') return 'viewer';
  if (settings.boardLocked) return 'boardLocked';
  if (action === 'move') return 'layoutLocked';
  return 'phase';
}
