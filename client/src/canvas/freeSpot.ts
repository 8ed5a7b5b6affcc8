import type { Box } from './projects/projectShape.ts';

/**
 * A free spot on the map for something new (a note): the nearest place to
 * where it would go where it covers no card, person or note. React-free.
 */

/** Room kept between the new item and what is already there. */
const GAP = 16;
/** Candidate places lie on a grid of this many flow px around the wanted one… */
const STEP = 20;
/** …at most this far from it. */
const REACH = 1600;

interface Point {
  readonly x: number;
  readonly y: number;
}

function covers(x: number, y: number, size: { width: number; height: number }, box: Box): boolean {
  return (
    x < box.x + box.width + GAP &&
    box.x - GAP < x + size.width &&
    y < box.y + box.height + GAP &&
    box.y - GAP < y + size.height
  );
}

/**
 * The top left corner nearest `want` (the item's top left corner where it
 * would go) at which an item of `size` keeps clear of every box of
 * `obstacles`, on a 20 px grid around `want` up to 1600 px away; `want`
 * itself when it is free, or when nothing within reach is.
 */
export function freeSpotNear(
  want: Point,
  size: { readonly width: number; readonly height: number },
  obstacles: readonly Box[],
): Point {
  const near = obstacles.filter(
    (box) =>
      box.x < want.x + size.width + REACH + GAP &&
      want.x - REACH - GAP < box.x + box.width &&
      box.y < want.y + size.height + REACH + GAP &&
      want.y - REACH - GAP < box.y + box.height,
  );
  const free = (x: number, y: number) => !near.some((box) => covers(x, y, size, box));
  if (free(want.x, want.y)) return want;
  const steps = Math.floor(REACH / STEP);
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
    const x = want.x + i * STEP;
    const y = want.y + j * STEP;
    if (free(x, y)) return { x, y };
  }
  return want;
}
