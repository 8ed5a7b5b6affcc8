import { permissionsFor, refusalReason } from '@interplay/shared';
import type { AddableKind, BoardRole, BoardSettings, Permissions } from '@interplay/shared';
import type { MessageKey } from '../../i18n/index.ts';

/** Everything the page may want to allow or forbid. */
export type GuardedAction = AddableKind | 'move' | 'edit' | 'comment' | 'changeSettings';

/** What this page may do now, and why not. */
export interface BoardPermissionsView extends Permissions {
  readonly role: BoardRole;
  readonly settings: BoardSettings;
  /** The message explaining why `action` is unavailable, or null when it is allowed. */
  why(action: GuardedAction): MessageKey | null;
}

const PHASE_REASON: Record<AddableKind, MessageKey> = {
  organisation: 'facilitation.why.phase.organisation',
  person: 'facilitation.why.phase.person',
  project: 'facilitation.why.phase.project',
  relationship: 'facilitation.why.phase.relationship',
  score: 'facilitation.why.phase.score',
};

/** The permission view for a role under settings (pure; the hook below keeps it current). */
export function boardPermissions(role: BoardRole, settings: BoardSettings): BoardPermissionsView {
  return {
    ...permissionsFor(role, settings),
    role,
    settings,
    why(action) {
      switch (refusalReason(role, settings, action)) {
        case null:
          return null;
        case 'viewer':
          if (role === 'anonymous') return 'facilitation.why.anonymous';
          return action === 'comment' ? 'facilitation.why.viewerComment' : 'facilitation.why.viewer';
        case 'boardLocked':
          return 'facilitation.why.boardLocked';
        case 'layoutLocked':
          return 'facilitation.why.layoutLocked';
        case 'facilitatorOnly':
          return 'facilitation.why.facilitatorOnly';
        case 'phase':
          return action in PHASE_REASON
            ? PHASE_REASON[action as AddableKind]
            : 'facilitation.why.boardLocked';
      }
    },
  };
}
