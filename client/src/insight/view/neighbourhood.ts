import type { BoardSnapshot, OrganisationId, PersonId, ProjectId, RelationshipId } from '@interplay/shared';

/**
 * The organisations and people within `steps` steps of `nodeId`: a step is a relationship, or a person's
 * tie to their organisation. Empty when the node is gone.
 */
export function neighbourhood(snapshot: BoardSnapshot, nodeId: string, steps: number): Set<string> {
  if (!snapshot.organisations.has(nodeId as OrganisationId) && !snapshot.people.has(nodeId as PersonId)) {
    return new Set();
  }
  const adjacent = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const list = adjacent.get(from);
    if (list) list.push(to);
    else adjacent.set(from, [to]);
  };
  const link = (a: string, b: string): void => {
    add(a, b);
    add(b, a);
  };
  for (const r of snapshot.relationships.values()) link(r.source, r.target);
  for (const person of snapshot.people.values()) {
    if (person.organisationId !== null && snapshot.organisations.has(person.organisationId)) {
      link(person.id, person.organisationId);
    }
  }
  const reached = new Set([nodeId]);
  let frontier = [nodeId];
  for (let step = 0; step < steps; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const other of adjacent.get(node) ?? []) {
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/**
 * The organisations and people a highlight stands for: nodes themselves, a relationship's two ends, a
 * project's members. Unknown ids (deleted meanwhile) are left out.
 */
export function highlightedNodes(snapshot: BoardSnapshot, ids: readonly string[]): Set<string> {
  const nodes = new Set<string>();
  for (const id of ids) {
    if (snapshot.organisations.has(id as OrganisationId) || snapshot.people.has(id as PersonId))
      nodes.add(id);
    const relationship = snapshot.relationships.get(id as RelationshipId);
    if (relationship) {
      nodes.add(relationship.source);
      nodes.add(relationship.target);
    }
    for (const member of snapshot.projects.get(id as ProjectId)?.memberIds ?? []) nodes.add(member);
  }
  return nodes;
}
