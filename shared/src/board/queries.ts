/** Small pure questions about a snapshot, for the canvas, panels and exporters. */
import type { EntityKind } from './document.ts';
import type {
  BoardSnapshot,
  NodeId,
  OrganisationId,
  PersonId,
  Position,
  Project,
  ProjectId,
  Relationship,
  RelationshipId,
} from './types.ts';

/** Whether `id` is an organisation or person of the snapshot. */
export function isNodeId(snapshot: BoardSnapshot, id: string): id is NodeId {
  return snapshot.organisations.has(id as OrganisationId) || snapshot.people.has(id as PersonId);
}

export function nodeKind(snapshot: BoardSnapshot, id: string): 'organisation' | 'person' | null {
  if (snapshot.organisations.has(id as OrganisationId)) return 'organisation';
  if (snapshot.people.has(id as PersonId)) return 'person';
  return null;
}

export function entityKind(snapshot: BoardSnapshot, id: string): EntityKind | null {
  const node = nodeKind(snapshot, id);
  if (node) return node;
  if (snapshot.projects.has(id as ProjectId)) return 'project';
  if (snapshot.relationships.has(id as RelationshipId)) return 'relationship';
  return null;
}

/** A node's position, or null when it is not a node. */
export function nodePosition(snapshot: BoardSnapshot, id: string): Position | null {
  return (
    snapshot.organisations.get(id as OrganisationId)?.position ??
    snapshot.people.get(id as PersonId)?.position ??
    null
  );
}

/** Relationships with `nodeId` at either end. O(relationships). */
export function relationshipsOf(snapshot: BoardSnapshot, nodeId: string): Relationship[] {
  return [...snapshot.relationships.values()].filter((r) => r.source === nodeId || r.target === nodeId);
}

/** Projects that `nodeId` is a member of. O(projects × members). */
export function projectsOf(snapshot: BoardSnapshot, nodeId: string): Project[] {
  return [...snapshot.projects.values()].filter((p) => p.memberIds.includes(nodeId as NodeId));
}
