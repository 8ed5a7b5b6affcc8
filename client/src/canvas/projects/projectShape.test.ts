import { describe, expect, it } from 'vitest';
import { convexHull, projectShape } from './projectShape.ts';

describe('project shapes', () => {
  it('computes a convex hull without interior points', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
      { x: 5, y: 5 },
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).not.toContainEqual({ x: 5, y: 5 });
  });

  it('encloses every member box with padding, and has no shape without members', () => {
    expect(projectShape([], 20)).toBeNull();
    const shape = projectShape(
      [
        { x: 0, y: 0, width: 200, height: 60 },
        { x: 400, y: 300, width: 140, height: 80 },
      ],
      20,
    );
    expect(shape).not.toBeNull();
    const numbers = (shape?.path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeCloseTo(-20, 0);
    expect(Math.max(...xs)).toBeCloseTo(560, 0);
    expect(Math.min(...ys)).toBeCloseTo(-20, 0);
    expect(Math.max(...ys)).toBeCloseTo(400, 0);
    // The label sits on the upper edge, above the members' centre.
    expect(shape?.labelAt.x).toBeCloseTo(285, 0);
  });
});
