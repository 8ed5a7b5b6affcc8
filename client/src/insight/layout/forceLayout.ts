import forceAtlas2 from 'graphology-layout-forceatlas2';
import { MAX_COORDINATE } from '@interplay/shared';
import type { BoardSnapshot, Position } from '@interplay/shared';
import { buildNetworkGraph } from '../figures/networkGraph.ts';

/** Room a node keeps around itself in the layout: about half an organisation card's width, and a margin. */
const NODE_ROOM = 130;
/** How far a person without relationships stays beside their organisation when it moved. */
const clamp = (value: number): number =>
  Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(value)));

/**
 * A force-directed layout of the whole map (ForceAtlas2, weighted by strength, cards kept apart), started
 * from where everything is now so the map changes shape rather than being thrown about, and centred where
 * it was. People without relationships keep their place beside their organisation.
 * @returns the new position of every organisation and person.
 */
export function forceLayout(snapshot: BoardSnapshot): Map<string, Position> {
  const graph = buildNetworkGraph(snapshot);
  const now = (id: string): Position =>
    snapshot.organisations.get(id as never)?.position ??
    snapshot.people.get(id as never)?.position ?? { x: 0, y: 0 };
  graph.forEachNode((id) => {
    const { x, y } = now(id);
    graph.mergeNodeAttributes(id, { x, y, size: NODE_ROOM } as never);
  });
  const big = graph.order > 400;
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    adjustSizes: true,
    barnesHutOptimize: big,
    edgeWeightInfluence: 1,
    scalingRatio: 40,
    gravity: 0.5,
    slowDown: 2,
  };
  const laid = forceAtlas2(graph, { iterations: big ? 120 : 300, settings, getEdgeWeight: 'weight' });

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
