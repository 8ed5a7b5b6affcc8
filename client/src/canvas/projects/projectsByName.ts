import type { Project, ProjectId } from '@interplay/shared';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Projects in name order ("Project 2" before "Project 10"), for lists and
 * for drawing the areas (which lies on top, whose label moves aside). The
 * document's own order differs from page to page, and a facilitator pointing
 * at "the third project in the list" or "the label below" means the same one
 * for everyone, in the exported image too.
 */
export function projectsByName(projects: ReadonlyMap<ProjectId, Project>): Project[] {
  return [...projects.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
