import type {
  BoardSnapshot,
  NodeId,
  OrganisationId,
  PersonId,
  ProjectId,
  RelationshipId,
} from '@interplay/shared';
import { AFFILIATION_PREFIX } from '../canvas/view/flowTypes.ts';

/** What stays lit while a spotlight is on; everything else is dimmed. */
export interface SpotlightNeighbourhood {
  /** Organisation and person ids. */
  nodes: ReadonlySet<string>;
  /** React Flow edge ids: relationships and affiliation lines. */
  edges: ReadonlySet<string>;
  projects: ReadonlySet<string>;
}

/**
 * The spotlighted entities with their neighbourhood: for an organisation or
 * person, the nodes it has a relationship with, those relationships, and its
 * people or its organisation; for a project, its members and the
 * relationships among them; for a relationship, its two ends. Unknown ids
 * (deleted meanwhile) are ignored.
 */
export function spotlightNeighbourhood(
  snapshot: BoardSnapshot,
  ids: readonly string[],
): SpotlightNeighbourhood {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const projects = new Set<string>();
  const isNode = (id: string): boolean =>
    snapshot.organisations.has(id as OrganisationId) || snapshot.people.has(id as PersonId);

  const focusNodes = new Set<string>();
  const projectMembers = new Set<string>();
  for (const id of ids) {
    if (isNode(id)) {
      focusNodes.add(id);
      continue;
    }
    const project = snapshot.projects.get(id as ProjectId);
    if (project) {
      projects.add(project.id);
      for (const member of project.memberIds) if (isNode(member)) projectMembers.add(member);
      continue;
    }
    const relationship = snapshot.relationships.get(id as RelationshipId);
    if (relationship) {
      edges.add(relationship.id);
      nodes.add(relationship.source);
      nodes.add(relationship.target);
    }
  }

  for (const id of focusNodes) nodes.add(id);
  for (const id of projectMembers) nodes.add(id);
  for (const relationship of snapshot.relationships.values()) {
    const { source, target } = relationship;
    if (focusNodes.has(source) || focusNodes.has(target)) {
      edges.add(relationship.id);
      nodes.add(source);
      nodes.add(target);
    } else if (projectMembers.has(source) && projectMembers.has(target)) {
      edges.add(relationship.id);
    }
  }
  for (const person of snapshot.people.values()) {
    const organisationId: NodeId | null = person.organisationId;
    if (organisationId === null || !snapshot.organisations.has(person.organisationId as OrganisationId))
      continue;
    // A focused organisation brings its people, a focused person their organisation.
    if (focusNodes.has(organisationId)) nodes.add(person.id);
    if (focusNodes.has(person.id)) nodes.add(organisationId);
  }
  for (const person of snapshot.people.values()) {
    if (person.organisationId !== null && nodes.has(person.id) && nodes.has(person.organisationId)) {
      edges.add(AFFILIATION_PREFIX + person.id);
    }
  }
  return { nodes, edges, projects };
}
