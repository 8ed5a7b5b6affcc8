import type { PaintStyle } from './paintStyle.ts';

/**
 * Pixels beyond a shape's computed extent that it may still touch:
 * anti-aliasing, round caps, arrowheads' joins.
 */
const CULL_MARGIN_PX = 4;
/** How far a miter join may reach out, in half stroke widths (canvas's default miter limit). */
const MITER_LIMIT = 10;

/** The vertical part of the current transform: a y in the element's units is at row `scaleY * y + translateY`. */
export interface VerticalTransform {
  readonly scaleY: number;
  readonly translateY: number;
}

/**
 * The rows of the canvas a painter paints, and where the current transform
 * puts an element's y: tells which shapes reach those rows, so a band's
 * painter skips the rest before the canvas shapes their text, parses their
 * paths or dashes their strokes.
 */
export class PaintedRows {
  scaleY = 1;
  translateY = 0;

  /** `rows`: the canvas's height in rows; `Infinity` paints everything. */
  constructor(readonly rows: number) {}

  get transform(): VerticalTransform {
    return { scaleY: this.scaleY, translateY: this.translateY };
  }

  set transform(value: VerticalTransform) {
    this.scaleY = value.scaleY;
    this.translateY = value.translateY;
  }

  /** Follows a `translate(…, dy)` of the context. */
  translate(dy: number): void {
    this.translateY += this.scaleY * dy;
  }

  /** Follows a `scale(…, sy)` of the context. */
  scale(sy: number): void {
    this.scaleY *= sy;
  }

  /**
   * Whether a shape spanning `[top, bottom]` in its own units, with this
   * style's stroke (and, for text, no stroke), reaches the painted rows.
   */
  visible(top: number, bottom: number, style: PaintStyle): boolean {
    if (this.rows === Infinity) return true;
    const stroke =
      style.stroke === 'none' ? 0 : (style.strokeWidth / 2) * (style.lineJoin === 'miter' ? MITER_LIMIT : 1);
    const a = this.scaleY * (top - stroke) + this.translateY;
    const b = this.scaleY * (bottom + stroke) + this.translateY;
    return Math.max(a, b) >= -CULL_MARGIN_PX && Math.min(a, b) <= this.rows + CULL_MARGIN_PX;
  }

  /**
   * The part `[from, to]` (fractions of the line) of a straight line from
   * `y0` to `y1` that reaches the painted rows, with a stroke width and a
   * margin to spare at both ends so the piece's own caps do not show.
   */
  lineRange(y0: number, y1: number, strokeWidth: number): [from: number, to: number] {
    const dy = y1 - y0;
    if (dy === 0 || this.rows === Infinity) return [0, 1];
    const reach = strokeWidth + CULL_MARGIN_PX / Math.abs(this.scaleY);
    const top = -this.translateY / this.scaleY;
    const bottom = (this.rows - this.translateY) / this.scaleY;
    const a = (Math.min(top, bottom) - reach - y0) / dy;
    const b = (Math.max(top, bottom) + reach - y0) / dy;
    return [Math.max(0, Math.min(a, b)), Math.min(1, Math.max(a, b))];
  }
}
