import type { InternalNode } from '@xyflow/react';

/** More nodes than this moving at once (an import, a layout, the first measure) redraw everything. */
export const MOVING_LIMIT = 24;

/** Which nodes have moved since the overview layer last drew every line. */
export interface MovingNodes {
  /** Position and size of every node when last seen. */
  readonly places: ReadonlyMap<string, string>;
  /** Nodes that moved since `generation` began; the same Set while its members do not change. */
  readonly moving: ReadonlySet<string>;
  /** Changes whenever the layer must redraw every line (then `moving` is empty). */
  readonly generation: number;
}

const placeOf = (node: InternalNode): string =>
  `${node.internals.positionAbsolute.x},${node.internals.positionAbsolute.y},${node.measured.width ?? 0},${node.measured.height ?? 0}`;

/**
 * Updates `previous` with React Flow's current nodes. A remote move (or a
 * drag) changes one node many times a second: its lines are then drawn apart
 * from the rest, so the batched paths of every other line keep their `d` and
 * are neither rebuilt nor repainted.
 */
export function trackMovingNodes(
  previous: MovingNodes | null,
  nodeLookup: ReadonlyMap<string, InternalNode>,
): MovingNodes {
  const places = new Map<string, string>();
  const changed: string[] = [];
  for (const [id, node] of nodeLookup) {
    const place = placeOf(node);
    places.set(id, place);
    if (previous && previous.places.get(id) !== place) changed.push(id);
  }
  if (previous === null || previous.places.size !== places.size) {
    return { places, moving: new Set(), generation: (previous?.generation ?? 0) + 1 };
  }
  const added = changed.filter((id) => !previous.moving.has(id));
  if (added.length === 0) return { places, moving: previous.moving, generation: previous.generation };
  if (previous.moving.size + added.length > MOVING_LIMIT) {
    return { places, moving: new Set(), generation: previous.generation + 1 };
  }
  return { places, moving: new Set([...previous.moving, ...added]), generation: previous.generation };
}
