import {
  DEFAULT_ORGANISATION_SIZE,
  DEFAULT_PERSON_SIZE,
  PERSON_CIRCLE_RADIUS,
  PERSON_CIRCLE_TOP,
} from '../view/flowTypes.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Where a node is and how big, in flow coordinates: what an edge needs to
 * attach to it. The canvas reads it from React Flow (`reactFlow/nodeBoxes.ts`),
 * the image export from its own layout. A size not known yet is left out.
 */
export interface NodeBox {
  readonly type: string | undefined;
  readonly x: number;
  readonly y: number;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

type Shape =
  | { kind: 'rect'; cx: number; cy: number; halfWidth: number; halfHeight: number }
  | { kind: 'circle'; cx: number; cy: number; r: number };

/** The outline an edge attaches to: an organisation's card, or a person's circle (not their name). */
function shapeOf(node: NodeBox): Shape {
  const { x, y } = node;
  if (node.type === 'person') {
    const width = node.width ?? DEFAULT_PERSON_SIZE.width;
    return {
      kind: 'circle',
      cx: x + width / 2,
      cy: y + PERSON_CIRCLE_TOP + PERSON_CIRCLE_RADIUS,
      r: PERSON_CIRCLE_RADIUS + 2,
    };
  }
  const width = node.width ?? DEFAULT_ORGANISATION_SIZE.width;
  const height = node.height ?? DEFAULT_ORGANISATION_SIZE.height;
  return {
    kind: 'rect',
    cx: x + width / 2,
    cy: y + height / 2,
    halfWidth: width / 2 + 1,
    halfHeight: height / 2 + 1,
  };
}

function borderPoint(shape: Shape, toward: Point): Point {
  const dx = toward.x - shape.cx;
  const dy = toward.y - shape.cy;
  if (dx === 0 && dy === 0) return { x: shape.cx, y: shape.cy };
  if (shape.kind === 'circle') {
    const length = Math.hypot(dx, dy);
    return { x: shape.cx + (dx / length) * shape.r, y: shape.cy + (dy / length) * shape.r };
  }
  const scale = Math.min(
    dx === 0 ? Infinity : shape.halfWidth / Math.abs(dx),
    dy === 0 ? Infinity : shape.halfHeight / Math.abs(dy),
  );
  return { x: shape.cx + dx * scale, y: shape.cy + dy * scale };
}

/** A line or gentle curve between two nodes' outlines. */
export interface EdgeGeometry {
  readonly from: Point;
  readonly to: Point;
  /** Control point of the quadratic curve (the midpoint of a straight line). */
  readonly control: Point;
  /** The curve's midpoint, for labels. */
  readonly middle: Point;
}

/**
 * Where an edge between two nodes starts and ends: on each node's outline,
 * on the line between their centres ("floating" edges). `lane` bends parallel
 * edges between the same pair apart (0 = straight).
 */
export function floatingGeometry(source: NodeBox, target: NodeBox, lane = 0): EdgeGeometry {
  const a = shapeOf(source);
  const b = shapeOf(target);
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const length = Math.hypot(dx, dy) || 1;
  // The bend is perpendicular to the centre line, in a fixed orientation (from the lower id) so lanes do not swap.
  const bend = lane * 36;
  const control = {
    x: (a.cx + b.cx) / 2 - (dy / length) * bend,
    y: (a.cy + b.cy) / 2 + (dx / length) * bend,
  };
  const from = borderPoint(a, lane === 0 ? { x: b.cx, y: b.cy } : control);
  const to = borderPoint(b, lane === 0 ? { x: a.cx, y: a.cy } : control);
  const middle = {
    x: 0.25 * from.x + 0.5 * control.x + 0.25 * to.x,
    y: 0.25 * from.y + 0.5 * control.y + 0.25 * to.y,
  };
  return { from, to, control, middle };
}

/** The SVG path of a geometry, optionally pulled back at either end (to make room for arrowheads). */
export function edgePath(geometry: EdgeGeometry, trimStart = 0, trimEnd = 0): string {
  const from = towards(geometry.from, geometry.control, trimStart);
  const to = towards(geometry.to, geometry.control, trimEnd);
  // A straight edge is written as a line, not a degenerate curve: Skia dashes a line only where it is
  // on screen (it culls dashes to the clip), but dashes a curve along its whole length — thousands of
  // dashes per long dotted relationship on every repaint of a large board.
  if (isStraight(geometry)) return `M ${fmt(from.x)} ${fmt(from.y)} L ${fmt(to.x)} ${fmt(to.y)}`;
  return `M ${fmt(from.x)} ${fmt(from.y)} Q ${fmt(geometry.control.x)} ${fmt(geometry.control.y)} ${fmt(to.x)} ${fmt(to.y)}`;
}

/** Whether the control point lies on the line from → to (lane 0), within a tenth of a pixel. */
export function isStraight({ from, to, control }: EdgeGeometry): boolean {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return true;
  return Math.abs(dx * (control.y - from.y) - dy * (control.x - from.x)) / length < 0.1;
}

/** An arrowhead triangle with its tip at `tip`, pointing away from `from`. */
export function arrowHead(tip: Point, from: Point, size: number): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const baseX = tip.x - ux * size;
  const baseY = tip.y - uy * size;
  const half = size * 0.55;
  return `${fmt(tip.x)},${fmt(tip.y)} ${fmt(baseX - uy * half)},${fmt(baseY + ux * half)} ${fmt(baseX + uy * half)},${fmt(baseY - ux * half)}`;
}

function towards(point: Point, goal: Point, distance: number): Point {
  if (distance === 0) return point;
  const dx = goal.x - point.x;
  const dy = goal.y - point.y;
  const length = Math.hypot(dx, dy);
  if (length <= distance) return point;
  return { x: point.x + (dx / length) * distance, y: point.y + (dy / length) * distance };
}

/**
 * `value.toFixed(1)`, digit for digit, written from integers: `toFixed` is
 * slow, and an export of a large board writes ~60,000 coordinates per build.
 * `toFixed` rounds the exact binary value half away from zero, while
 * `value * 10` is itself rounded: within a millionth of a half (and for huge
 * or non-finite values) `toFixed` decides.
 */
function fmt(value: number): string {
  const scaled = value < 0 ? -value * 10 : value * 10;
  if (!(scaled < 1e9) || Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) return value.toFixed(1);
  const tenths = Math.round(scaled);
  const digit = tenths % 10;
  // The sign of the value, not of the rounded tenths: (-0.04).toFixed(1) is "-0.0".
  return `${value < 0 ? '-' : ''}${(tenths - digit) / 10}.${digit}`;
}
