/**
 * What changed between two states of a board: the entities added, removed and changed (with the fields that
 * changed), and each relationship's health scores per dimension, up or down. Moving a node on the map is not
 * a change of the network and is left out.
 */
import { healthSummary } from '../board/healthSummary.ts';
import { HEALTH_DIMENSIONS } from '../board/types.ts';
import type {
  BoardSnapshot,
  HealthDimension,
  NodeId,
  Organisation,
  OrganisationId,
  Person,
  PersonId,
  Project,
  Relationship,
  RelationshipId,
} from '../board/types.ts';

export type ComparedKind = 'organisation' | 'person' | 'project' | 'relationship';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface EntityChange {
  readonly kind: ComparedKind;
  readonly id: string;
  /** The entity's name (a relationship's: both ends), as it is in the later state when it is there. */
  readonly name: string;
  readonly change: ChangeKind;
  /** For `changed`: the fields that differ, e.g. `strength`, `roles`, `members`. */
  readonly fields: readonly string[];
}

export interface HealthChange {
  readonly relationshipId: string;
  readonly name: string;
  readonly dimension: HealthDimension;
  /** Mean score of the dimension; null where nobody had scored it. */
  readonly before: number | null;
  readonly after: number | null;
}

export interface BoardComparison {
  readonly entities: readonly EntityChange[];
  readonly health: readonly HealthChange[];
}

type Fields<T> = { readonly [name: string]: (entity: T) => unknown };

const list = (values: readonly string[]): string => [...values].sort().join('\u0000');

const ORGANISATION_FIELDS: Fields<{
  name: string;
  sector: string;
  notes: string;
  themes: readonly string[];
}> = { name: (o) => o.name, sector: (o) => o.sector, notes: (o) => o.notes, themes: (o) => list(o.themes) };
const PERSON_FIELDS: Fields<{
  name: string;
  organisationId: string | null;
  roles: readonly string[];
  notes: string;
}> = {
  name: (p) => p.name,
  organisation: (p) => p.organisationId,
  roles: (p) => list(p.roles),
  notes: (p) => p.notes,
};
const PROJECT_FIELDS: Fields<{
  name: string;
  colour: string;
  description: string;
  themes: readonly string[];
  memberIds: readonly string[];
}> = {
  name: (p) => p.name,
  colour: (p) => p.colour,
  description: (p) => p.description,
  themes: (p) => list(p.themes),
  members: (p) => list(p.memberIds),
};
const RELATIONSHIP_FIELDS: Fields<{
  source: string;
  target: string;
  strength: number;
  kind: string;
  form: string;
  direction: string;
  notes: string;
  lastChecked: string | null;
}> = {
  ends: (r) => `${r.source}\u0000${r.target}`,
  strength: (r) => r.strength,
  kind: (r) => r.kind,
  form: (r) => r.form,
  direction: (r) => r.direction,
  notes: (r) => r.notes,
  lastChecked: (r) => r.lastChecked,
};

function compareMaps<T>(
  kind: ComparedKind,
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  fields: Fields<T>,
  nameOf: (entity: T) => string,
): EntityChange[] {
  const changes: EntityChange[] = [];
  for (const [id, entity] of after) {
    const old = before.get(id);
    if (old === undefined) {
      changes.push({ kind, id, name: nameOf(entity), change: 'added', fields: [] });
      continue;
    }
    const changed = Object.keys(fields).filter((field) => fields[field]!(old) !== fields[field]!(entity));
    if (changed.length > 0)
      changes.push({ kind, id, name: nameOf(entity), change: 'changed', fields: changed });
  }
  for (const [id, entity] of before) {
    if (!after.has(id)) changes.push({ kind, id, name: nameOf(entity), change: 'removed', fields: [] });
  }
  return changes;
}

/** Names of nodes in either state, the later one first. */
function nodeNames(before: BoardSnapshot, after: BoardSnapshot): (id: NodeId) => string {
  return (id) =>
    after.organisations.get(id as OrganisationId)?.name ??
    after.people.get(id as PersonId)?.name ??
    before.organisations.get(id as OrganisationId)?.name ??
    before.people.get(id as PersonId)?.name ??
    '?';
}

/** Every difference between `before` and `after`, organisations first, then people, projects, relationships. */
export function compareBoards(before: BoardSnapshot, after: BoardSnapshot): BoardComparison {
  const nodeName = nodeNames(before, after);
  const lineName = (r: { source: NodeId; target: NodeId }): string =>
    `${nodeName(r.source)} – ${nodeName(r.target)}`;
  const entities = [
    ...compareMaps<Organisation>(
      'organisation',
      before.organisations,
      after.organisations,
      ORGANISATION_FIELDS,
      (o) => o.name,
    ),
    ...compareMaps<Person>('person', before.people, after.people, PERSON_FIELDS, (p) => p.name),
    ...compareMaps<Project>('project', before.projects, after.projects, PROJECT_FIELDS, (p) => p.name),
    ...compareMaps<Relationship>(
      'relationship',
      before.relationships,
      after.relationships,
      RELATIONSHIP_FIELDS,
      lineName,
    ),
  ];
  const health: HealthChange[] = [];
  const ids = new Set<RelationshipId>([...before.health.keys(), ...after.health.keys()]);
  for (const id of [...ids].sort()) {
    const old = healthSummary(before.health.get(id)).dimensions;
    const now = healthSummary(after.health.get(id)).dimensions;
    const relationship = after.relationships.get(id) ?? before.relationships.get(id);
    const name = relationship === undefined ? '?' : lineName(relationship);
    for (const dimension of HEALTH_DIMENSIONS) {
      const was = old[dimension]?.mean ?? null;
      const is = now[dimension]?.mean ?? null;
      if (was !== is) health.push({ relationshipId: id, name, dimension, before: was, after: is });
    }
  }
  return { entities, health };
}

/** How many entities were added, removed and changed. */
export function countChanges(comparison: BoardComparison): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0 };
  for (const change of comparison.entities) counts[change.change] += 1;
  return counts;
}
