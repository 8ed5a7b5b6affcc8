import type { Organisation } from '../board/types.ts';
import type { PlannedOrganisation, PlannedUpdate, PlanRef } from './importPlan.ts';
import type { IncomingOrganisation } from './parsedBoard.ts';
import type { PlanContext } from './planContext.ts';
import { sameList } from './sameList.ts';

export interface OrganisationsPlan {
  readonly add: PlannedOrganisation[];
  readonly update: PlannedUpdate<Organisation['id'], Record<string, unknown>>[];
}

/**
 * Plans the organisations: new ones are added (placed later when the file
 * has no position); matched ones get a patch of the fields the file changes.
 * @param refs the matched ref of each incoming organisation (null: skipped).
 */
export function planOrganisations(
  context: PlanContext,
  incoming: readonly IncomingOrganisation[],
  refs: readonly (PlanRef | null)[],
): OrganisationsPlan {
  const plan: OrganisationsPlan = { add: [], update: [] };
  incoming.forEach((o, i) => {
    const ref = refs[i];
    if (ref == null) return;
    const before = context.current.organisations.get(ref as Organisation['id']);
    if (!before) {
      plan.add.push({
        key: ref,
        ...context.withId(ref),
        name: o.name,
        sector: o.sector,
        notes: o.notes ?? '',
        themes: o.themes ?? [],
        position: o.position ?? { x: 0, y: 0 },
        laidOut: o.position === null,
      });
      return;
    }
    const patch: Record<string, unknown> = {};
    if (o.name !== before.name) patch.name = o.name;
    if (o.sector !== before.sector) patch.sector = o.sector;
    if (o.notes !== undefined && o.notes !== before.notes) patch.notes = o.notes;
    if (o.themes !== undefined && !sameList(o.themes, before.themes)) patch.themes = o.themes;
    if (o.position && (o.position.x !== before.position.x || o.position.y !== before.position.y))
      patch.position = o.position;
    if (Object.keys(patch).length > 0) plan.update.push({ id: before.id, label: before.name, patch });
  });
  return plan;
}
