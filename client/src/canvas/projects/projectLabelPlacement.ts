import type { Box } from './projectShape.ts';

/**
 * Where each project's name tag goes: on its area's outline, at the spot
 * nearest the preferred one (the upper edge above the members' centre) where
 * it covers no card, no person and no tag placed before it. The map
 * (`ProjectAreas.tsx`) and the image export (`exportLayout.ts`) both call
 * `placeProjectLabels`, so a tag is in the same place in both. React-free.
 */

interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LabelRequest {
  /** The area's outline (`ProjectShape.outline`). */
  readonly outline: readonly Point[];
  /** Where the tag goes when nothing is in the way (`ProjectShape.labelAt`). */
  readonly preferred: Point;
  readonly width: number;
  readonly height: number;
  /** The width of the tag with its name shortened (`shortProjectName`), tried where the whole tag fits nowhere. */
  readonly shortWidth?: number;
}

export interface PlacedLabel {
  /** The tag's centre. */
  readonly x: number;
  readonly y: number;
  /** Flow px² of cards, people and earlier tags it still covers (0 when it found a free spot). */
  readonly overlap: number;
  /** The tag's width as placed: `shortWidth` when `shortened`. */
  readonly width: number;
  /** Whether the tag shows its name shortened (with an ellipsis; the whole name in its tooltip). */
  readonly shortened: boolean;
}

/** Distance (flow px) between candidate spots along an outline. */
const STEP = 20;
/** Room kept free around cards and people. */
const CLEARANCE = 4;
/** Gap between a tag pushed out of its area and the outline. */
const OUTSIDE_GAP = 2;

interface Candidate {
  readonly x: number;
  readonly y: number;
}

/** Role badges poke out 8 px above a person's circle: their box as a tag must avoid it. */
export function nodeObstacle(box: Box, kind: 'organisation' | 'person'): Box {
  return kind === 'person' ? { ...box, y: box.y - 8, height: box.height + 8 } : box;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  if (w <= 0) return 0;
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return h <= 0 ? 0 : w * h;
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** The point of segment a–b nearest p, as the fraction along it. */
function nearestOnSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return 0;
  return Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
}

/**
 * Spots on the outline and just outside it, in the order they are preferred:
 * walking the outline both ways from the point nearest `preferred` (so the
 * upper edge's left and right come before the sides, and the lower edge last),
 * each spot first with the tag centred on the outline, then pushed out of the area.
 */
function candidates(request: LabelRequest): Candidate[] {
  const { outline, preferred, width, height } = request;
  const n = outline.length;
  if (n < 2) return [preferred];
  const centre = {
    x: outline.reduce((sum, p) => sum + p.x, 0) / n,
    y: outline.reduce((sum, p) => sum + p.y, 0) / n,
  };
  const starts: number[] = [];
  let perimeter = 0;
  let preferredAt = 0;
  let nearest = Infinity;
  for (let i = 0; i < n; i += 1) {
    const a = outline[i]!;
    const b = outline[(i + 1) % n]!;
    starts.push(perimeter);
    const t = nearestOnSegment(preferred, a, b);
    const distance = Math.hypot(a.x + t * (b.x - a.x) - preferred.x, a.y + t * (b.y - a.y) - preferred.y);
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (distance < nearest) {
      nearest = distance;
      preferredAt = perimeter + t * length;
    }
    perimeter += length;
  }
  if (perimeter === 0) return [preferred];
  const spotAt = (s: number): Candidate[] => {
    const at = ((s % perimeter) + perimeter) % perimeter;
    let i = n - 1;
    while (i > 0 && starts[i]! > at) i -= 1;
    const a = outline[i]!;
    const b = outline[(i + 1) % n]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const t = (at - starts[i]!) / length;
    const point = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
    // The edge's normal that points away from the area's middle.
    let nx = (b.y - a.y) / length;
    let ny = -(b.x - a.x) / length;
    if (nx * (point.x - centre.x) + ny * (point.y - centre.y) < 0) [nx, ny] = [-nx, -ny];
    const push = (width / 2) * Math.abs(nx) + (height / 2) * Math.abs(ny) + OUTSIDE_GAP;
    return [point, { x: point.x + nx * push, y: point.y + ny * push }];
  };
  const spots: Candidate[] = [{ x: preferred.x, y: preferred.y }, ...spotAt(preferredAt).slice(1)];
  for (let d = STEP; d <= perimeter / 2; d += STEP)
    spots.push(...spotAt(preferredAt - d), ...spotAt(preferredAt + d));
  return spots;
}

function boxAt(spot: Candidate, width: number, height: number): Box {
  return { x: spot.x - width / 2, y: spot.y - height / 2, width, height };
}

/** The least covered spot for a tag `width` wide (the first free one, in the order of `candidates`). */
function bestSpot(request: LabelRequest, width: number, near: readonly Box[]): PlacedLabel {
  let best: PlacedLabel | null = null;
  for (const spot of candidates({ ...request, width })) {
    const box = boxAt(spot, width, request.height);
    let overlap = 0;
    for (const other of near) overlap += overlapArea(box, other);
    if (!best || overlap < best.overlap) best = { x: spot.x, y: spot.y, overlap, width, shortened: false };
    if (overlap === 0) break;
  }
  return best ?? { ...request.preferred, overlap: 0, width, shortened: false };
}

/**
 * Places each area's tag in turn (callers pass areas in drawing order, so
 * every page agrees): the first candidate spot that covers none of
 * `obstacles` (cards and people, see `nodeObstacle`) and none of the tags
 * placed before it; where there is none at full length, the first free spot
 * for the shortened tag (`shortWidth`, its name cut with an ellipsis), or
 * else the spot that covers the least.
 */
export function placeProjectLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
): PlacedLabel[] {
  const placed: Box[] = [];
  return requests.map((request) => {
    const { width, height } = request;
    const reach = width + height;
    const xs = request.outline.map((p) => p.x);
    const ys = request.outline.map((p) => p.y);
    const around: Box = {
      x: Math.min(request.preferred.x, ...xs) - reach,
      y: Math.min(request.preferred.y, ...ys) - reach,
      width: Math.max(request.preferred.x, ...xs) - Math.min(request.preferred.x, ...xs) + 2 * reach,
      height: Math.max(request.preferred.y, ...ys) - Math.min(request.preferred.y, ...ys) + 2 * reach,
    };
    const near = [
      ...obstacles.filter((box) => overlapArea(box, around) > 0).map((box) => grow(box, CLEARANCE)),
      ...placed.filter((box) => overlapArea(box, around) > 0),
    ];
    let chosen = bestSpot(request, width, near);
    const short = request.shortWidth;
    if (chosen.overlap > 0 && short !== undefined && short < width) {
      const shortened = bestSpot(request, short, near);
      if (shortened.overlap < chosen.overlap) chosen = { ...shortened, shortened: true };
    }
    placed.push(grow(boxAt(chosen, chosen.width, height), 2));
    return chosen;
  });
}
