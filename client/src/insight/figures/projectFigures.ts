import { ROLES, themeKey } from '@interplay/shared';
import type { BoardSnapshot, PersonId, Project, Role } from '@interplay/shared';
import type { Overlap, ProjectPair, RoleCoverage } from './figureTypes.ts';
import { nameOrder } from './nameOrder.ts';

const byName = (a: Project, b: Project): number => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/**
 * Who sits in two or more projects, and for each pair of projects the members and themes they share.
 * Pairs that share nothing are left out.
 */
export function overlap(snapshot: BoardSnapshot): Overlap {
  const projects = [...snapshot.projects.values()].sort(byName);
  const memberOf = new Map<string, string[]>();
  for (const project of projects) {
    for (const member of new Set(project.memberIds)) {
      const list = memberOf.get(member);
      if (list) list.push(project.id);
      else memberOf.set(member, [project.id]);
    }
  }
  const order = nameOrder(snapshot);
  const nodes = [...memberOf.entries()]
    .filter(([, projectIds]) => projectIds.length >= 2)
    .map(([id, projectIds]) => ({ id, projectIds }))
    .sort((a, b) => b.projectIds.length - a.projectIds.length || order(a.id, b.id));

  const pairs: ProjectPair[] = [];
  for (let i = 0; i < projects.length; i++) {
    const a = projects[i] as Project;
    const aMembers = new Set(a.memberIds);
    const aThemes = new Map(a.themes.map((theme) => [themeKey(theme), theme]));
    for (let j = i + 1; j < projects.length; j++) {
      const b = projects[j] as Project;
      const members = [...new Set(b.memberIds)].filter((id) => aMembers.has(id)).sort(order);
      const themes = [...new Set(b.themes.map(themeKey))]
        .filter((key) => aThemes.has(key))
        .map((key) => aThemes.get(key) as string);
      if (members.length > 0 || themes.length > 0) pairs.push({ projects: [a.id, b.id], members, themes });
    }
  }
  pairs.sort((x, y) => y.members.length + y.themes.length - (x.members.length + x.themes.length));
  return { nodes, pairs };
}

/** For each project (by name), how many of its people hold each network role, and which role nobody holds. */
export function roleCoverage(snapshot: BoardSnapshot): RoleCoverage[] {
  return [...snapshot.projects.values()].sort(byName).map((project) => {
    const counts: Record<Role, number> = { sponsor: 0, scout: 0, connector: 0 };
    for (const member of new Set(project.memberIds)) {
      const person = snapshot.people.get(member as PersonId);
      for (const role of person?.roles ?? []) counts[role] += 1;
    }
    return { projectId: project.id, counts, missing: ROLES.filter((role) => counts[role] === 0) };
  });
}
