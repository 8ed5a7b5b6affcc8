import type { Project } from '../board/types.ts';
import type { PlannedProject, PlanRef, ProjectUpdate } from './importPlan.ts';
import type { IncomingProject } from './parsedBoard.ts';
import type { PlanContext } from './planContext.ts';
import { resolveReference } from './resolveReference.ts';
import { sameList } from './sameList.ts';

export interface ProjectsPlan {
  readonly add: PlannedProject[];
  readonly update: ProjectUpdate[];
}

/**
 * Plans the projects: resolves their members (members that cannot be
 * resolved are left out), adds new projects, and patches matched ones. An
 * import only adds members; it never removes one from the board.
 * @param refs the matched ref of each incoming project (null: skipped).
 */
export function planProjects(
  context: PlanContext,
  incoming: readonly IncomingProject[],
  refs: readonly (PlanRef | null)[],
): ProjectsPlan {
  const plan: ProjectsPlan = { add: [], update: [] };
  incoming.forEach((p, i) => {
    const ref = refs[i];
    if (ref == null) return;
    const members: PlanRef[] = [];
    for (const member of p.members ?? []) {
      const resolved = resolveReference(context, member, ['organisation', 'person'], p.origin, 'members');
      if (resolved !== null && !members.includes(resolved)) members.push(resolved);
    }
    const before = context.current.projects.get(ref as Project['id']);
    if (!before) {
      plan.add.push({
        key: ref,
        ...context.withId(ref),
        name: p.name,
        ...(p.colour === undefined ? {} : { colour: p.colour }),
        description: p.description ?? '',
        themes: p.themes ?? [],
        members,
      });
      return;
    }
    const patch: Record<string, unknown> = {};
    if (p.name !== before.name) patch.name = p.name;
    if (p.colour !== undefined && p.colour !== before.colour) patch.colour = p.colour;
    if (p.description !== undefined && p.description !== before.description)
      patch.description = p.description;
    if (p.themes !== undefined && !sameList(p.themes, before.themes)) patch.themes = p.themes;
    const addMembers = members.filter((m) => !before.memberIds.includes(m as Project['memberIds'][number]));
    if (Object.keys(patch).length > 0 || addMembers.length > 0) {
      plan.update.push({ id: before.id, label: before.name, patch, addMembers });
    }
  });
  return plan;
}
