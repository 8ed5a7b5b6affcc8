import { describe, expect, it } from 'vitest';
import { enclosedOutsiders, insideConvex } from './enclosedOutsiders.ts';
import { projectShape } from './projectShape.ts';
import type { Box } from './projectShape.ts';

const a: Box = { x: 0, y: 0, width: 220, height: 64 };
const b: Box = { x: 800, y: 400, width: 220, height: 64 };

describe('cards an area takes in without being members', () => {
  it('tells inside from outside of a convex outline, whichever way it turns', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(insideConvex({ x: 5, y: 5 }, square)).toBe(true);
    expect(insideConvex({ x: 5, y: 5 }, [...square].reverse())).toBe(true);
    expect(insideConvex({ x: 15, y: 5 }, square)).toBe(false);
  });

  it('finds a non-member on the diagonal between two members, and neither the members nor a card beside', () => {
    const shape = projectShape([a, b], 26)!;
    const nodes = [
      { id: 'a', box: a },
      { id: 'b', box: b },
      { id: 'between', box: { x: 400, y: 200, width: 220, height: 64 } },
      { id: 'beside', box: { x: 0, y: 400, width: 220, height: 64 } },
    ];
    expect(enclosedOutsiders(shape.outline, new Set(['a', 'b']), nodes).map((n) => n.id)).toEqual([
      'between',
    ]);
  });

  it('does not count a person of a member organisation, who stands beside its card', () => {
    const shape = projectShape([a, b], 26)!;
    const nodes = [
      { id: 'anna', box: { x: 400, y: 200, width: 140, height: 84 }, organisationId: 'a' },
      { id: 'piet', box: { x: 500, y: 250, width: 140, height: 84 }, organisationId: 'elsewhere' },
    ];
    expect(enclosedOutsiders(shape.outline, new Set(['a', 'b']), nodes).map((n) => n.id)).toEqual(['piet']);
  });
});
