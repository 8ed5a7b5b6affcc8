import type { Person } from '../board/types.ts';
import type { PersonUpdate, PlannedPerson, PlanRef } from './importPlan.ts';
import type { IncomingPerson } from './parsedBoard.ts';
import type { PlanContext } from './planContext.ts';
import { resolveReference } from './resolveReference.ts';
import { sameList } from './sameList.ts';

export interface PeoplePlan {
  readonly add: PlannedPerson[];
  readonly update: PersonUpdate[];
}

/**
 * Plans the people: resolves each one's organisation (a person whose
 * organisation cannot be resolved is skipped), then adds new people and
 * patches matched ones.
 * @param refs the matched ref of each incoming person (null: skipped).
 */
export function planPeople(
  context: PlanContext,
  incoming: readonly IncomingPerson[],
  refs: readonly (PlanRef | null)[],
): PeoplePlan {
  const plan: PeoplePlan = { add: [], update: [] };
  incoming.forEach((p, i) => {
    const ref = refs[i];
    if (ref == null) return;
    const organisation =
      p.organisation === undefined || p.organisation === null
        ? p.organisation
        : resolveReference(context, p.organisation, ['organisation'], p.origin, 'organisation');
    if (organisation === null && p.organisation) return;
    const before = context.current.people.get(ref as Person['id']);
    if (!before) {
      plan.add.push({
        key: ref,
        ...context.withId(ref),
        name: p.name,
        organisation: organisation ?? null,
        roles: p.roles ?? [],
        notes: p.notes ?? '',
        position: p.position ?? { x: 0, y: 0 },
        laidOut: p.position === null,
      });
      return;
    }
    const patch: Record<string, unknown> = {};
    if (p.name !== before.name) patch.name = p.name;
    if (p.roles !== undefined && !sameList(p.roles, before.roles)) patch.roles = p.roles;
    if (p.notes !== undefined && p.notes !== before.notes) patch.notes = p.notes;
    if (p.position && (p.position.x !== before.position.x || p.position.y !== before.position.y))
      patch.position = p.position;
    const organisationChanges = organisation !== undefined && organisation !== before.organisationId;
    if (Object.keys(patch).length > 0 || organisationChanges) {
      plan.update.push({
        id: before.id,
        label: before.name,
        patch,
        ...(organisationChanges ? { organisation } : {}),
      });
    }
  });
  return plan;
}
