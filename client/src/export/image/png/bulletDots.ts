type Context = OffscreenCanvasRenderingContext2D;

const BULLET = '\u2022';
/** Bullets in the row whose width gives a font size's advance. */
const ADVANCE_SAMPLE = 64;
/** Font size the bullet is measured at, in px; the probe canvas is twice that. */
const PROBE_SIZE = 100;
/**
 * How far the spread of a bullet's ink (mean squared distance from its
 * centre) may be from a disc's of the same area: a square's is 5 % more.
 */
const ROUNDNESS_TOLERANCE = 0.02;

/** Where a font's bullet (U+2022) sits and how large it is, per px of font size. */
export interface BulletShape {
  readonly font: string;
  /** Diameter of the disc. */
  readonly diameter: number;
  /** The disc's centre, right of the glyph's origin. */
  readonly centerX: number;
  /** The disc's centre, above the baseline. */
  readonly centerY: number;
}

/**
 * The bullet of `fontFamily` (as the export SVG names it, a CSS family
 * list) if it is a disc, measured from its ink (text metrics are whole
 * pixels): its area gives the diameter, its centroid the centre, and its
 * spread must be a disc's. Null for a square or missing bullet, or a family
 * the worker cannot draw. The font must be loaded first.
 */
export function measureBullet(fontFamily: string): BulletShape | null {
  const side = 2 * PROBE_SIZE;
  const c = new OffscreenCanvas(side, side).getContext('2d', { willReadFrequently: true });
  if (!c) return null;
  c.font = `400 ${PROBE_SIZE}px ${fontFamily}`;
  const origin = PROBE_SIZE / 2;
  c.fillText(BULLET, origin, origin + PROBE_SIZE / 2);
  const pixels = c.getImageData(0, 0, side, side).data;
  let [ink, sumX, sumY, sumSquares] = [0, 0, 0, 0];
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const a = pixels[(y * side + x) * 4 + 3]! / 255;
      if (a === 0) continue;
      const [px, py] = [x + 0.5, y + 0.5];
      ink += a;
      sumX += a * px;
      sumY += a * py;
      sumSquares += a * (px * px + py * py);
    }
  }
  if (ink < 16) return null;
  const [cx, cy] = [sumX / ink, sumY / ink];
  const spread = sumSquares / ink - cx * cx - cy * cy;
  const radiusSquared = ink / Math.PI;
  if (Math.abs(spread / (radiusSquared / 2) - 1) > ROUNDNESS_TOLERANCE) return null;
  return {
    font: fontFamily,
    diameter: (2 * Math.sqrt(radiusSquared)) / PROBE_SIZE,
    centerX: (cx - origin) / PROBE_SIZE,
    centerY: (origin + PROBE_SIZE / 2 - cy) / PROBE_SIZE,
  };
}

/** A dotted stroke: round caps on dashes so short that each is a dot. */
export interface DottedStroke {
  readonly width: number;
  readonly on: number;
  readonly off: number;
}

/**
 * The most a dot may be longer than wide, in image pixels, to be painted as a
 * disc (of the same area): below a pixel the two look the same.
 */
const MAX_DOT_STRETCH_PX = 1;

/** Whether a stroke's dash array, cap and width make dots a bullet can paint at `pixelsPerUnit`. */
export function dottedStroke(
  width: number,
  dash: readonly number[],
  lineCap: CanvasLineCap,
  pixelsPerUnit: number,
): DottedStroke | null {
  const [on = 0, off = 0] = dash;
  if (lineCap !== 'round' || dash.length !== 2 || !(width > 0 && off > 0 && on >= 0)) return null;
  // Dots must not touch: one glyph each, and alpha where two overlap would differ from a stroke's.
  if (on * pixelsPerUnit > MAX_DOT_STRETCH_PX || on + off <= width) return null;
  return { width, on, off };
}

/** What `BulletDotPainter.paint` sets on the context: the caller keeps track of it (see `ExportSvgPainter`). */
export interface DotTextState {
  readonly font: string;
  readonly letterSpacing: string;
  readonly textAlign: CanvasTextAlign;
}

/**
 * Paints the dots of dotted straight lines as rows of bullet glyphs, one
 * `fillText` a line, rotated along it and spaced by letter-spacing. Skia
 * strokes each round dot of a dashed stroke into its own small outline and
 * fills it, which is slow for the hundred thousand dots of a large map; a
 * glyph is rasterised once per size and angle and then copied. A dot of a
 * stroke is a disc stretched by its dash length; the bullet is the disc of
 * the same area.
 */
export class BulletDotPainter {
  /** Advance of one bullet as the canvas lays out a row of them, by CSS font (not quite the font's nominal one). */
  private readonly advances = new Map<string, number>();

  constructor(
    private readonly context: Context,
    private readonly bullet: BulletShape,
  ) {}

  /**
   * The dots of the line from `(x0, y0)` to `(x1, y1)` whose centres lie
   * between `from` and `to` (fractions of the line; a stroke's dots sit at
   * every period from its start). Expects the context's fill style and alpha
   * set; returns the text state it set, or null if it painted nothing.
   */
  paint(
    stroke: DottedStroke,
    line: readonly [x0: number, y0: number, x1: number, y1: number],
    from: number,
    to: number,
  ): DotTextState | null {
    const [x0, y0, x1, y1] = line;
    const length = Math.hypot(x1 - x0, y1 - y0);
    const period = stroke.on + stroke.off;
    // Dot k covers [k·period − width/2, k·period + on + width/2]; a stroke draws the dots up to its end.
    const reach = stroke.width / 2 + stroke.on;
    const first = Math.max(0, Math.ceil((from * length - reach) / period));
    const last = Math.min(Math.floor(length / period), Math.floor((to * length + reach) / period));
    if (last < first) return null;
    const { bullet, context } = this;
    const diameter = Math.sqrt(stroke.width * stroke.width + (4 / Math.PI) * stroke.on * stroke.width);
    const size = diameter / bullet.diameter;
    const font = `400 ${size}px ${bullet.font}`;
    context.font = font;
    const state: DotTextState = {
      font,
      letterSpacing: `${period - this.advance(font)}px`,
      textAlign: 'start',
    };
    context.letterSpacing = state.letterSpacing;
    context.textAlign = state.textAlign;
    context.save();
    context.translate(x0, y0);
    context.rotate(Math.atan2(y1 - y0, x1 - x0));
    context.fillText(
      BULLET.repeat(last - first + 1),
      first * period + stroke.on / 2 - bullet.centerX * size,
      bullet.centerY * size,
    );
    context.restore();
    return state;
  }

  /** Measured on a long row: an error in one advance would add up along a line of hundreds of dots. */
  private advance(font: string): number {
    let advance = this.advances.get(font);
    if (advance === undefined) {
      this.context.letterSpacing = '0px';
      advance = this.context.measureText(BULLET.repeat(ADVANCE_SAMPLE)).width / ADVANCE_SAMPLE;
      this.advances.set(font, advance);
    }
    return advance;
  }
}
