import { permissionsFor, refusalReason } from '@interplay/shared';
import type { AddableKind, BoardRole, BoardSettings } from '@interplay/shared';
import type { ImportPlan } from '@interplay/shared/formats/index';
import type { MessageKey } from '../i18n/index.ts';

const IMPORTED_KINDS: readonly AddableKind[] = ['organisation', 'person', 'project', 'relationship'];

/**
 * Why this user may not import at all now (the Import button is disabled with
 * this reason), or null. Importing needs the right to add at least one kind.
 */
export function importRefusal(role: BoardRole, settings: BoardSettings): MessageKey | null {
  const reasons = IMPORTED_KINDS.map((kind) => refusalReason(role, settings, kind));
  if (reasons.some((reason) => reason === null)) return null;
  if (reasons.includes('viewer')) return 'import.disabled.viewer';
  if (reasons.includes('boardLocked')) return 'import.disabled.boardLocked';
  return 'import.disabled.phase';
}

const PLAN_KIND: Record<
  AddableKind & ('organisation' | 'person' | 'project' | 'relationship'),
  keyof ImportPlan
> = {
  organisation: 'organisations',
  person: 'people',
  project: 'projects',
  relationship: 'relationships',
};

export type ImportedKind = 'organisation' | 'person' | 'project' | 'relationship' | 'score';

/**
 * The kinds the plan adds that this user may not add now (the server would refuse the whole import).
 * Health scores and give-and-take count as `score`, whether added or updated.
 */
export function forbiddenKinds(
  plan: ImportPlan,
  role: BoardRole,
  settings: BoardSettings,
): readonly ImportedKind[] {
  const allowed = permissionsFor(role, settings).add;
  const entities = (['organisation', 'person', 'project', 'relationship'] as const).filter((kind) => {
    const part = plan[PLAN_KIND[kind]] as { readonly add: readonly unknown[] };
    return part.add.length > 0 && !allowed[kind];
  });
  const scores =
    plan.health.add.length +
    plan.health.update.length +
    plan.giveTake.add.length +
    plan.giveTake.update.length;
  return scores > 0 && !allowed.score ? [...entities, 'score'] : entities;
}
