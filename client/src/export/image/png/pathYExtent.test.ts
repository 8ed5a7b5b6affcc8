import { describe, expect, it } from 'vitest';
import { pathYExtent } from './pathYExtent.ts';

describe('pathYExtent', () => {
  it('covers every point of absolute lines, with implicit linetos after a moveto', () => {
    expect(pathYExtent('M 10 20 L 30 -5 L 40 60')).toEqual([-5, 60]);
    expect(pathYExtent('M10,20 30,-5 40,60Z')).toEqual([-5, 60]);
  });

  it('follows relative commands, H, V and a closepath back to the start', () => {
    // 20 → 25 (l) → 25 (h) → 45 (v) → back to 20 (z) → 10 (m from the start) → 13 (l).
    expect(pathYExtent('M0 20l5 5h10v20zm0-10l1 3')).toEqual([10, 45]);
    expect(pathYExtent('M5 5V-7H100')).toEqual([-7, 5]);
  });

  it('counts Bézier control points (the curve lies within them)', () => {
    expect(pathYExtent('M0 0C10 -40 20 50 30 0')).toEqual([-40, 50]);
    expect(pathYExtent('M0 0q5 -8 10 0t10 0s4 9 6 0')).toEqual([-8, 9]);
  });

  it('reaches twice the larger radius around an arc', () => {
    // From y 20 (reach 8.4 each way) to the end point at 7.3, below 20 − 8.4.
    const [top, bottom] = pathYExtent('M12 20A4.2 4.2 0 0 1 12 7.3');
    expect(top).toBe(7.3);
    expect(bottom).toBeCloseTo(20 + 8.4, 6);
    const [, below] = pathYExtent('M0 0a3 5 0 0 0 1 1');
    expect(below).toBeCloseTo(10, 6);
  });

  it('reads numbers written without separators (a sign or a second point starts the next)', () => {
    expect(pathYExtent('M12 20s-7.5-4.6-7.5-10')).toEqual([10, 20]);
    expect(pathYExtent('M0 .5L1.5.25')).toEqual([0.25, 0.5]);
  });

  it('gives nothing for empty or unreadable data', () => {
    expect(pathYExtent('')).toEqual([Infinity, -Infinity]);
    expect(pathYExtent('10 20')).toEqual([Infinity, -Infinity]);
  });
});
