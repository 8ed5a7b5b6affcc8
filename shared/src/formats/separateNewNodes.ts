import type { Position } from '../board/types.ts';

/** A node's footprint on the map: width and height from its top-left position. */
export interface NodeFootprint {
  readonly width: number;
  readonly height: number;
}

/** Room kept between two cards the layout places. */
export const LAYOUT_GAP = 24;
/** Grid step of the search for a free place, and how far it looks (in steps) before giving up. */
const STEP = 40;
const MAX_RINGS = 200;
/** Cell size of the spatial index: about the largest card. */
const CELL = 320;

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Rectangles bucketed by grid cell, so a check looks at the few near it. */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();
  private keys(r: Rect): string[] {
    const keys: string[] = [];
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.width) / CELL); cx += 1)
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.height) / CELL); cy += 1)
        keys.push(`${cx},${cy}`);
    return keys;
  }
  add(r: Rect): void {
    for (const key of this.keys(r)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(r);
      else this.cells.set(key, [r]);
    }
  }
  hits(r: Rect): boolean {
    return this.keys(r).some((key) => (this.cells.get(key) ?? []).some((other) => overlaps(r, other)));
  }
}

/**
 * Moves each new node (in order) to the nearest free place around where the force layout put it, so no
 * two cards overlap: neither two new ones nor a new one and one already on the board (those never move).
 * Footprints are grown by `LAYOUT_GAP`; the search walks square rings of `STEP` around the start.
 */
export function separateNewNodes(
  fixed: ReadonlyArray<{ readonly position: Position; readonly size: NodeFootprint }>,
  moving: ReadonlyArray<{ readonly key: string; readonly position: Position; readonly size: NodeFootprint }>,
): Map<string, Position> {
  const index = new RectIndex();
  const grown = (position: Position, size: NodeFootprint): Rect => ({
    x: position.x - LAYOUT_GAP / 2,
    y: position.y - LAYOUT_GAP / 2,
    width: size.width + LAYOUT_GAP,
    height: size.height + LAYOUT_GAP,
  });
  for (const node of fixed) index.add(grown(node.position, node.size));
  const result = new Map<string, Position>();
  for (const node of moving) {
    let place = node.position;
    search: for (let ring = 0; ring <= MAX_RINGS; ring += 1) {
      // The ring's points, nearest first (the start itself at ring 0).
      const points: Position[] = [];
      for (let i = -ring; i <= ring; i += 1) {
        for (const [dx, dy] of [
          [i, -ring],
          [i, ring],
          [-ring, i],
          [ring, i],
        ] as const) {
          if (ring > 0 && Math.abs(dx) !== ring && Math.abs(dy) !== ring) continue;
          points.push({ x: node.position.x + dx * STEP, y: node.position.y + dy * STEP });
        }
      }
      points.sort(
        (a, b) =>
          Math.hypot(a.x - node.position.x, a.y - node.position.y) -
          Math.hypot(b.x - node.position.x, b.y - node.position.y),
      );
      for (const point of points) {
        if (!index.hits(grown(point, node.size))) {
          place = point;
          break search;
        }
      }
    }
    index.add(grown(place, node.size));
    result.set(node.key, { x: Math.round(place.x), y: Math.round(place.y) });
  }
  return result;
}
