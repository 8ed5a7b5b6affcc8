/**
 * Chromium refuses canvases over 16,384 px a side or about 268 M pixels, and
 * fails silently (a blank image); Firefox and Safari have lower area limits.
 * These bounds stay under all of them with room for the RGBA buffer
 * (100 M px ≈ 400 MB).
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 100_000_000;

export interface CanvasFit {
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
  /** Pixels per SVG unit actually used. */
  readonly scale: number;
  /** Set when the requested scale did not fit: the scale used instead (below the requested one). */
  readonly scaledDownTo: number | null;
}

/** The largest pixel size at most `scale`× the SVG's that a browser canvas can hold. */
export function fitCanvas(svgWidth: number, svgHeight: number, scale: number): CanvasFit {
  if (!(svgWidth > 0 && svgHeight > 0 && scale > 0)) {
    throw new Error(`cannot render an image of ${svgWidth}×${svgHeight} at scale ${scale}`);
  }
  const limit = Math.min(
    scale,
    MAX_CANVAS_SIDE / svgWidth,
    MAX_CANVAS_SIDE / svgHeight,
    Math.sqrt(MAX_CANVAS_AREA / (svgWidth * svgHeight)),
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
