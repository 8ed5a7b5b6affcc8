import { getViewportForBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { fitClearOfOverlays, mergeOverlays, paddingSides } from './fitClearOfOverlays.ts';
import type { Rect, Sides, Viewport } from './fitClearOfOverlays.ts';

const W = 1024;
const H = 640;
const base: Sides = { top: 130, right: 28, bottom: 72, left: 28 };
const minimap: Rect = { x: W - 15 - 180, y: H - 15 - 120, width: 180, height: 120 };
const toolbar: Rect = { x: 15, y: 15, width: 600, height: 110 };

/** A row of cards from left to right with one at the bottom right corner. */
const cards: Rect[] = [
  { x: 0, y: 0, width: 220, height: 64 },
  { x: 400, y: 150, width: 220, height: 64 },
  { x: 1000, y: 536, width: 220, height: 64 },
];
const bounds = { x: 0, y: 0, width: 1220, height: 600 };

const viewportFor = (sides: Sides): Viewport =>
  getViewportForBounds(bounds, W, H, 0.1, 2.5, {
    top: `${sides.top}px`,
    right: `${sides.right}px`,
    bottom: `${sides.bottom}px`,
    left: `${sides.left}px`,
  });

function under(viewport: Viewport, overlay: Rect): Rect[] {
  return cards.filter((card) => {
    const x = card.x * viewport.zoom + viewport.x;
    const y = card.y * viewport.zoom + viewport.y;
    const w = card.width * viewport.zoom;
    const h = card.height * viewport.zoom;
    return (
      x < overlay.x + overlay.width &&
      overlay.x < x + w &&
      y < overlay.y + overlay.height &&
      overlay.y < y + h
    );
  });
}

describe('fitting the map clear of what floats over it', () => {
  it('the fit with the usual padding puts the bottom-right card under the minimap; this one does not', () => {
    expect(under(viewportFor(base), minimap)).toHaveLength(1);
    const fitted = fitClearOfOverlays({
      width: W,
      height: H,
      base,
      overlays: [minimap, toolbar],
      items: cards,
      viewportFor,
    });
    expect(under(fitted, minimap)).toEqual([]);
    expect(under(fitted, toolbar)).toEqual([]);
    // At least as large as the better of the two ways round: padding at the right or at the bottom.
    const right = viewportFor({ ...base, right: W - minimap.x + 8 });
    const bottom = viewportFor({ ...base, bottom: H - minimap.y + 8 });
    expect(fitted.zoom).toBeGreaterThanOrEqual(Math.max(right.zoom, bottom.zoom) - 1e-9);
  });

  it('keeps the usual fit when no card is under an overlay', () => {
    const corner: Rect = { x: W - 60, y: 10, width: 50, height: 50 };
    const fitted = fitClearOfOverlays({
      width: W,
      height: H,
      base: { top: 20, right: 20, bottom: 20, left: 20 },
      overlays: [corner],
      items: [{ x: 0, y: 300, width: 1220, height: 64 }],
      viewportFor,
    });
    expect(fitted).toEqual(viewportFor({ top: 20, right: 20, bottom: 20, left: 20 }));
  });

  it('leaves alone what floats in the middle of the map (a hint on an empty map): no padding pushes it away', () => {
    const hint: Rect = { x: 265, y: 292, width: 540, height: 79 };
    const fitted = fitClearOfOverlays({
      width: W,
      height: H,
      base,
      overlays: [hint],
      items: cards,
      viewportFor,
    });
    expect(fitted).toEqual(viewportFor(base));
  });

  it('reads paddings as React Flow does, and merges touching overlays into one', () => {
    expect(paddingSides({ top: '130px', bottom: '72px', left: '28px', right: '10%' }, 1000, 800)).toEqual({
      top: 130,
      bottom: 72,
      left: 28,
      right: 100,
    });
    expect(paddingSides(0.1, 1100, 880)).toEqual({ top: 40, bottom: 40, left: 50, right: 50 });
    expect(
      mergeOverlays([
        { x: 0, y: 0, width: 100, height: 40 },
        { x: 0, y: 44, width: 300, height: 40 },
        { x: 600, y: 0, width: 50, height: 50 },
      ]),
    ).toEqual([
      { x: 0, y: 0, width: 300, height: 84 },
      { x: 600, y: 0, width: 50, height: 50 },
    ]);
  });
});
