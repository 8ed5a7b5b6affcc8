import type { YExtent } from './pathYExtent.ts';

/** Path data of one straight line, as `buildBoardSvg` writes relationship and affiliation lines. */
const STRAIGHT_LINE = /^M\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*L\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*$/;

/** The ends `[x0, y0, x1, y1]` of path data that is one straight line, or null for any other path. */
export function straightLine(d: string): [number, number, number, number] | null {
  const line = STRAIGHT_LINE.exec(d);
  return line ? [Number(line[1]), Number(line[2]), Number(line[3]), Number(line[4])] : null;
}

/** The numbers of a `points` list. */
export function pointValues(list: string): number[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
}

/** The vertical extent of a polygon's or polyline's `points`. */
export function pointsYExtent(values: readonly number[]): YExtent {
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 1; i < values.length; i += 2) {
    top = Math.min(top, values[i]!);
    bottom = Math.max(bottom, values[i]!);
  }
  return [top, bottom];
}

/** A closed polygon through `points`. */
export function polygonPath(values: readonly number[]): Path2D {
  const path = new Path2D();
  for (let i = 0; i + 1 < values.length; i += 2) {
    if (i === 0) path.moveTo(values[i]!, values[i + 1]!);
    else path.lineTo(values[i]!, values[i + 1]!);
  }
  path.closePath();
  return path;
}
