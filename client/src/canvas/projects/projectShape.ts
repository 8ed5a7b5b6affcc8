/** A node's box in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ProjectShape {
  /** SVG path of the padded, rounded convex hull of the members. */
  readonly path: string;
  /**
   * Where the name label goes: on the hull's upper edge, above the centre of
   * the members, so overlapping projects' labels land near their own members.
   */
  readonly labelAt: { readonly x: number; readonly y: number };
  /** The outline's corners (the path's points), counter-clockwise on screen, for placing the label along it. */
  readonly outline: readonly { readonly x: number; readonly y: number }[];
}

/** Points per quarter circle when rounding each member's padded corners. */
const ARC_STEPS = 5;

interface P {
  x: number;
  y: number;
}

function cross(o: P, a: P, b: P): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Andrew's monotone chain: the convex hull, counter-clockwise, without collinear points. */
export function convexHull(points: P[]): P[] {
  if (points.length < 3) return points.slice();
  const sorted = points.slice().sort((a, b) => a.x - b.x || a.y - b.y);
  const lower: P[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: P[] = [];
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/**
 * The area of a project: the convex hull of its members' boxes, grown by
 * `padding` with rounded corners (each box corner contributes a quarter
 * circle of radius `padding`, so the hull's corners come out round).
 * Returns null for a project without members on the board.
 */
export function projectShape(boxes: readonly Box[], padding: number): ProjectShape | null {
  if (boxes.length === 0) return null;
  const points: P[] = [];
  for (const box of boxes) {
    const corners: Array<[number, number, number]> = [
      [box.x + box.width, box.y + box.height, 0],
      [box.x, box.y + box.height, Math.PI / 2],
      [box.x, box.y, Math.PI],
      [box.x + box.width, box.y, (3 * Math.PI) / 2],
    ];
    for (const [cx, cy, start] of corners) {
      for (let step = 0; step <= ARC_STEPS; step += 1) {
        const angle = start + (step / ARC_STEPS) * (Math.PI / 2);
        points.push({ x: cx + Math.cos(angle) * padding, y: cy + Math.sin(angle) * padding });
      }
    }
  }
  const hull = convexHull(points);
  const centreX = boxes.reduce((sum, box) => sum + box.x + box.width / 2, 0) / boxes.length;
  const path = `M${hull.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('L')}Z`;
  return { path, labelAt: { x: centreX, y: upperEdgeAt(hull, centreX) }, outline: hull };
}

/** The smallest y where the vertical line at `x` crosses the hull's outline. */
function upperEdgeAt(hull: readonly P[], x: number): number {
  let top = Infinity;
  for (let i = 0; i < hull.length; i += 1) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    if ((a.x <= x && x <= b.x) || (b.x <= x && x <= a.x)) {
      const y = a.x === b.x ? Math.min(a.y, b.y) : a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
      top = Math.min(top, y);
    }
  }
  return Number.isFinite(top) ? top : Math.min(...hull.map((p) => p.y));
}
