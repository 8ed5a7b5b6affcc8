import { healthSummary, maintenanceStatus, themeKey } from '@interplay/shared';
import type {
  BoardSnapshot,
  NodeId,
  Organisation,
  OrganisationId,
  Person,
  Relationship,
  ViewFilters,
} from '@interplay/shared';

export { MAINTENANCE_STATES, type MaintenanceState } from '@interplay/shared';

/**
 * What a user filters the map by (the model's `ViewFilters`, which a facilitator's shared view carries too).
 * Every list is "any of these"; criteria of different kinds combine ("and"). Node criteria pick
 * organisations and people; relationship criteria pick lines (and their ends).
 */
export type Filters = ViewFilters;

export const NO_FILTERS: Filters = {
  sectors: [],
  roles: [],
  projects: [],
  themes: [],
  kinds: [],
  forms: [],
  strength: null,
  health: null,
  maintenance: [],
};

/** Whether any node criterion is set. */
export const filtersNodes = (f: Filters): boolean =>
  f.sectors.length + f.roles.length + f.projects.length + f.themes.length > 0;

/** Whether any relationship criterion is set. */
export const filtersRelationships = (f: Filters): boolean =>
  f.kinds.length + f.forms.length + f.maintenance.length > 0 || f.strength !== null || f.health !== null;

export const hasFilters = (f: Filters): boolean => filtersNodes(f) || filtersRelationships(f);

/** What a filter leaves on the map: organisations and people, and relationships. */
export interface FilterResult {
  readonly nodes: ReadonlySet<string>;
  readonly relationships: ReadonlySet<string>;
}

/**
 * The organisations, people and relationships that pass the filters. With only node criteria, the lines
 * between two passing nodes stay; with relationship criteria, the passing lines (between passing nodes,
 * if node criteria are set too) and their ends stay.
 */
export function applyFilters(snapshot: BoardSnapshot, filters: Filters, today: string): FilterResult {
  const nodeTest = nodeMatcher(snapshot, filters);
  const nodes = new Set<string>();
  for (const node of [...snapshot.organisations.values(), ...snapshot.people.values()]) {
    if (nodeTest(node)) nodes.add(node.id);
  }
  const relationships = new Set<string>();
  if (!filtersRelationships(filters)) {
    for (const r of snapshot.relationships.values()) {
      if (nodes.has(r.source) && nodes.has(r.target)) relationships.add(r.id);
    }
    return { nodes, relationships };
  }
  const ends = new Set<string>();
  for (const r of snapshot.relationships.values()) {
    if (!nodes.has(r.source) || !nodes.has(r.target) || !relationshipMatches(snapshot, r, filters, today))
      continue;
    relationships.add(r.id);
    ends.add(r.source);
    ends.add(r.target);
  }
  return { nodes: ends, relationships };
}

function nodeMatcher(snapshot: BoardSnapshot, f: Filters): (node: Organisation | Person) => boolean {
  const inProjects = new Set<string>();
  const themed = new Set<string>();
  const themes = new Set(f.themes);
  for (const project of snapshot.projects.values()) {
    const chosen = f.projects.includes(project.id);
    const hasTheme = project.themes.some((theme) => themes.has(themeKey(theme)));
    for (const member of project.memberIds) {
      if (chosen) inProjects.add(member);
      if (hasTheme) themed.add(member);
    }
  }
  const sectors = new Set(f.sectors);
  return (node) => {
    const organisation: Organisation | undefined =
      'sector' in node ? node : snapshot.organisations.get(node.organisationId as OrganisationId);
    if (sectors.size > 0 && (!organisation || !sectors.has(organisation.sector))) return false;
    if (f.roles.length > 0 && !('roles' in node && node.roles.some((role) => f.roles.includes(role)))) {
      return false;
    }
    if (f.projects.length > 0 && !inProjects.has(node.id as NodeId)) return false;
    if (themes.size > 0) {
      const own = 'themes' in node && node.themes.some((theme) => themes.has(themeKey(theme)));
      if (!own && !themed.has(node.id)) return false;
    }
    return true;
  };
}

function relationshipMatches(snapshot: BoardSnapshot, r: Relationship, f: Filters, today: string): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(r.kind)) return false;
  if (f.forms.length > 0 && !f.forms.includes(r.form)) return false;
  if (f.strength && (r.strength < f.strength[0] || r.strength > f.strength[1])) return false;
  if (f.maintenance.length > 0 && !f.maintenance.includes(maintenanceStatus(r, snapshot.settings, today))) {
    return false;
  }
  if (f.health) {
    const mean = healthSummary(snapshot.health.get(r.id)).overallMean;
    if (mean === null || mean < f.health[0] || mean > f.health[1]) return false;
  }
  return true;
}
