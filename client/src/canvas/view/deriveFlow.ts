import type { CSSProperties } from 'react';
import { healthSummary } from '@interplay/shared';
import type {
  BoardSnapshot,
  NodeId,
  Organisation,
  Person,
  Project,
  ProjectId,
  Relationship,
} from '@interplay/shared';
import { healthColour } from '../../theme/healthColour.ts';
import { KIND_COLOURS } from '../../theme/relationshipStyle.ts';
import type {
  AffiliationFlowEdge,
  BoardFlowEdge,
  BoardFlowNode,
  OrganisationFlowNode,
  PersonFlowNode,
  RelationshipFlowEdge,
} from './flowTypes.ts';
import { AFFILIATION_PREFIX, DIMMED_CLASS, RINGED_CLASS } from './flowTypes.ts';
import { organisationSize, personSize } from '../nodes/nodeSize.ts';
import { FULL_VIEW } from './mapView.ts';
import type { MapView } from './mapView.ts';

/** What the canvas draws for a board state under a view. */
export interface DerivedFlow {
  /** The board state and view it was made from. */
  readonly board: BoardSnapshot;
  readonly view: MapView;
  readonly nodes: BoardFlowNode[];
  readonly edges: BoardFlowEdge[];
  /** The projects drawn as areas (those with a member shown, and empty ones for the lists). */
  readonly projects: ReadonlyMap<ProjectId, Project>;
}

/**
 * The map's pipeline: a board state (the live document's snapshot, or a
 * state given to it) and a view become the nodes, lines and project areas
 * the canvas draws. `previous` is what it made last time: unchanged nodes and
 * lines keep their objects (and memoised components skip rendering), and
 * local view state (selection, measured size, a drag) is carried over.
 */
export function deriveFlow(board: BoardSnapshot, view: MapView, previous: DerivedFlow | null): DerivedFlow {
  return {
    board,
    view,
    nodes: deriveNodes(board, byId(previous?.nodes ?? []), view),
    edges:
      previous && sameLines(previous, board, view)
        ? previous.edges
        : deriveEdges(board, byId(previous?.edges ?? []), view),
    projects: shownProjects(board, view),
  };
}

/**
 * Whether the lines drawn for `previous` still hold: they depend on people and relationships
 * (the reader keeps those maps while unchanged, and re-resolves people when organisations come or
 * go), on health only when coloured by it, and on the view. A move re-derives no line.
 */
function sameLines({ board: before, view: seen }: DerivedFlow, board: BoardSnapshot, view: MapView): boolean {
  return (
    seen === view &&
    before.people === board.people &&
    before.relationships === board.relationships &&
    before.organisations.size === board.organisations.size &&
    (view.colouring !== 'health' || before.health === board.health)
  );
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The projects minus those whose every member is hidden (the same map when nothing is hidden). */
export function shownProjects(board: BoardSnapshot, view: MapView): ReadonlyMap<ProjectId, Project> {
  if (view.hidden.size === 0) return board.projects;
  const shown = new Map<ProjectId, Project>();
  for (const [id, project] of board.projects) {
    if (project.memberIds.length === 0 || project.memberIds.some((member) => !view.hidden.has(member))) {
      shown.set(id, project);
    }
  }
  return shown;
}

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
  view: MapView = FULL_VIEW,
): BoardFlowNode[] {
  const counts = projectCounts(snapshot);
  const nodes: BoardFlowNode[] = [];
  const look = (entity: Organisation | Person): NodeLook => ({
    label: view.label ? view.label(entity) : entity.name,
    dimmed: view.dimmed.has(entity.id),
    ring: view.rings?.get(entity.id) ?? null,
  });
  for (const organisation of snapshot.organisations.values()) {
    if (view.hidden.has(organisation.id)) continue;
    const count = counts.get(organisation.id) ?? 0;
    nodes.push(organisationNode(organisation, count, look(organisation), previous.get(organisation.id)));
  }
  for (const person of snapshot.people.values()) {
    if (view.hidden.has(person.id)) continue;
    nodes.push(personNode(person, counts.get(person.id) ?? 0, look(person), previous.get(person.id)));
  }
  return nodes;
}

/** How the view draws a node: its label, whether it is faded, and the colour of its ring. */
interface NodeLook {
  readonly label: string;
  readonly dimmed: boolean;
  readonly ring: string | null;
}

type RingStyle = { readonly '--ip-ring'?: string };

const ringOf = (node: BoardFlowNode): string | null =>
  (node.style as RingStyle | undefined)?.['--ip-ring'] ?? null;

const sameLook = (prev: BoardFlowNode, look: NodeLook): boolean =>
  prev.data.label === look.label && prev.className === lookClass(look) && ringOf(prev) === look.ring;

function lookClass({ dimmed, ring }: NodeLook): string | undefined {
  if (ring === null) return dimmed ? DIMMED_CLASS : undefined;
  return dimmed ? `${DIMMED_CLASS} ${RINGED_CLASS}` : RINGED_CLASS;
}

/** The class and style of a node under its look (nothing when plain, so plain nodes stay as they were). */
function lookProps(look: NodeLook): Pick<BoardFlowNode, 'className' | 'style'> {
  const className = lookClass(look);
  return {
    ...(className ? { className } : {}),
    ...(look.ring !== null ? { style: { '--ip-ring': look.ring } as CSSProperties } : {}),
  };
}

function organisationNode(
  organisation: Organisation,
  projectCount: number,
  look: NodeLook,
  prev: BoardFlowNode | undefined,
): OrganisationFlowNode {
  if (
    prev?.type === 'organisation' &&
    prev.data.organisation === organisation &&
    prev.data.projectCount === projectCount &&
    sameLook(prev, look)
  ) {
    return prev;
  }
  return {
    id: organisation.id,
    type: 'organisation',
    // A node being dragged here follows the pointer, not the (slightly older) document.
    position: prev?.dragging ? prev.position : organisation.position,
    // The same data when only the look changed: the card (memoised on its props) is not drawn again.
    data:
      prev?.type === 'organisation' &&
      prev.data.organisation === organisation &&
      prev.data.projectCount === projectCount &&
      prev.data.label === look.label
        ? prev.data
        : { organisation, projectCount, label: look.label },
    ...lookProps(look),
    ...localState(prev),
    measured: prev?.measured ?? organisationSize(organisation),
  };
}

function personNode(
  person: Person,
  projectCount: number,
  look: NodeLook,
  prev: BoardFlowNode | undefined,
): PersonFlowNode {
  if (
    prev?.type === 'person' &&
    prev.data.person === person &&
    prev.data.projectCount === projectCount &&
    sameLook(prev, look)
  ) {
    return prev;
  }
  return {
    id: person.id,
    type: 'person',
    position: prev?.dragging ? prev.position : person.position,
    data:
      prev?.type === 'person' &&
      prev.data.person === person &&
      prev.data.projectCount === projectCount &&
      prev.data.label === look.label
        ? prev.data
        : { person, projectCount, label: look.label },
    ...lookProps(look),
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
  view: MapView = FULL_VIEW,
): BoardFlowEdge[] {
  const edges: BoardFlowEdge[] = [];
  const { hidden, dimmed } = view;
  for (const person of snapshot.people.values()) {
    if (person.organisationId === null || !snapshot.organisations.has(person.organisationId)) continue;
    if (hidden.has(person.id) || hidden.has(person.organisationId)) continue;
    const id = AFFILIATION_PREFIX + person.id;
    const prev = previous.get(id);
    const faded = dimmed.has(person.id) || dimmed.has(person.organisationId);
    if (
      prev?.type === 'affiliation' &&
      prev.target === person.organisationId &&
      (prev.className === DIMMED_CLASS) === faded
    ) {
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
    if (faded) edge.className = DIMMED_CLASS;
    edges.push(edge);
  }
  const shown = [...snapshot.relationships.values()].filter(
    (r) => !hidden.has(r.id) && !hidden.has(r.source) && !hidden.has(r.target),
  );
  const lanes = laneNumbers(shown);
  for (const relationship of shown) {
    const look: EdgeLook = {
      lane: lanes.get(relationship.id) ?? 0,
      colour: edgeColour(relationship, snapshot, view),
      dimmed:
        dimmed.has(relationship.id) || dimmed.has(relationship.source) || dimmed.has(relationship.target),
      ariaLabel: view.relationshipLabel(
        nodeName(snapshot, relationship.source),
        nodeName(snapshot, relationship.target),
      ),
    };
    edges.push(relationshipEdge(relationship, look, previous.get(relationship.id)));
  }
  return edges;
}

function edgeColour(relationship: Relationship, snapshot: BoardSnapshot, view: MapView): string {
  if (view.colouring === 'health') {
    return healthColour(healthSummary(snapshot.health.get(relationship.id)).overallMean);
  }
  return KIND_COLOURS[relationship.kind];
}

/** How the view draws a relationship: its bend among parallel ones, colour and fading. */
interface EdgeLook {
  readonly lane: number;
  readonly colour: string;
  readonly dimmed: boolean;
  /** Names the relationship by its ends for screen readers (React Flow would say "Edge from <id> to <id>"). */
  readonly ariaLabel: string;
}

function nodeName(snapshot: BoardSnapshot, id: string): string {
  return snapshot.organisations.get(id as never)?.name ?? snapshot.people.get(id as never)?.name ?? '';
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
  { lane, colour, dimmed, ariaLabel }: EdgeLook,
  prev: BoardFlowEdge | undefined,
): RelationshipFlowEdge {
  if (
    prev?.type === 'relationship' &&
    prev.data?.relationship === relationship &&
    prev.data.lane === lane &&
    prev.data.colour === colour &&
    prev.ariaLabel === ariaLabel &&
    (prev.className === DIMMED_CLASS) === dimmed
  ) {
    return prev;
  }
  const sameData =
    prev?.type === 'relationship' &&
    prev.data?.relationship === relationship &&
    prev.data.lane === lane &&
    prev.data.colour === colour;
  const edge: RelationshipFlowEdge = {
    id: relationship.id,
    type: 'relationship',
    source: relationship.source,
    target: relationship.target,
    data: sameData && prev.data ? prev.data : { relationship, lane, colour },
    ariaLabel,
    zIndex: 0,
  };
  if (dimmed) edge.className = DIMMED_CLASS;
  if (prev?.selected) edge.selected = true;
  return edge;
}
