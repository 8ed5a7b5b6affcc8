import { describe, expect, it } from 'vitest';
import { nodeObstacle, placeProjectLabels } from './projectLabelPlacement.ts';
import type { PlacedLabel } from './projectLabelPlacement.ts';
import { projectShape } from './projectShape.ts';
import { projectLabelWidth, shortProjectName } from './projectAreaLayout.ts';
import type { Box } from './projectShape.ts';

const PADDING = 26;
const HEIGHT = 32;

function request(members: readonly Box[], width: number) {
  const shape = projectShape(members, PADDING)!;
  return { outline: shape.outline, preferred: shape.labelAt, width, height: HEIGHT };
}

function labelBox(at: Pick<PlacedLabel, 'x' | 'y'>, width: number): Box {
  return { x: at.x - width / 2, y: at.y - HEIGHT / 2, width, height: HEIGHT };
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** How far `p` is from the outline's nearest corner-to-corner segment. */
function distanceToOutline(
  p: { x: number; y: number },
  outline: readonly { x: number; y: number }[],
): number {
  let best = Infinity;
  for (let i = 0; i < outline.length; i += 1) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
  }
  return best;
}

// Project "Kansrijk Leiden-Noord": two cards side by side; a person of another project stands on the
// area's upper edge, right where the tag would go above the members' middle.
const gemeente: Box = { x: 0, y: 200, width: 220, height: 64 };
const portaal: Box = { x: 420, y: 200, width: 220, height: 64 };
const person: Box = { x: 250, y: 120, width: 140, height: 84 };
const obstacles = [
  nodeObstacle(gemeente, 'organisation'),
  nodeObstacle(portaal, 'organisation'),
  nodeObstacle(person, 'person'),
];

describe('placing project name tags', () => {
  it('keeps the tag above the members’ middle when nothing is in the way', () => {
    const wanted = request([gemeente, portaal], 200);
    const [at] = placeProjectLabels([wanted], obstacles.slice(0, 2));
    expect(at).toEqual({
      x: wanted.preferred.x,
      y: wanted.preferred.y,
      overlap: 0,
      width: 200,
      shortened: false,
    });
  });

  it('moves the tag along the outline off a person’s circle that stands on it', () => {
    const wanted = request([gemeente, portaal], 200);
    // Today's spot covers the person.
    expect(intersects(labelBox(wanted.preferred, 200), person)).toBe(true);
    const [at] = placeProjectLabels([wanted], obstacles);
    expect(at!.overlap).toBe(0);
    for (const box of obstacles) expect(intersects(labelBox(at!, 200), box)).toBe(false);
    // Still on its own area: on the outline, or just outside it.
    expect(distanceToOutline(at!, wanted.outline)).toBeLessThanOrEqual(HEIGHT / 2 + 3);
  });

  it('gives two projects with the same spot two tags that do not overlap', () => {
    const one = request([gemeente, portaal], 220);
    const two = request([gemeente, portaal], 180);
    const [a, b] = placeProjectLabels([one, two], obstacles);
    expect(a!.overlap).toBe(0);
    expect(b!.overlap).toBe(0);
    expect(intersects(labelBox(a!, 220), labelBox(b!, 180))).toBe(false);
  });

  it('prefers the upper edge: a card in the way at the top moves the tag sideways, not to the bottom', () => {
    const wide: Box = { x: 0, y: 200, width: 900, height: 64 };
    const wanted = request([wide], 200);
    const blocker: Box = { x: 380, y: 100, width: 140, height: 84 };
    const [at] = placeProjectLabels([wanted], [wide, nodeObstacle(blocker, 'person')]);
    expect(at!.overlap).toBe(0);
    expect(at!.y).toBeLessThan(wide.y);
  });

  it('falls back to the spot that covers least when every spot covers something', () => {
    const small: Box = { x: 0, y: 0, width: 140, height: 84 };
    const wanted = request([small], 200);
    const everywhere: Box = { x: -1000, y: -1000, width: 2000, height: 2000 };
    const [at] = placeProjectLabels([wanted], [everywhere]);
    expect(at!.overlap).toBeGreaterThan(0);
    expect(Number.isFinite(at!.x) && Number.isFinite(at!.y)).toBe(true);
  });

  it('shortens the tag where the whole of it fits nowhere, and keeps it whole where it does', () => {
    // One card in a ring of small cards 60 px apart, close around its area: a 300 px tag covers one of
    // them wherever it goes on the outline, a 50 px one fits in a gap above.
    const member: Box = { x: 0, y: 0, width: 220, height: 64 };
    const ring: Box[] = [];
    for (let x = -560; x <= 560; x += 160) {
      ring.push({ x, y: -100, width: 100, height: 64 }, { x, y: 100, width: 100, height: 64 });
    }
    for (let y = -100; y <= 100; y += 100) {
      ring.push({ x: -150, y, width: 100, height: 64 }, { x: 270, y, width: 100, height: 64 });
      ring.push({ x: -560, y, width: 300, height: 64 }, { x: 480, y, width: 300, height: 64 });
    }
    const wanted = { ...request([member], 300), shortWidth: 50 };
    const [at] = placeProjectLabels([wanted], [member, ...ring]);
    expect(at!.shortened).toBe(true);
    expect(at!.width).toBe(50);
    expect(at!.overlap).toBe(0);
    const [whole] = placeProjectLabels([wanted], [member]);
    expect(whole).toMatchObject({ shortened: false, width: 300, overlap: 0 });
  });

  it('cuts a long name to a short tag with an ellipsis, and leaves a short one alone', () => {
    expect(shortProjectName('Wijk')).toBe('Wijk');
    const short = shortProjectName('Samenwerkingsverband Jeugdhulp Holland Rijnland');
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThan(20);
    expect(projectLabelWidth(short)).toBeLessThan(projectLabelWidth('Samenwerkingsverband Jeugdhulp'));
  });
});
