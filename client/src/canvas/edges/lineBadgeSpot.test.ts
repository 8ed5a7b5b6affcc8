import { describe, expect, it } from 'vitest';
import { floatingGeometry } from './floatingGeometry.ts';
import { badgeBox, lineBadgeSpot, pointOnLine } from './lineBadgeSpot.ts';
import type { Box } from '../projects/projectShape.ts';

const size = { width: 56, height: 26, lift: 14 };
const a = { type: 'organisation', x: 0, y: 0, width: 220, height: 64 };
const b = { type: 'organisation', x: 900, y: 0, width: 220, height: 64 };
const line = floatingGeometry(a, b);

function intersects(p: Box, q: Box): boolean {
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

describe('where a relationship’s badges go on its line', () => {
  it('stays at the middle when no card covers it', () => {
    expect(lineBadgeSpot(line, size, [a, b])).toEqual(line.middle);
  });

  it('moves along the line off a card that lies over the middle, and stays on the line', () => {
    const over: Box = { x: 450, y: -30, width: 220, height: 64 };
    expect(intersects(badgeBox(line.middle, size), over)).toBe(true);
    const spot = lineBadgeSpot(line, size, [a, b, over]);
    expect(intersects(badgeBox(spot, size), over)).toBe(false);
    expect(intersects(badgeBox(spot, size), a)).toBe(false);
    // On the straight line between the cards.
    expect(spot.y).toBeCloseTo(line.middle.y, 6);
    expect(spot.x).toBeGreaterThan(220);
    expect(spot.x).toBeLessThan(900);
  });

  it('follows a curved line (a second relationship between the same pair)', () => {
    const curved = floatingGeometry(a, b, 1);
    const over: Box = { x: 480, y: -40, width: 140, height: 120 };
    const spot = lineBadgeSpot(curved, size, [over]);
    expect(intersects(badgeBox(spot, size), over)).toBe(false);
    const t = (spot.x - curved.from.x) / (curved.to.x - curved.from.x);
    // The curve's point at the same place along it (x grows evenly along this symmetric curve).
    expect(Math.abs(pointOnLine(curved, t).y - spot.y)).toBeLessThan(2);
  });

  it('keeps the middle when every point is covered alike', () => {
    const everywhere: Box = { x: -5000, y: -5000, width: 10_000, height: 10_000 };
    expect(lineBadgeSpot(line, size, [everywhere])).toEqual(line.middle);
  });
});
