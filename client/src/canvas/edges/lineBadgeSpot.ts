import type { Box } from '../projects/projectShape.ts';
import type { EdgeGeometry, Point } from './floatingGeometry.ts';

/**
 * Where a relationship's badges (⚠ needs maintenance, 💬 open comments) go on
 * its line: the point nearest the line's middle whose badge box no card or
 * person covers. React-free; the map's badges call it through
 * `useLineBadgeSpot`.
 */

/** The badges' size, and how far above the point on the line their lower edge sits. */
export interface BadgeSize {
  readonly width: number;
  readonly height: number;
  readonly lift: number;
}

/** Steps along the line (as a fraction of it) from the middle outwards, and how near its ends a badge may go. */
const STEP = 0.025;
const END_MARGIN = 0.06;
/** Room kept between a badge and a card. */
const CLEARANCE = 3;

/** The point of the line's quadratic curve at `t` (0 = source, 1 = target). */
export function pointOnLine({ from, control, to }: EdgeGeometry, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * from.x + 2 * u * t * control.x + t * t * to.x,
    y: u * u * from.y + 2 * u * t * control.y + t * t * to.y,
  };
}

/** The badges' box when anchored at `point` (centred above it). */
export function badgeBox(point: Point, size: BadgeSize): Box {
  return {
    x: point.x - size.width / 2,
    y: point.y - size.lift - size.height,
    width: size.width,
    height: size.height,
  };
}

function covered(box: Box, obstacles: readonly Box[]): number {
  let area = 0;
  for (const other of obstacles) {
    const w =
      Math.min(box.x + box.width, other.x + other.width + CLEARANCE) - Math.max(box.x, other.x - CLEARANCE);
    const h =
      Math.min(box.y + box.height, other.y + other.height + CLEARANCE) - Math.max(box.y, other.y - CLEARANCE);
    if (w > 0 && h > 0) area += w * h;
  }
  return area;
}

/**
 * The point on the line to anchor the badges at: the middle when nothing
 * covers them there, else the nearest point towards either end (in steps of
 * 2.5 % of the line, alternating sides) where no box of `obstacles` does, or,
 * when every point is covered, the one covered least (the middle on a tie).
 */
export function lineBadgeSpot(geometry: EdgeGeometry, size: BadgeSize, obstacles: readonly Box[]): Point {
  const middle = pointOnLine(geometry, 0.5);
  let best = middle;
  let least = covered(badgeBox(middle, size), obstacles);
  for (let d = STEP; least > 0 && 0.5 - d >= END_MARGIN - 1e-9; d += STEP) {
    for (const t of [0.5 - d, 0.5 + d]) {
      const point = pointOnLine(geometry, t);
      const area = covered(badgeBox(point, size), obstacles);
      if (area < least) {
        least = area;
        best = point;
        if (area === 0) break;
      }
    }
  }
  return best;
}
