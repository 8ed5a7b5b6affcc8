import { describe, expect, it } from 'vitest';
import type { NodeBox } from '../edges/floatingGeometry.ts';
import { MOVING_LIMIT, trackMovingNodes } from './movingNodes.ts';

const node = (x: number, y: number) => ({ type: 'organisation', x, y, width: 200, height: 60 }) as NodeBox;

const board = (count: number, moved: Record<number, number> = {}) =>
  new Map(Array.from({ length: count }, (_, i) => [`n${i}`, node(i * 300 + (moved[i] ?? 0), 0)]));

describe('nodes moving at the overview', () => {
  it('keeps the set while the same nodes move, and starts over when many move at once', () => {
    const first = trackMovingNodes(null, board(100));
    expect(first.moving.size).toBe(0);

    const one = trackMovingNodes(first, board(100, { 3: 10 }));
    expect([...one.moving]).toEqual(['n3']);
    expect(one.generation).toBe(first.generation);

    const again = trackMovingNodes(one, board(100, { 3: 20 }));
    expect(again.moving).toBe(one.moving);

    const still = trackMovingNodes(again, board(100, { 3: 20 }));
    expect(still.moving).toBe(one.moving);

    const many = Object.fromEntries(Array.from({ length: MOVING_LIMIT + 1 }, (_, i) => [i, 50]));
    const reset = trackMovingNodes(still, board(100, many));
    expect(reset.moving.size).toBe(0);
    expect(reset.generation).toBe(first.generation + 1);

    const added = trackMovingNodes(reset, board(101));
    expect(added.moving.size).toBe(0);
    expect(added.generation).toBe(reset.generation + 1);
  });
});
