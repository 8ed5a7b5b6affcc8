import type { Position } from '@interplay/shared';
import type { Box } from '../projects/projectShape.ts';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { nodeBox } from '../view/nodeBox.ts';

/** How a free spot is looked for: room kept around what is there, the grid of candidates, and how far. */
interface Search {
  readonly gap: number;
  readonly step: number;
  readonly reach: number;
}

/** A new note: close to where it was asked for, on a fine grid. */
const NOTE_SEARCH: Search = { gap: 16, step: 20, reach: 1600 };
/** A new card or person: clear of the others by a little more, on a coarser grid (boards hold thousands). */
const NODE_SEARCH: Search = { gap: 24, step: 48, reach: 1440 };

function covers(
  x: number,
  y: number,
  size: { width: number; height: number },
  box: Box,
  gap: number,
): boolean {
  return (
    x < box.x + box.width + gap &&
    box.x - gap < x + size.width &&
    y < box.y + box.height + gap &&
    box.y - gap < y + size.height
  );
}

/**
 * The top left corner nearest `want` (the item's top left corner where it would go) at which an item of
 * `size` keeps clear of every box of `obstacles`, on a grid around `want` up to `search.reach` away (by
 * default a note's: 20 px, 1600 px); `want` itself when it is free, or when nothing within reach is.
 */
export function freeSpotNear(
  want: Position,
  size: { readonly width: number; readonly height: number },
  obstacles: readonly Box[],
  search: Search = NOTE_SEARCH,
): Position {
  const { gap, step, reach } = search;
  const near = obstacles.filter(
    (box) =>
      box.x < want.x + size.width + reach + gap &&
      want.x - reach - gap < box.x + box.width &&
      box.y < want.y + size.height + reach + gap &&
      want.y - reach - gap < box.y + box.height,
  );
  const free = (x: number, y: number) => !near.some((box) => covers(x, y, size, box, gap));
  if (free(want.x, want.y)) return want;
  const steps = Math.floor(reach / step);
  const offsets: Array<[number, number, number]> = [];
  for (let i = -steps; i <= steps; i += 1) {
    for (let j = -steps; j <= steps; j += 1) {
      const d2 = i * i + j * j;
      if (d2 > 0 && d2 <= steps * steps) offsets.push([d2, i, j]);
    }
  }
  // Nearest first; on a tie, above before below and left before right, so the choice is the same everywhere.
  offsets.sort((a, b) => a[0] - b[0] || a[2] - b[2] || a[1] - b[1]);
  for (const [, i, j] of offsets) {
    const x = want.x + i * step;
    const y = want.y + j * step;
    if (free(x, y)) return { x, y };
  }
  return want;
}

/** Where a new card or person of `size` goes: at `wanted`, or the nearest spot that overlaps no node. */
export function freeSpot(
  wanted: Position,
  size: { width: number; height: number },
  nodes: readonly BoardFlowNode[],
): Position {
  return freeSpotNear(
    wanted,
    size,
    nodes.map((node) => nodeBox(node, null)),
    NODE_SEARCH,
  );
}
