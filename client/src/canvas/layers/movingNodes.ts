import type { NodeBox } from '../edges/floatingGeometry.ts';

/** More nodes than this moving at once (an import, a layout, the first measure) redraw everything. */
export const MOVING_LIMIT = 24;

/** Which nodes have moved since the overview layer last drew every line. */
export interface MovingNodes {
  /** Every node as last seen (an unchanged node keeps its box object, so most compare by identity). */
  readonly seen: ReadonlyMap<string, NodeBox>;
  /** Nodes that moved since `generation` began; the same Set while its members do not change. */
  readonly moving: ReadonlySet<string>;
  /** Changes whenever the layer must redraw every line (then `moving` is empty). */
  readonly generation: number;
}

const samePlace = (a: NodeBox, b: NodeBox): boolean =>
  a.x === b.x && a.y === b.y && (a.width ?? 0) === (b.width ?? 0) && (a.height ?? 0) === (b.height ?? 0);

/**
 * Updates `previous` with the nodes' current boxes. A remote move (or a
 * drag) changes one node many times a second: its lines are then drawn apart
 * from the rest, so the batched paths of every other line keep their `d` and
 * are neither rebuilt nor repainted. Runs on every move of a large board:
 * nodes are compared by identity first (a string per node per move cost as
 * much as the rest of the move on the page watching a remote drag).
 */
export function trackMovingNodes(
  previous: MovingNodes | null,
  seen: ReadonlyMap<string, NodeBox>,
): MovingNodes {
  if (previous === null || previous.seen.size !== seen.size) {
    return { seen, moving: new Set(), generation: (previous?.generation ?? 0) + 1 };
  }
  const added: string[] = [];
  for (const [id, node] of seen) {
    const before = previous.seen.get(id);
    if (before === node || previous.moving.has(id)) continue;
    if (!before || !samePlace(before, node)) added.push(id);
  }
  if (added.length === 0) return { seen, moving: previous.moving, generation: previous.generation };
  if (previous.moving.size + added.length > MOVING_LIMIT) {
    return { seen, moving: new Set(), generation: previous.generation + 1 };
  }
  return { seen, moving: new Set([...previous.moving, ...added]), generation: previous.generation };
}
