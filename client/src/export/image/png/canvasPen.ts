import type { DotTextState } from './bulletDots.ts';
import { NO_DASH } from './paintStyle.ts';
import type { PaintStyle } from './paintStyle.ts';

/** The context state the pen sets only when it changes. */
export interface PenState extends DotTextState {
  readonly dash: readonly number[];
}

/**
 * Fills, strokes and writes text on a Canvas 2D context with an SVG
 * element's style, setting font, letter-spacing, alignment and dash only
 * when they change: thousands of elements share a few styles, and setting a
 * font or letter-spacing makes the canvas resolve the font again.
 */
export class CanvasPen {
  private font = '';
  private letterSpacing = '0px';
  private textAlign: CanvasTextAlign = 'start';
  private dash: readonly number[] = NO_DASH;

  constructor(readonly context: OffscreenCanvasRenderingContext2D) {}

  /** What the pen believes the context holds; put back with `state` after a `restore()`. */
  get state(): PenState {
    return { font: this.font, letterSpacing: this.letterSpacing, textAlign: this.textAlign, dash: this.dash };
  }

  set state(value: PenState) {
    this.font = value.font;
    this.letterSpacing = value.letterSpacing;
    this.textAlign = value.textAlign;
    this.dash = value.dash;
  }

  /** Records text state someone else set on the context (see `BulletDotPainter.paint`). */
  adoptText(text: DotTextState): void {
    this.font = text.font;
    this.letterSpacing = text.letterSpacing;
    this.textAlign = text.textAlign;
  }

  /** Fills and strokes `path`; `dashOffset`: where in its dash pattern the stroke starts. */
  shape(path: Path2D, style: PaintStyle, dashOffset = 0): void {
    const c = this.context;
    if (style.fill !== 'none' && style.fillOpacity > 0) {
      c.globalAlpha = style.fillOpacity;
      c.fillStyle = style.fill;
      c.fill(path);
    }
    if (style.stroke !== 'none' && style.strokeWidth > 0 && style.strokeOpacity > 0) {
      c.globalAlpha = style.strokeOpacity;
      c.strokeStyle = style.stroke;
      c.lineWidth = style.strokeWidth;
      c.lineCap = style.lineCap;
      c.lineJoin = style.lineJoin;
      if (style.dash !== this.dash) {
        c.setLineDash(style.dash);
        this.dash = style.dash;
      }
      if (dashOffset !== 0) c.lineDashOffset = dashOffset;
      c.stroke(path);
      if (dashOffset !== 0) c.lineDashOffset = 0;
    }
    c.globalAlpha = 1;
  }

  /** One line of text at `(x, y)`, anchored as `style.textAnchor` says. */
  text(content: string, x: number, y: number, style: PaintStyle): void {
    if (!content || style.fill === 'none') return;
    const c = this.context;
    const font = `${style.fontWeight} ${style.fontSize}px ${style.fontFamily}`;
    if (font !== this.font) {
      c.font = font;
      this.font = font;
    }
    const letterSpacing = `${style.letterSpacing}px`;
    if (letterSpacing !== this.letterSpacing) {
      c.letterSpacing = letterSpacing;
      this.letterSpacing = letterSpacing;
    }
    const align = style.textAnchor === 'middle' ? 'center' : style.textAnchor === 'end' ? 'end' : 'start';
    if (align !== this.textAlign) {
      c.textAlign = align;
      this.textAlign = align;
    }
    c.globalAlpha = style.fillOpacity;
    c.fillStyle = style.fill;
    c.fillText(content, x, y);
    c.globalAlpha = 1;
  }
}
