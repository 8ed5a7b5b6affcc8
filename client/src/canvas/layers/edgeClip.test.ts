import { describe, expect, it } from 'vitest';
import type { FlowView } from '../reactFlow/flowState.ts';
import type { EdgeGeometry } from '../edges/floatingGeometry.ts';
import { clipFractions, clippedLine, isStraight, selectClipRect } from './edgeClip.ts';

const rect = { left: 0, top: 0, right: 100, bottom: 100 };
const line = (x1: number, y1: number, x2: number, y2: number): EdgeGeometry => ({
  from: { x: x1, y: y1 },
  to: { x: x2, y: y2 },
  control: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 },
  middle: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 },
});
const view = (tx: number, ty: number, zoom: number) =>
  ({ transform: [tx, ty, zoom], width: 1600, height: 900 }) as unknown as FlowView;

describe('edge clipping', () => {
  it('keeps a segment inside, cuts one crossing the window, drops one outside', () => {
    expect(clipFractions({ x: 10, y: 10 }, { x: 90, y: 90 }, rect)).toEqual([0, 1]);
    expect(clipFractions({ x: -100, y: 50 }, { x: 300, y: 50 }, rect)).toEqual([0.25, 0.5]);
    expect(clipFractions({ x: -100, y: -50 }, { x: 300, y: -50 }, rect)).toBeNull();
  });

  it('offsets the dash pattern by the length cut from the start, so dashes stay in place', () => {
    const cut = clippedLine(line(-100, 50, 300, 50), rect);
    expect(cut).toEqual({ d: 'M 0.0 50.0 L 100.0 50.0', dashOffset: 100 });
    expect(clippedLine(line(-100, 50, 300, 50), rect, 50, 0)?.dashOffset).toBe(50);
    expect(clippedLine(line(200, 200, 300, 300), rect)).toBeNull();
  });

  it('tells straight edges from bent ones', () => {
    expect(isStraight(line(0, 0, 100, 40))).toBe(true);
    expect(isStraight({ ...line(0, 0, 100, 0), control: { x: 50, y: 30 } })).toBe(false);
  });

  it('gives a window that contains the screen and stays the same object while panning within it', () => {
    const a = selectClipRect(view(0, 0, 1));
    expect(a.left).toBeLessThanOrEqual(0);
    expect(a.right).toBeGreaterThanOrEqual(1600);
    expect(a.bottom).toBeGreaterThanOrEqual(900);
    expect(selectClipRect(view(-10, -10, 1))).toBe(a);
    const far = selectClipRect(view(-5000, -3000, 0.5));
    expect(far.left).toBeLessThanOrEqual(10000);
    expect(far.right).toBeGreaterThanOrEqual(10000 + 3200);
  });
});
