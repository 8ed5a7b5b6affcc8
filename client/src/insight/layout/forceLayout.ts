import forceAtlas2 from 'graphology-layout-forceatlas2';
import { MAX_COORDINATE } from '@interplay/shared';
import type { BoardSnapshot, Position } from '@interplay/shared';
import { buildNetworkGraph } from '../figures/networkGraph.ts';
import type { NetworkGraph } from '../figures/networkGraph.ts';
import { clusters } from '../figures/structureFigures.ts';

/** `force`: by the relationships alone; `clusters`: each cluster (Louvain, as the Insights panel finds them) gathered. */
export type LayoutMode = 'force' | 'clusters';

/** Room a node keeps around itself in the layout: about half an organisation card's width, and a margin. */
const NODE_ROOM = 130;
/** Clustered: how much more a relationship within a cluster pulls than one between clusters. */
const WITHIN_CLUSTER_PULL = 4;
const clamp = (value: number): number =>
  Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(value)));

/**
 * Clustered: each cluster starts gathered on its own spot of a circle around the map's centre (its members
 * in their present order around it), and pulls itself together harder than it pulls at the others.
 */
function gatherClusters(graph: NetworkGraph, centre: Position): void {
  const groups = clusters(graph).groups;
  const clusterOf = new Map<string, number>();
  groups.forEach((members, index) => members.forEach((id) => clusterOf.set(id, index)));
  const radius = NODE_ROOM * 2 * Math.sqrt(graph.order);
  groups.forEach((members, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, groups.length);
    const spot = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
    const ring = NODE_ROOM * Math.sqrt(members.length);
    members.forEach((id, i) => {
      const around = (2 * Math.PI * i) / members.length;
      graph.mergeNodeAttributes(id, {
        x: spot.x + ring * Math.cos(around),
        y: spot.y + ring * Math.sin(around),
      } as never);
    });
  });
  graph.updateEachEdgeAttributes((_edge, attributes, source, target) => {
    const same = clusterOf.get(source) !== undefined && clusterOf.get(source) === clusterOf.get(target);
    return same ? { ...attributes, weight: attributes.weight * WITHIN_CLUSTER_PULL } : attributes;
  });
}

/**
 * A force-directed layout of the whole map (ForceAtlas2, weighted by strength, cards kept apart), centred
 * where the map was. `force` starts from where everything is now, so the map changes shape rather than being
 * thrown about; `clusters` gathers each cluster first and lays it out in LinLog mode, which sets groups
 * apart. People without relationships keep their place beside their organisation.
 * @returns the new position of every organisation and person.
 */
export function forceLayout(snapshot: BoardSnapshot, mode: LayoutMode = 'force'): Map<string, Position> {
  const graph = buildNetworkGraph(snapshot);
  const now = (id: string): Position =>
    snapshot.organisations.get(id as never)?.position ??
    snapshot.people.get(id as never)?.position ?? { x: 0, y: 0 };
  const centre = { x: 0, y: 0 };
  graph.forEachNode((id) => {
    const { x, y } = now(id);
    centre.x += x / graph.order;
    centre.y += y / graph.order;
    graph.mergeNodeAttributes(id, { x, y, size: NODE_ROOM } as never);
  });
  if (mode === 'clusters') gatherClusters(graph, centre);
  const big = graph.order > 400;
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    adjustSizes: true,
    barnesHutOptimize: big,
    edgeWeightInfluence: 1,
    scalingRatio: 40,
    gravity: 0.5,
    slowDown: 2,
    linLogMode: mode === 'clusters',
  };
  const laid = forceAtlas2(graph, { iterations: big ? 120 : 300, settings, getEdgeWeight: 'weight' });
  return placed(snapshot, laid, now);
}

/** The laid-out positions shifted back to the map's centre, people without relationships beside their organisation. */
function placed(
  snapshot: BoardSnapshot,
  laid: Record<string, { x: number; y: number }>,
  now: (id: string) => Position,
): Map<string, Position> {
  const moved = new Map<string, Position>();
  const before = { x: 0, y: 0 };
  const after = { x: 0, y: 0 };
  for (const [id, p] of Object.entries(laid)) {
    const old = now(id);
    before.x += old.x;
    before.y += old.y;
    after.x += p.x;
    after.y += p.y;
  }
  const n = Math.max(1, Object.keys(laid).length);
  const shift = { x: (before.x - after.x) / n, y: (before.y - after.y) / n };
  for (const [id, p] of Object.entries(laid))
    moved.set(id, { x: clamp(p.x + shift.x), y: clamp(p.y + shift.y) });
  for (const person of snapshot.people.values()) {
    if (moved.has(person.id)) continue;
    const organisation = person.organisationId
      ? snapshot.organisations.get(person.organisationId)
      : undefined;
    const to = organisation ? moved.get(organisation.id) : undefined;
    moved.set(
      person.id,
      organisation && to
        ? {
            x: clamp(to.x + person.position.x - organisation.position.x),
            y: clamp(to.y + person.position.y - organisation.position.y),
          }
        : person.position,
    );
  }
  return moved;
}
