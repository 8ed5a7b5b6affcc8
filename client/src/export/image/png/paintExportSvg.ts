import type { SvgElement } from './parseExportSvg.ts';
import { BulletDotPainter, dottedStroke, measureBullet } from './bulletDots.ts';
import { pathYExtent } from './pathYExtent.ts';
import type { YExtent } from './pathYExtent.ts';

type Context = OffscreenCanvasRenderingContext2D;

/** Presentation attributes as SVG inherits them from `<svg>`, `<g>` and `<use>`. */
interface PaintStyle {
  readonly fill: string;
  readonly fillOpacity: number;
  readonly stroke: string;
  readonly strokeOpacity: number;
  readonly strokeWidth: number;
  readonly dash: readonly number[];
  readonly lineCap: CanvasLineCap;
  readonly lineJoin: CanvasLineJoin;
  readonly fontFamily: string;
  readonly fontSize: number;
  readonly fontWeight: string;
  readonly letterSpacing: number;
  readonly textAnchor: string;
}

const NO_DASH: readonly number[] = [];

const INITIAL: PaintStyle = {
  fill: '#000000',
  fillOpacity: 1,
  stroke: 'none',
  strokeOpacity: 1,
  strokeWidth: 1,
  dash: NO_DASH,
  lineCap: 'butt',
  lineJoin: 'miter',
  fontFamily: 'sans-serif',
  fontSize: 16,
  fontWeight: '400',
  letterSpacing: 0,
  textAnchor: 'start',
};

const numberOr = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? n : fallback;
};

const dashes = new Map<string, readonly number[]>([['none', NO_DASH]]);

/** One array per distinct `stroke-dasharray`, so the painter can tell by identity that the dash is unchanged. */
function dashArray(value: string): readonly number[] {
  let dash = dashes.get(value);
  if (!dash) {
    dash = value
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    dashes.set(value, dash);
  }
  return dash;
}

function inherit(style: PaintStyle, a: ReadonlyMap<string, string>): PaintStyle {
  if (a.size === 0) return style;
  const dash = a.get('stroke-dasharray');
  return {
    fill: a.get('fill') ?? style.fill,
    fillOpacity: numberOr(a.get('fill-opacity'), style.fillOpacity),
    stroke: a.get('stroke') ?? style.stroke,
    strokeOpacity: numberOr(a.get('stroke-opacity'), style.strokeOpacity),
    strokeWidth: numberOr(a.get('stroke-width'), style.strokeWidth),
    dash: dash === undefined ? style.dash : dashArray(dash),
    lineCap: (a.get('stroke-linecap') as CanvasLineCap | undefined) ?? style.lineCap,
    lineJoin: (a.get('stroke-linejoin') as CanvasLineJoin | undefined) ?? style.lineJoin,
    fontFamily: a.get('font-family') ?? style.fontFamily,
    fontSize: numberOr(a.get('font-size'), style.fontSize),
    fontWeight: a.get('font-weight') ?? style.fontWeight,
    letterSpacing: numberOr(a.get('letter-spacing'), style.letterSpacing),
    textAnchor: a.get('text-anchor') ?? style.textAnchor,
  };
}

/** The rows of the image a painter paints (see `ExportSvgPainter.paint`). */
export interface PaintBand {
  /** First row, in pixels of the whole image. */
  readonly top: number;
  readonly rows: number;
}

/**
 * Pixels beyond a shape's computed extent that it may still touch:
 * anti-aliasing, round caps, arrowheads' joins.
 */
const CULL_MARGIN_PX = 4;
/** Path data of one straight line, as `buildBoardSvg` writes relationship and affiliation lines. */
const STRAIGHT_LINE = /^M\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*L\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*$/;
/** How far a miter join may reach out, in half stroke widths (canvas's default miter limit). */
const MITER_LIMIT = 10;
/** A text line's reach above and below its baseline, in font sizes (generous: accents, descenders). */
const TEXT_ABOVE = 1.5;
const TEXT_BELOW = 0.75;

/** The vertical extent of a polygon's or polyline's `points`. */
function pointsYExtent(values: readonly number[]): YExtent {
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 1; i < values.length; i += 2) {
    top = Math.min(top, values[i]!);
    bottom = Math.max(bottom, values[i]!);
  }
  return [top, bottom];
}

/** The numbers of a `points` list. */
function pointValues(list: string): number[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
}

function points(values: readonly number[]): Path2D {
  const path = new Path2D();
  for (let i = 0; i + 1 < values.length; i += 2) {
    if (i === 0) path.moveTo(values[i]!, values[i + 1]!);
    else path.lineTo(values[i]!, values[i + 1]!);
  }
  path.closePath();
  return path;
}

/** The context state the painter sets only when it changes (and rolls back after a `restore()`). */
interface TrackedState {
  readonly font: string;
  readonly letterSpacing: string;
  readonly textAlign: CanvasTextAlign;
  readonly dash: readonly number[];
  /** The current transform's vertical part: a y in the element's units is at row `scaleY * y + translateY` of the canvas. */
  readonly scaleY: number;
  readonly translateY: number;
}

/**
 * Paints an export SVG's element tree (see `parseExportSvg`) on a Canvas 2D
 * context, element by element in document order, as a browser would render
 * the file: same paths, colours, opacities, dashes, fonts and text anchors.
 * `onStep(done, total)` is called every few hundred elements, for progress.
 */
export class ExportSvgPainter {
  private readonly ids = new Map<string, SvgElement>();
  private readonly paths = new Map<string, Path2D>();
  /** Context state last set, so thousands of elements with the same style do not re-set it (a font or letter-spacing change re-resolves the font). */
  private font = '';
  private letterSpacing = '0px';
  private textAlign: CanvasTextAlign = 'start';
  private dash: readonly number[] = NO_DASH;
  private scaleY = 1;
  private translateY = 0;
  /** Rows of the canvas outside which shapes are not painted at all (see `paint`). */
  private visibleRows = Infinity;
  /** Vertical extents of path data, by `d` (icons and badges repeat). */
  private readonly extents = new Map<string, YExtent>();
  private painted = 0;
  private readonly total: number;
  /**
   * Bullets by font family, measured by this painter (a glyph drawn and read
   * back), not cached across exports: a font still loading would be measured
   * as its fallback.
   */
  private readonly bullets = new Map<string, BulletDotPainter | null>();

  constructor(
    private readonly context: Context,
    private readonly root: SvgElement,
    private readonly onStep: (done: number, total: number) => void = () => {},
  ) {
    let total = 0;
    const visit = (element: SvgElement): void => {
      total += 1;
      const id = element.attributes.get('id');
      if (id) this.ids.set(id, element);
      element.children.forEach(visit);
    };
    visit(root);
    this.total = total;
  }

  /**
   * Paints the whole document at `scale` px per SVG unit; with `band`, only
   * that band of rows of the image, on a canvas of the band's height: the
   * picture is shifted up by `band.top` whole pixels (so the band's pixels
   * are exactly those of the whole image), and shapes that lie wholly
   * outside the band are not drawn at all. Skia would clip them, but only
   * after the canvas had shaped their text, parsed their paths and dashed
   * their strokes.
   */
  paint(scale: number, band?: PaintBand): void {
    this.context.save();
    this.context.translate(0, -(band?.top ?? 0));
    this.context.scale(scale, scale);
    this.scaleY = scale;
    this.translateY = -(band?.top ?? 0);
    this.visibleRows = band?.rows ?? Infinity;
    this.element(this.root, INITIAL);
    this.context.restore();
    this.onStep(this.total, this.total);
  }

  private tracked(): TrackedState {
    return {
      font: this.font,
      letterSpacing: this.letterSpacing,
      textAlign: this.textAlign,
      dash: this.dash,
      scaleY: this.scaleY,
      translateY: this.translateY,
    };
  }

  private track(state: TrackedState): void {
    this.font = state.font;
    this.letterSpacing = state.letterSpacing;
    this.textAlign = state.textAlign;
    this.dash = state.dash;
    this.scaleY = state.scaleY;
    this.translateY = state.translateY;
  }

  /** Applies a `transform` of translate/scale steps (all `buildBoardSvg` writes); anything else is an error. */
  private applyTransform(transform: string): void {
    for (const [, op, args] of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
      const [a = 0, b] = args!
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      if (op === 'translate') {
        this.context.translate(a, b ?? 0);
        this.translateY += this.scaleY * (b ?? 0);
      } else if (op === 'scale') {
        this.context.scale(a, b ?? a);
        this.scaleY *= b ?? a;
      } else throw new Error(`unsupported transform ${op}()`);
    }
  }

  /**
   * Whether a shape spanning `[top, bottom]` in its own units, with this
   * style's stroke (and, for text, no stroke), reaches the painted rows.
   */
  private visible(top: number, bottom: number, style: PaintStyle): boolean {
    if (this.visibleRows === Infinity) return true;
    const stroke =
      style.stroke === 'none' ? 0 : (style.strokeWidth / 2) * (style.lineJoin === 'miter' ? MITER_LIMIT : 1);
    const a = this.scaleY * (top - stroke) + this.translateY;
    const b = this.scaleY * (bottom + stroke) + this.translateY;
    return Math.max(a, b) >= -CULL_MARGIN_PX && Math.min(a, b) <= this.visibleRows + CULL_MARGIN_PX;
  }

  private pathExtent(d: string): YExtent {
    let extent = this.extents.get(d);
    if (!extent) {
      extent = pathYExtent(d);
      if (d.length < 400) this.extents.set(d, extent);
    }
    return extent;
  }

  private path(d: string): Path2D {
    let path = this.paths.get(d);
    if (!path) {
      path = new Path2D(d);
      // Only shared shapes (icons, badges) repeat; cache those, not the 5,000 one-off edges.
      if (d.length < 400) this.paths.set(d, path);
    }
    return path;
  }

  private element(element: SvgElement, parentStyle: PaintStyle): void {
    this.painted += 1;
    if (this.painted % 500 === 0) this.onStep(this.painted, this.total);
    const { name, attributes: a } = element;
    if (name === 'defs' || name === 'title' || name === 'style') return;
    const style = inherit(parentStyle, a);
    const transform = a.get('transform');
    // save()/restore(), not getTransform()/setTransform(): a DOMMatrix per card costs 10–40 µs in a
    // worker, save() ~1 µs. restore() also rolls back the font, letter-spacing, alignment and dash,
    // so the values this painter tracks are rolled back with them.
    const saved = transform ? this.tracked() : null;
    if (transform) {
      this.context.save();
      this.applyTransform(transform);
    }
    switch (name) {
      case 'svg':
      case 'g':
        for (const child of element.children) this.element(child, style);
        break;
      case 'use': {
        const target = this.ids.get((a.get('href') ?? a.get('xlink:href') ?? '').replace(/^#/, ''));
        if (!target) throw new Error(`<use> of an unknown shape ${a.get('href') ?? ''}`);
        this.element(target, style);
        break;
      }
      case 'path': {
        const d = a.get('d') ?? '';
        // Most paths are straight lines (relationships, affiliations): read those directly.
        const line = STRAIGHT_LINE.exec(d);
        if (line) {
          const [x0, y0, x1, y1] = [Number(line[1]), Number(line[2]), Number(line[3]), Number(line[4])];
          if (!this.visible(Math.min(y0, y1), Math.max(y0, y1), style)) break;
          if (style.dash.length > 0) {
            this.dashedLine(x0, y0, x1, y1, style);
            break;
          }
        } else if (this.visibleRows !== Infinity && !this.visible(...this.pathExtent(d), style)) break;
        this.shape(this.path(d), style);
        break;
      }
      case 'rect': {
        const rx = numberOr(a.get('rx'), 0);
        const box = [
          numberOr(a.get('x'), 0),
          numberOr(a.get('y'), 0),
          numberOr(a.get('width'), 0),
          numberOr(a.get('height'), 0),
        ] as const;
        if (!this.visible(box[1], box[1] + box[3], style)) break;
        const path = new Path2D();
        if (rx > 0) path.roundRect(...box, Math.min(rx, box[2] / 2, box[3] / 2));
        else path.rect(...box);
        this.shape(path, style);
        break;
      }
      case 'circle': {
        const [cy, r] = [numberOr(a.get('cy'), 0), numberOr(a.get('r'), 0)];
        if (!this.visible(cy - r, cy + r, style)) break;
        const path = new Path2D();
        path.arc(numberOr(a.get('cx'), 0), cy, r, 0, 2 * Math.PI);
        this.shape(path, style);
        break;
      }
      case 'polygon': {
        const list = a.get('points') ?? '';
        const values = pointValues(list);
        if (this.visible(...pointsYExtent(values), style)) this.shape(points(values), style);
        break;
      }
      case 'line': {
        const [y1, y2] = [numberOr(a.get('y1'), 0), numberOr(a.get('y2'), 0)];
        if (!this.visible(Math.min(y1, y2), Math.max(y1, y2), style)) break;
        const path = new Path2D();
        path.moveTo(numberOr(a.get('x1'), 0), y1);
        path.lineTo(numberOr(a.get('x2'), 0), y2);
        this.shape(path, { ...style, fill: 'none' });
        break;
      }
      case 'text': {
        // From above accents to below descenders of the baseline at y.
        const y = numberOr(a.get('y'), 0);
        const reach = [y - TEXT_ABOVE * style.fontSize, y + TEXT_BELOW * style.fontSize] as const;
        if (this.visible(...reach, { ...style, stroke: 'none' }))
          this.text(element.text, numberOr(a.get('x'), 0), y, style);
        break;
      }
      default:
        throw new Error(`unsupported SVG element <${name}>`);
    }
    if (saved) {
      this.context.restore();
      this.track(saved);
    }
  }

  /**
   * A dashed straight line (relationships, affiliations), cut to the painted
   * rows when it runs beyond them: Skia dashes and strokes a path whole before
   * it clips, and the long lines across a band's edge hold many of the
   * image's dashes. The piece kept starts its dash pattern where the whole
   * line has it at that point (`lineDashOffset`), so every dash falls where
   * it would; the piece's own ends lie a stroke width and a margin outside
   * the rows, so its caps do not show. A dotted line's dots in that piece are
   * painted as bullet glyphs instead (`dottedLine`).
   */
  private dashedLine(x0: number, y0: number, x1: number, y1: number, style: PaintStyle): void {
    let from = 0;
    let to = 1;
    const dy = y1 - y0;
    if (dy !== 0 && this.visibleRows !== Infinity) {
      const reach = style.strokeWidth + CULL_MARGIN_PX / Math.abs(this.scaleY);
      const top = -this.translateY / this.scaleY;
      const bottom = (this.visibleRows - this.translateY) / this.scaleY;
      const a = (Math.min(top, bottom) - reach - y0) / dy;
      const b = (Math.max(top, bottom) + reach - y0) / dy;
      from = Math.max(0, Math.min(a, b));
      to = Math.min(1, Math.max(a, b));
    }
    if (this.dottedLine([x0, y0, x1, y1], from, to, style)) return;
    const path = new Path2D();
    path.moveTo(x0 + (x1 - x0) * from, y0 + dy * from);
    path.lineTo(x0 + (x1 - x0) * to, y0 + dy * to);
    this.shape(path, style, from * Math.hypot(x1 - x0, dy));
  }

  /** Paints a dotted line's dots as bullets (see `BulletDotPainter`) if its stroke makes dots; false if not. */
  private dottedLine(
    line: readonly [number, number, number, number],
    from: number,
    to: number,
    style: PaintStyle,
  ): boolean {
    const dots = dottedStroke(style.strokeWidth, style.dash, style.lineCap, Math.abs(this.scaleY));
    const bullets = dots && style.fill === 'none' ? this.bulletDots(style.fontFamily) : null;
    if (!dots || !bullets) return false;
    if (style.stroke === 'none' || !(style.strokeOpacity > 0)) return true;
    const c = this.context;
    c.globalAlpha = style.strokeOpacity;
    c.fillStyle = style.stroke;
    const state = bullets.paint(dots, line, from, to);
    c.globalAlpha = 1;
    if (state) {
      this.font = state.font;
      this.letterSpacing = state.letterSpacing;
      this.textAlign = state.textAlign;
    }
    return true;
  }

  private bulletDots(fontFamily: string): BulletDotPainter | null {
    let painter = this.bullets.get(fontFamily);
    if (painter === undefined) {
      const bullet = measureBullet(fontFamily);
      painter = bullet && new BulletDotPainter(this.context, bullet);
      this.bullets.set(fontFamily, painter);
    }
    return painter;
  }

  /** `dashOffset`: where in its dash pattern the stroke starts (see `dashedLine`). */
  private shape(path: Path2D, style: PaintStyle, dashOffset = 0): void {
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

  private text(content: string, x: number, y: number, style: PaintStyle): void {
    if (!content || style.fill === 'none') return;
    const c = this.context;
    const font = `${style.fontWeight} ${style.fontSize}px ${style.fontFamily}`;
    // Setting `font` re-parses CSS; thousands of labels share a handful of fonts.
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
