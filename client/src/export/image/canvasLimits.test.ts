import { describe, expect, it } from 'vitest';
import { fitCanvas, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from './canvasLimits.ts';

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
});
