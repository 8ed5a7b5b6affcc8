import type { BoardSnapshot, NodeId, Organisation, Person, Relationship } from '@interplay/shared';
import type {
  AffiliationFlowEdge,
  BoardFlowEdge,
  BoardFlowNode,
  OrganisationFlowNode,
  PersonFlowNode,
  RelationshipFlowEdge,
} from './flowTypes.ts';
import { AFFILIATION_PREFIX } from './flowTypes.ts';
import { organisationSize, personSize } from '../nodes/nodeSize.ts';

/** How many projects each node belongs to. */
function projectCounts(snapshot: BoardSnapshot): Map<NodeId, number> {
  const counts = new Map<NodeId, number>();
  for (const project of snapshot.projects.values()) {
    for (const id of project.memberIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * React Flow nodes for a snapshot. A node whose entity (by identity) and
 * project count are unchanged is reused as is, so memoised node components
 * skip rendering; local view state (selection, measured size, a drag in
 * progress) is carried over from the previous node object and never comes
 * from the document. A node new to this page starts with the size it will
 * have on screen (`nodeSize.ts`), so React Flow renders it visible and in place
 * at once instead of mounting it hidden to measure it first; React Flow's own
 * measurement (once per node as it mounts, then on every resize) corrects it.
 * The estimate is never applied to a node that was already measured: its DOM
 * size may not change again, so a wrong estimate would never be corrected.
 */
export function deriveNodes(
  snapshot: BoardSnapshot,
  previous: ReadonlyMap<string, BoardFlowNode>,
): BoardFlowNode[] {
  const counts = projectCounts(snapshot);
  const nodes: BoardFlowNode[] = [];
  for (const organisation of snapshot.organisations.values()) {
    nodes.push(
      organisationNode(organisation, counts.get(organisation.id) ?? 0, previous.get(organisation.id)),
    );
  }
  for (const person of snapshot.people.values()) {
    nodes.push(personNode(person, counts.get(person.id) ?? 0, previous.get(person.id)));
  }
  return nodes;
}

function organisationNode(
  organisation: Organisation,
  projectCount: number,
  prev: BoardFlowNode | undefined,
): OrganisationFlowNode {
  if (
    prev?.type === 'organisation' &&
    prev.data.organisation === organisation &&
    prev.data.projectCount === projectCount
  ) {
    return prev;
  }
  return {
    id: organisation.id,
    type: 'organisation',
    // A node being dragged here follows the pointer, not the (slightly older) document.
    position: prev?.dragging ? prev.position : organisation.position,
    data: { organisation, projectCount },
    ...localState(prev),
    measured: prev?.measured ?? organisationSize(organisation),
  };
}

function personNode(person: Person, projectCount: number, prev: BoardFlowNode | undefined): PersonFlowNode {
  if (prev?.type === 'person' && prev.data.person === person && prev.data.projectCount === projectCount) {
    return prev;
  }
  return {
    id: person.id,
    type: 'person',
    position: prev?.dragging ? prev.position : person.position,
    data: { person, projectCount },
    zIndex: 1,
    ...localState(prev),
    measured: prev?.measured ?? personSize(person),
  };
}

type LocalNodeState = Partial<Pick<BoardFlowNode, 'selected' | 'dragging' | 'measured'>>;

function localState(prev: BoardFlowNode | undefined): LocalNodeState {
  if (!prev) return {};
  const state: LocalNodeState = {};
  if (prev.selected) state.selected = true;
  if (prev.dragging) state.dragging = true;
  if (prev.measured) state.measured = prev.measured;
  return state;
}

/**
 * React Flow edges: every relationship, plus an affiliation line from each
 * person to their organisation. Unchanged ones keep their identity.
 */
export function deriveEdges(
  snapshot: BoardSnapshot,
  previous: ReadonlyMap<string, BoardFlowEdge>,
): BoardFlowEdge[] {
  const edges: BoardFlowEdge[] = [];
  for (const person of snapshot.people.values()) {
    if (person.organisationId === null || !snapshot.organisations.has(person.organisationId)) continue;
    const id = AFFILIATION_PREFIX + person.id;
    const prev = previous.get(id);
    if (prev?.type === 'affiliation' && prev.target === person.organisationId) {
      edges.push(prev);
      continue;
    }
    const edge: AffiliationFlowEdge = {
      id,
      type: 'affiliation',
      source: person.id,
      target: person.organisationId,
      data: {},
      selectable: false,
      focusable: false,
      deletable: false,
      zIndex: 0,
    };
    edges.push(edge);
  }
  const lanes = laneNumbers(snapshot.relationships.values());
  for (const relationship of snapshot.relationships.values()) {
    edges.push(
      relationshipEdge(relationship, lanes.get(relationship.id) ?? 0, previous.get(relationship.id)),
    );
  }
  return edges;
}

/**
 * Parallel relationships between the same two nodes get lanes −1, 1 (or
 * −1, 0, 1, …) so they bend apart instead of hiding each other; in id order,
 * so each one bends the same way on every page (the document's order of
 * relationships differs from page to page).
 */
function laneNumbers(relationships: Iterable<Relationship>): Map<string, number> {
  const groups = new Map<string, Relationship[]>();
  for (const relationship of relationships) {
    const key =
      relationship.source < relationship.target
        ? `${relationship.source} ${relationship.target}`
        : `${relationship.target} ${relationship.source}`;
    const group = groups.get(key);
    if (group) group.push(relationship);
    else groups.set(key, [relationship]);
  }
  const lanes = new Map<string, number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.id < b.id ? -1 : 1));
    group.forEach((relationship, index) => {
      // Lanes are computed in the source→target orientation of each edge, so flip reversed ones.
      const lane = index - (group.length - 1) / 2;
      const reversed = relationship.source > relationship.target;
      lanes.set(relationship.id, (reversed ? -lane : lane) * (group.length === 2 ? 1.4 : 1));
    });
  }
  return lanes;
}

function relationshipEdge(
  relationship: Relationship,
  lane: number,
  prev: BoardFlowEdge | undefined,
): RelationshipFlowEdge {
  if (prev?.type === 'relationship' && prev.data?.relationship === relationship && prev.data.lane === lane) {
    return prev;
  }
  const edge: RelationshipFlowEdge = {
    id: relationship.id,
    type: 'relationship',
    source: relationship.source,
    target: relationship.target,
    data: { relationship, lane },
    zIndex: 0,
  };
  if (prev?.selected) edge.selected = true;
  return edge;
}
