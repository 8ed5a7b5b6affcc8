/**
 * Places imported nodes that came without a position, with d3-force: nodes
 * that already have a place (on the board or in the file) are pinned, the
 * others start near a placed neighbour (or beside the drawing) and settle
 * under link, repulsion and collision forces. Seeded and run for a bounded
 * number of ticks, so the same import always gives the same layout.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { MAX_COORDINATE } from '../board/records/fields.ts';
import type { Position } from '../board/types.ts';

export interface LayoutInput {
  readonly key: string;
  /** null: to be placed. */
  readonly position: Position | null;
}

export interface LayoutLink {
  readonly source: string;
  readonly target: string;
}

interface SimNode extends SimulationNodeDatum {
  readonly key: string;
}

/** Room each node needs: about an organisation card's half-diagonal plus a margin. */
export const LAYOUT_NODE_RADIUS = 110;
const LINK_DISTANCE = 220;

/** A small seeded generator (mulberry32): deterministic, good enough for jitter. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How long the simulation runs: a tick costs O(n log n), so ticks × nodes is held near a constant and the
 * whole grows gently with the board (≈ log n), down to a few ticks for the largest imports, whose nodes then
 * keep much of their start: beside a placed neighbour, or in a block. Auto-layout can tidy them later.
 */
export function layoutTicks(nodeCount: number): number {
  return Math.max(MIN_TICKS, Math.min(300, Math.round(120_000 / Math.max(1, nodeCount))));
}
const MIN_TICKS = 6;

/**
 * Positions for the nodes whose position is null (keyed by `key`); placed
 * nodes are returned unchanged. Synchronous, {@link layoutTicks} ticks (run big imports off the main thread).
 */
export function layoutNewNodes(
  nodes: readonly LayoutInput[],
  links: readonly LayoutLink[],
  seed = 1,
): Map<string, Position> {
  const result = new Map<string, Position>();
  const free = nodes.filter((n) => n.position === null);
  for (const n of nodes) if (n.position) result.set(n.key, n.position);
  if (free.length === 0) return result;
  const random = seededRandom(seed);

  const placed = nodes.filter((n): n is LayoutInput & { position: Position } => n.position !== null);
  // Loops, not Math.max(...list): a spread of a large board's coordinates overflows the call stack.
  let maxX = placed.length > 0 ? -Infinity : 0;
  let minY = placed.length > 0 ? Infinity : 0;
  let maxY = placed.length > 0 ? -Infinity : 0;
  for (const { position } of placed) {
    maxX = Math.max(maxX, position.x);
    minY = Math.min(minY, position.y);
    maxY = Math.max(maxY, position.y);
  }
  // Unconnected new nodes start in a square block to the right of the existing drawing.
  const origin = { x: placed.length > 0 ? maxX + 3 * LAYOUT_NODE_RADIUS : 0, y: (minY + maxY) / 2 };
  const side = Math.ceil(Math.sqrt(free.length));

  const byKey = new Map<string, SimNode>();
  for (const n of placed)
    byKey.set(n.key, { key: n.key, x: n.position.x, y: n.position.y, fx: n.position.x, fy: n.position.y });
  const neighbours = new Map<string, string[]>();
  const addNeighbour = (key: string, neighbour: string): void => {
    const list = neighbours.get(key);
    if (list === undefined) neighbours.set(key, [neighbour]);
    else list.push(neighbour);
  };
  for (const link of links) {
    addNeighbour(link.source, link.target);
    addNeighbour(link.target, link.source);
  }
  free.forEach((n, index) => {
    const anchor = (neighbours.get(n.key) ?? []).map((k) => byKey.get(k)).find((s) => s?.x !== undefined);
    const jitter = (): number => (random() - 0.5) * LINK_DISTANCE;
    const start =
      anchor?.x !== undefined && anchor.y !== undefined
        ? { x: anchor.x + jitter(), y: anchor.y + jitter() }
        : {
            x: origin.x + (index % side) * 2 * LAYOUT_NODE_RADIUS,
            y: origin.y + (Math.floor(index / side) - side / 2) * 2 * LAYOUT_NODE_RADIUS,
          };
    byKey.set(n.key, { key: n.key, ...start });
  });

  const simNodes = [...byKey.values()];
  const simLinks: SimulationLinkDatum<SimNode>[] = links
    .filter((l) => byKey.has(l.source) && byKey.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: l.source, target: l.target }));
  const centre = free.length > 0 ? { x: origin.x + side * LAYOUT_NODE_RADIUS, y: origin.y } : origin;
  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(random)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(simLinks)
        .id((n) => n.key)
        .distance(LINK_DISTANCE),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(-300)
        .distanceMax(4 * LINK_DISTANCE),
    )
    .force('collide', forceCollide<SimNode>(LAYOUT_NODE_RADIUS))
    // A weak pull keeps unconnected groups from drifting away from the drawing.
    .force('x', forceX<SimNode>(centre.x).strength(0.01))
    .force('y', forceY<SimNode>(centre.y).strength(0.01))
    .stop();
  const ticks = layoutTicks(simNodes.length);
  simulation.tick(ticks);

  for (const n of free) {
    const sim = byKey.get(n.key);
    const x = Math.round(sim?.x ?? origin.x);
    const y = Math.round(sim?.y ?? origin.y);
    const clamp = (v: number, fallback: number): number =>
      Number.isFinite(v) ? Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v)) : fallback;
    result.set(n.key, { x: clamp(x, origin.x), y: clamp(y, origin.y) });
  }
  return result;
}
