import { describe, expect, it } from 'vitest';
import { BoardThroughput } from './BoardThroughput.ts';

describe('BoardThroughput', () => {
  it('while the board is over budget, refuses the heavy senders and lets the light ones through', () => {
    let now = 0;
    const board = new BoardThroughput<string>(1000, 2000, () => now);
    // Two heavy senders spend the budget…
    for (let i = 0; i < 4; i++) {
      now += 10;
      board.take('heavy-1', 500);
      board.take('heavy-2', 500);
    }
    now += 10;
    expect(board.take('light', 20)).toBe(true);
    expect(board.take('heavy-1', 500)).toBe(false);
    expect(board.take('heavy-2', 500)).toBe(false);
    expect(board.take('light', 20)).toBe(true);
    // …and once it has refilled, anyone may send again.
    now += 5_000;
    expect(board.take('heavy-1', 500)).toBe(true);
  });

  it('a lone sender is never held back by the board (its own connection limits apply)', () => {
    let now = 0;
    const board = new BoardThroughput<string>(100, 100, () => now);
    for (let i = 0; i < 10; i++) {
      now += 10;
      expect(board.take('only', 1000)).toBe(true);
    }
  });
});
