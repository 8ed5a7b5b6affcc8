import { describe, expect, it } from 'vitest';
import {
  fitCanvas,
  MAX_CANVAS_AREA,
  MAX_CANVAS_SIDE,
  PNG_PIXEL_BUDGET,
  PNG_POSTER_PIXEL_BUDGET,
  pngPixelBudget,
} from './canvasLimits.ts';

describe('fitCanvas', () => {
  it('keeps the requested scale when it fits', () => {
    expect(fitCanvas(2000, 1000, 4)).toEqual({ width: 8000, height: 4000, scale: 4, scaledDownTo: null });
  });

  it('scales a long side down to the side limit and says so', () => {
    const fit = fitCanvas(54_000, 2_000, 2);
    expect(fit.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(fit.scaledDownTo).not.toBeNull();
    expect(fit.scaledDownTo!).toBeLessThan(2);
    expect(fit.width).toBeGreaterThan(MAX_CANVAS_SIDE * 0.99);
  });

  it('scales a large area down to the area limit', () => {
    const fit = fitCanvas(9_000, 9_000, 2);
    expect(fit.width * fit.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(fit.width * fit.height).toBeGreaterThan(MAX_CANVAS_AREA * 0.99);
    expect(fit.scaledDownTo).toBe(fit.scale);
  });

  it('rejects an empty size', () => {
    expect(() => fitCanvas(0, 100, 1)).toThrow(/cannot render/);
  });

  it('holds PNGs to the pixel budget: normal boards keep 1×, 2× and 4×, a 2,000-node map does not', () => {
    // The realistic test board, about 2,540 × 1,480 at 100%.
    for (const scale of [1, 2, 4] as const) {
      expect(fitCanvas(2_540, 1_480, scale, pngPixelBudget(scale)).scaledDownTo).toBeNull();
    }
    // The benchmark map, 17,081 × 6,008 at 100%: 2× would be 410 M pixels.
    const big = fitCanvas(17_081, 6_008, 2, pngPixelBudget(2));
    expect(big.scaledDownTo).toBeCloseTo(0.592, 2);
    expect(big.width * big.height).toBeLessThanOrEqual(PNG_PIXEL_BUDGET);
    expect(big.width * big.height).toBeGreaterThan(PNG_PIXEL_BUDGET * 0.99);
    const poster = fitCanvas(17_081, 6_008, 4, pngPixelBudget(4));
    expect(poster.width * poster.height).toBeLessThanOrEqual(PNG_POSTER_PIXEL_BUDGET);
    // A budget above the canvas limit does not lift the limit.
    expect(
      fitCanvas(20_000, 20_000, 1, 1e9).width * fitCanvas(20_000, 20_000, 1, 1e9).height,
    ).toBeLessThanOrEqual(MAX_CANVAS_AREA);
  });
});
