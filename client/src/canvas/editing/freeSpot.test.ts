import { describe, expect, it } from 'vitest';
import { freeSpotNear } from './freeSpot.ts';
import type { Box } from '../projects/projectShape.ts';

const NOTE = { width: 220, height: 110 };

function overlaps(at: { x: number; y: number }, box: Box): boolean {
  return (
    at.x < box.x + box.width &&
    box.x < at.x + NOTE.width &&
    at.y < box.y + box.height &&
    box.y < at.y + NOTE.height
  );
}

describe('a free spot for a new note', () => {
  it('is where the note would go when nothing is there', () => {
    const card: Box = { x: 500, y: 500, width: 220, height: 64 };
    expect(freeSpotNear({ x: 0, y: 0 }, NOTE, [card])).toEqual({ x: 0, y: 0 });
  });

  it('is the nearest place off the card the note would land on', () => {
    const card: Box = { x: 0, y: 0, width: 220, height: 64 };
    const want = { x: 10, y: 0 };
    expect(overlaps(want, card)).toBe(true);
    const spot = freeSpotNear(want, NOTE, [card]);
    expect(overlaps(spot, card)).toBe(false);
    // Just above the card (its 64 px and a gap are the shortest way out), not far away.
    expect(Math.hypot(spot.x - want.x, spot.y - want.y)).toBeLessThanOrEqual(64 + 110 + 16 + 20);
  });

  it('keeps clear of other notes and cards all around, and finds the gap between them', () => {
    const obstacles: Box[] = [];
    // A ring of cards with a note-sized hole at (600, 300).
    for (let x = 0; x < 1400; x += 240) {
      for (let y = 0; y < 800; y += 90) {
        const box = { x, y, width: 220, height: 64 };
        if (x >= 480 && x <= 720 && y >= 270 && y <= 360) continue;
        obstacles.push(box);
      }
    }
    const spot = freeSpotNear({ x: 300, y: 300 }, NOTE, obstacles);
    for (const box of obstacles) expect(overlaps(spot, box), JSON.stringify(box)).toBe(false);
  });

  it('stays where it was asked to be when nothing within reach is free', () => {
    const everything: Box = { x: -5000, y: -5000, width: 10_000, height: 10_000 };
    expect(freeSpotNear({ x: 1, y: 2 }, NOTE, [everything])).toEqual({ x: 1, y: 2 });
  });
});
