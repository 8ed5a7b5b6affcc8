import type { BoardSnapshot, RelationshipId } from '@interplay/shared';
import type { Clusters } from '../figures/figureTypes.ts';
import { applyFilters, hasFilters, NO_FILTERS } from './filters.ts';
import type { Filters } from './filters.ts';
import { highlightedNodes, neighbourhood } from './neighbourhood.ts';

/** A node's neighbourhood shown on its own: the node and everything within one or two steps. */
export interface NeighbourhoodView {
  readonly nodeId: string;
  readonly steps: 1 | 2;
}

/**
 * A person's own way of looking at the map (never the board itself): filters, what happens to what does
 * not pass them, a neighbourhood, the items of a figure highlighted, colouring by cluster.
 */
export interface InsightView {
  readonly filters: Filters;
  /** What does not pass the filters or the neighbourhood: faded, or left out. */
  readonly mode: 'dim' | 'hide';
  readonly neighbourhood: NeighbourhoodView | null;
  /** Ids (nodes, relationships, projects) lit while everything else is faded; null: none. */
  readonly highlight: readonly string[] | null;
  readonly colourByCluster: boolean;
}

export const PLAIN_INSIGHT_VIEW: InsightView = {
  filters: NO_FILTERS,
  mode: 'dim',
  neighbourhood: null,
  highlight: null,
  colourByCluster: false,
};

/** Cluster colours: apart from the sector colours' role on cards (they ring them), readable on a projector. */
export const CLUSTER_COLOURS = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#9a6324',
  '#808000',
  '#000075',
] as const;

/** How many of each kind the map shows under the view, of how many there are. */
export interface ShownCounts {
  readonly organisations: readonly [shown: number, total: number];
  readonly people: readonly [shown: number, total: number];
  readonly relationships: readonly [shown: number, total: number];
}

/** What the map-as-a-view pipeline gets from an insight view (`MapView`'s hidden, dimmed and rings). */
export interface ComposedView {
  readonly hidden: ReadonlySet<string>;
  readonly dimmed: ReadonlySet<string>;
  readonly rings: ReadonlyMap<string, string> | null;
  readonly counts: ShownCounts;
}

/**
 * Turns an insight view of a board state into what the map hides, fades and rings. Filters and the
 * neighbourhood decide what is shown (the rest is dimmed or hidden, per `mode`); a highlight fades whatever
 * it does not stand for; clusters ring their members in the cluster's colour.
 */
export function composeInsightView(
  snapshot: BoardSnapshot,
  view: InsightView,
  clusters: Clusters | null,
  today: string,
): ComposedView {
  let shownNodes: ReadonlySet<string> | null = null;
  let shownRelationships: ReadonlySet<string> | null = null;
  if (hasFilters(view.filters)) {
    const result = applyFilters(snapshot, view.filters, today);
    shownNodes = result.nodes;
    shownRelationships = result.relationships;
  }
  if (view.neighbourhood) {
    const near = neighbourhood(snapshot, view.neighbourhood.nodeId, view.neighbourhood.steps);
    const before = shownNodes;
    shownNodes = new Set([...near].filter((id) => !before || before.has(id)));
    const nodes = shownNodes;
    const relationships = new Set<string>();
    for (const r of snapshot.relationships.values()) {
      const passed = !shownRelationships || shownRelationships.has(r.id);
      if (passed && nodes.has(r.source) && nodes.has(r.target)) relationships.add(r.id);
    }
    shownRelationships = relationships;
  }

  const away = new Set<string>();
  const shown = { organisations: 0, people: 0, relationships: 0 };
  for (const id of snapshot.organisations.keys()) {
    if (!shownNodes || shownNodes.has(id)) shown.organisations += 1;
    else away.add(id);
  }
  for (const id of snapshot.people.keys()) {
    if (!shownNodes || shownNodes.has(id)) shown.people += 1;
    else away.add(id);
  }
  for (const id of snapshot.relationships.keys()) {
    if (!shownRelationships || shownRelationships.has(id)) shown.relationships += 1;
    else away.add(id);
  }
  const dimmed = view.mode === 'dim' ? away : new Set<string>();
  if (view.highlight) fadeAllBut(snapshot, view.highlight, dimmed);
  return {
    hidden: view.mode === 'hide' ? away : new Set<string>(),
    dimmed,
    rings: view.colourByCluster && clusters ? clusterRings(clusters) : null,
    counts: {
      organisations: [shown.organisations, snapshot.organisations.size],
      people: [shown.people, snapshot.people.size],
      relationships: [shown.relationships, snapshot.relationships.size],
    },
  };
}

/** Adds to `dimmed` every node and relationship the highlight does not stand for. */
function fadeAllBut(snapshot: BoardSnapshot, highlight: readonly string[], dimmed: Set<string>): void {
  const lit = highlightedNodes(snapshot, highlight);
  const litRelationships = new Set(
    highlight.filter((id) => snapshot.relationships.has(id as RelationshipId)),
  );
  for (const id of [...snapshot.organisations.keys(), ...snapshot.people.keys()]) {
    if (!lit.has(id)) dimmed.add(id);
  }
  for (const r of snapshot.relationships.values()) {
    const between = litRelationships.size === 0 && lit.has(r.source) && lit.has(r.target);
    if (!litRelationships.has(r.id) && !between) dimmed.add(r.id);
  }
}

/** Each clustered node's colour: the cluster's place in the list; beyond the palette, none. */
export function clusterRings(clusters: Clusters): Map<string, string> {
  const rings = new Map<string, string>();
  clusters.groups.forEach((members, index) => {
    const colour = CLUSTER_COLOURS[index];
    if (colour) for (const id of members) rings.set(id, colour);
  });
  return rings;
}
