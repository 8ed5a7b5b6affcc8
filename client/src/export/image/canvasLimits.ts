/**
 * Chromium refuses canvases over 16,384 px a side or about 268 M pixels, and
 * fails silently (a blank image); Firefox and Safari have lower area limits.
 * These bounds stay under all of them with room for the RGBA buffer
 * (100 M px ≈ 400 MB).
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 100_000_000;

/**
 * The most pixels a 1× or 2× PNG export makes (≈ 7,300 × 4,900). A 2× PNG of
 * the 2,000-node benchmark map would be 410 M pixels (94 M at the canvas
 * limit): more than any report or slide can show, and seconds of painting and
 * encoding. Normal boards never reach it (a 3,000 × 2,000 board at 2× is
 * 24 M pixels); larger ones are made at the largest scale under it, reported
 * as `scaledDownTo`. SVG has no such limit.
 */
export const PNG_PIXEL_BUDGET = 36_000_000;

/** The budget of a 4× PNG, the poster option: a realistic board (≈ 2,500 × 1,500) still gets exactly 4×. */
export const PNG_POSTER_PIXEL_BUDGET = 64_000_000;

/** The pixel budget of a PNG export at `scale`. */
export function pngPixelBudget(scale: number): number {
  return scale >= 4 ? PNG_POSTER_PIXEL_BUDGET : PNG_PIXEL_BUDGET;
}

export interface CanvasFit {
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
  /** Pixels per SVG unit actually used. */
  readonly scale: number;
  /** Set when the requested scale did not fit the limits: the scale used instead (below the requested one). */
  readonly scaledDownTo: number | null;
}

/**
 * The largest pixel size at most `scale`× the SVG's that a browser canvas can
 * hold, with at most `maxPixels` pixels (never more than `MAX_CANVAS_AREA`).
 */
export function fitCanvas(
  svgWidth: number,
  svgHeight: number,
  scale: number,
  maxPixels: number = MAX_CANVAS_AREA,
): CanvasFit {
  if (!(svgWidth > 0 && svgHeight > 0 && scale > 0)) {
    throw new Error(`cannot render an image of ${svgWidth}×${svgHeight} at scale ${scale}`);
  }
  const limit = Math.min(
    scale,
    MAX_CANVAS_SIDE / svgWidth,
    MAX_CANVAS_SIDE / svgHeight,
    Math.sqrt(Math.min(maxPixels, MAX_CANVAS_AREA) / (svgWidth * svgHeight)),
  );
  // Floor to 1/1000 so that rounding the pixel size up never crosses a limit.
  const used = limit < scale ? Math.floor(limit * 1000) / 1000 : scale;
  return {
    width: Math.max(1, Math.floor(svgWidth * used)),
    height: Math.max(1, Math.floor(svgHeight * used)),
    scale: used,
    scaledDownTo: used < scale ? used : null,
  };
}
