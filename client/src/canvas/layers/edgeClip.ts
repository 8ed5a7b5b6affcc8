import type { FlowView } from '../reactFlow/flowState.ts';
import type { EdgeGeometry, Point } from '../edges/floatingGeometry.ts';
import { selectRenderWindow } from './renderWindow.ts';
import type { FlowRect } from './renderWindow.ts';
export { isStraight } from '../edges/floatingGeometry.ts';

/**
 * Long dotted and dashed relationships are what make a large board slow to
 * paint: the renderer dashes a line along its whole length (thousands of dots
 * for a line across the board) on every repaint, however little of it is on
 * screen. Straight edges are therefore cut to a window around the screen.
 *
 * The window is the render window of `renderWindow.ts` (the view plus 0.3 of a
 * view on every side, re-centred only when the view nears its border): edges
 * re-render when it moves, never on every frame, and not while a pan stays
 * inside it.
 */
export type ClipRect = FlowRect;

/**
 * Module-level selector: the clip window in flow
 * coordinates, the same object until it moves. It always contains the visible area.
 */
export function selectClipRect(state: FlowView): ClipRect {
  return selectRenderWindow(state);
}

/** Margin of the drag clip on each side, as a fraction of the view. */
const DRAG_CLIP_MARGIN = 0.05;
let dragClip: {
  transform: FlowView['transform'];
  width: number;
  height: number;
  rect: ClipRect;
} | null = null;

/**
 * Module-level selector: the clip window of an edge whose node is being dragged, the view plus a small
 * margin. Such an edge is redrawn (and, as its own compositing layer, rasterised again) on every frame
 * of the drag: cut to the render window it reached 0.3 of a view past every side of the screen, and the
 * browser re-rasterised the tiles of the line out there as well. The same object until the view moves.
 */
export function selectDragClipRect(state: FlowView): ClipRect {
  const { transform, width, height } = state;
  if (dragClip?.transform === transform && dragClip.width === width && dragClip.height === height) {
    return dragClip.rect;
  }
  const [tx, ty, zoom] = transform;
  const mx = (Math.max(width, 1) / zoom) * DRAG_CLIP_MARGIN;
  const my = (Math.max(height, 1) / zoom) * DRAG_CLIP_MARGIN;
  const rect = {
    left: -tx / zoom - mx,
    top: -ty / zoom - my,
    right: (width - tx) / zoom + mx,
    bottom: (height - ty) / zoom + my,
  };
  dragClip = { transform, width, height, rect };
  return rect;
}

/** The part of the segment a → b inside `rect` as fractions [t0, t1] of its length, or null (Liang–Barsky). */
export function clipFractions(a: Point, b: Point, rect: ClipRect): [number, number] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, a.x - rect.left],
    [dx, rect.right - a.x],
    [-dy, a.y - rect.top],
    [dy, rect.bottom - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}

function towards(point: Point, goal: Point, distance: number): Point {
  const dx = goal.x - point.x;
  const dy = goal.y - point.y;
  const length = Math.hypot(dx, dy);
  if (distance === 0 || length <= distance) return point;
  return { x: point.x + (dx / length) * distance, y: point.y + (dy / length) * distance };
}

/** A straight path cut to the window, and where its dash pattern must start so dashes stay in place. */
export interface ClippedLine {
  readonly d: string;
  /** Distance from the uncut start: the `stroke-dashoffset` that keeps the dashes where they were. */
  readonly dashOffset: number;
}

/**
 * The straight edge from → to (pulled back by `trimStart`/`trimEnd` for
 * arrowheads), cut to `rect`; null when none of it is inside.
 */
export function clippedLine(
  geometry: EdgeGeometry,
  rect: ClipRect,
  trimStart = 0,
  trimEnd = 0,
): ClippedLine | null {
  const a = towards(geometry.from, geometry.to, trimStart);
  const b = towards(geometry.to, geometry.from, trimEnd);
  const fractions = clipFractions(a, b, rect);
  if (!fractions) return null;
  const [t0, t1] = fractions;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const start = { x: a.x + dx * t0, y: a.y + dy * t0 };
  const end = { x: a.x + dx * t1, y: a.y + dy * t1 };
  return {
    d: `M ${start.x.toFixed(1)} ${start.y.toFixed(1)} L ${end.x.toFixed(1)} ${end.y.toFixed(1)}`,
    dashOffset: Math.round(Math.hypot(dx, dy) * t0 * 10) / 10,
  };
}
