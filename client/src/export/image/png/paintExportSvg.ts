import type { SvgElement } from './parseExportSvg.ts';
import { BulletDotPainter, dottedStroke, measureBullet } from './bulletDots.ts';
import { CanvasPen } from './canvasPen.ts';
import { PaintedRows } from './paintedRows.ts';
import { pathYExtent } from './pathYExtent.ts';
import type { YExtent } from './pathYExtent.ts';
import { INITIAL_STYLE, inheritStyle, numberOr } from './paintStyle.ts';
import type { PaintStyle } from './paintStyle.ts';
import { pointsYExtent, pointValues, polygonPath, straightLine } from './svgPoints.ts';

/** The rows of the image a painter paints (see `ExportSvgPainter.paint`). */
export interface PaintBand {
  /** First row, in pixels of the whole image. */
  readonly top: number;
  readonly rows: number;
}

/** A text line's reach above and below its baseline, in font sizes (generous: accents, descenders). */
const TEXT_ABOVE = 1.5;
const TEXT_BELOW = 0.75;
/** Path data this long or longer is a one-off edge, not a repeated icon or badge: not cached. */
const CACHED_PATH_CHARS = 400;

/**
 * Paints an export SVG's element tree (see `parseExportSvg`) on a Canvas 2D
 * context, element by element in document order, as a browser would render
 * the file: same paths, colours, opacities, dashes, fonts and text anchors.
 * `onStep(done, total)` is called every few hundred elements, for progress.
 */
export class ExportSvgPainter {
  private readonly ids = new Map<string, SvgElement>();
  private readonly paths = new Map<string, Path2D>();
  private pen: CanvasPen;
  private rows = new PaintedRows(Infinity);
  /** Vertical extents of path data, by `d` (icons and badges repeat). */
  private readonly extents = new Map<string, YExtent>();
  private painted = 0;
  private readonly total: number;
  /**
   * Bullets by font family, measured by this painter (a glyph drawn and read
   * back), not cached across exports: a font still loading would be measured
   * as its fallback.
   */
  private bullets = new Map<string, BulletDotPainter | null>();

  constructor(
    private context: OffscreenCanvasRenderingContext2D,
    private readonly root: SvgElement,
    private readonly onStep: (done: number, total: number) => void = () => {},
  ) {
    this.pen = new CanvasPen(context);
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
    this.rows = new PaintedRows(band?.rows ?? Infinity);
    this.rows.transform = { scaleY: scale, translateY: -(band?.top ?? 0) };
    this.element(this.root, INITIAL_STYLE);
    this.context.restore();
    this.onStep(this.total, this.total);
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
        this.rows.translate(b ?? 0);
      } else if (op === 'scale') {
        this.context.scale(a, b ?? a);
        this.rows.scale(b ?? a);
      } else throw new Error(`unsupported transform ${op}()`);
    }
  }

  private pathExtent(d: string): YExtent {
    let extent = this.extents.get(d);
    if (!extent) {
      extent = pathYExtent(d);
      if (d.length < CACHED_PATH_CHARS) this.extents.set(d, extent);
    }
    return extent;
  }

  private path(d: string): Path2D {
    let path = this.paths.get(d);
    if (!path) {
      path = new Path2D(d);
      if (d.length < CACHED_PATH_CHARS) this.paths.set(d, path);
    }
    return path;
  }

  private element(element: SvgElement, parentStyle: PaintStyle): void {
    this.painted += 1;
    if (this.painted % 500 === 0) this.onStep(this.painted, this.total);
    const { name, attributes: a } = element;
    if (name === 'defs' || name === 'title' || name === 'style') return;
    const style = inheritStyle(parentStyle, a);
    const transform = a.get('transform');
    // save()/restore(), not getTransform()/setTransform(): a DOMMatrix per card is far slower in a
    // worker. restore() also rolls back the font, letter-spacing, alignment and dash, so what the
    // pen and the rows track is rolled back with them.
    const saved = transform ? { pen: this.pen.state, rows: this.rows.transform } : null;
    if (transform) {
      this.context.save();
      this.applyTransform(transform);
    }
    const opacity = numberOr(a.get('opacity'), 1);
    if (name === 'g' && opacity < 1) this.layer(element.children, style, opacity);
    else if (name === 'svg' || name === 'g') {
      for (const child of element.children) this.element(child, style);
    } else if (name === 'use') {
      const target = this.ids.get((a.get('href') ?? a.get('xlink:href') ?? '').replace(/^#/, ''));
      if (!target) throw new Error(`<use> of an unknown shape ${a.get('href') ?? ''}`);
      this.element(target, style);
    } else this.shapeElement(element, style);
    if (saved) {
      this.context.restore();
      this.pen.state = saved.pen;
      this.rows.transform = saved.rows;
    }
  }

  /**
   * A group with an `opacity`, composited as SVG does it: the children are painted on a layer of their own,
   * which is then laid on the picture at that opacity, so overlapping children hide each other instead of
   * showing through. The layer is as large as the canvas (one band of the image).
   */
  private layer(children: readonly SvgElement[], style: PaintStyle, opacity: number): void {
    if (!(opacity > 0)) return;
    const main = this.context;
    const layer = new OffscreenCanvas(main.canvas.width, main.canvas.height).getContext('2d');
    if (!layer) throw new Error('the browser gave no 2D canvas for a group with opacity');
    layer.setTransform(main.getTransform());
    const [pen, bullets] = [this.pen, this.bullets];
    [this.context, this.pen, this.bullets] = [layer, new CanvasPen(layer), new Map()];
    try {
      for (const child of children) this.element(child, style);
    } finally {
      [this.context, this.pen, this.bullets] = [main, pen, bullets];
    }
    main.save();
    main.resetTransform();
    main.globalAlpha = opacity;
    main.drawImage(layer.canvas, 0, 0);
    main.restore();
  }

  /** A leaf element: a shape or a line of text, unless it lies wholly outside the painted rows. */
  private shapeElement({ name, attributes: a, text }: SvgElement, style: PaintStyle): void {
    const rows = this.rows;
    switch (name) {
      case 'path': {
        const d = a.get('d') ?? '';
        // Most paths are straight lines (relationships, affiliations): read those directly.
        const line = straightLine(d);
        if (line) {
          const [x0, y0, x1, y1] = line;
          if (!rows.visible(Math.min(y0, y1), Math.max(y0, y1), style)) return;
          if (style.dash.length > 0) return this.dashedLine(x0, y0, x1, y1, style);
        } else if (rows.rows !== Infinity && !rows.visible(...this.pathExtent(d), style)) return;
        return this.pen.shape(this.path(d), style);
      }
      case 'rect': {
        const rx = numberOr(a.get('rx'), 0);
        const box = [
          numberOr(a.get('x'), 0),
          numberOr(a.get('y'), 0),
          numberOr(a.get('width'), 0),
          numberOr(a.get('height'), 0),
        ] as const;
        if (!rows.visible(box[1], box[1] + box[3], style)) return;
        const path = new Path2D();
        if (rx > 0) path.roundRect(...box, Math.min(rx, box[2] / 2, box[3] / 2));
        else path.rect(...box);
        return this.pen.shape(path, style);
      }
      case 'circle': {
        const [cy, r] = [numberOr(a.get('cy'), 0), numberOr(a.get('r'), 0)];
        if (!rows.visible(cy - r, cy + r, style)) return;
        const path = new Path2D();
        path.arc(numberOr(a.get('cx'), 0), cy, r, 0, 2 * Math.PI);
        return this.pen.shape(path, style);
      }
      case 'polygon': {
        const values = pointValues(a.get('points') ?? '');
        if (rows.visible(...pointsYExtent(values), style)) this.pen.shape(polygonPath(values), style);
        return;
      }
      case 'line': {
        const [y1, y2] = [numberOr(a.get('y1'), 0), numberOr(a.get('y2'), 0)];
        if (!rows.visible(Math.min(y1, y2), Math.max(y1, y2), style)) return;
        const path = new Path2D();
        path.moveTo(numberOr(a.get('x1'), 0), y1);
        path.lineTo(numberOr(a.get('x2'), 0), y2);
        return this.pen.shape(path, { ...style, fill: 'none' });
      }
      case 'text': {
        // From above accents to below descenders of the baseline at y.
        const y = numberOr(a.get('y'), 0);
        const reach = [y - TEXT_ABOVE * style.fontSize, y + TEXT_BELOW * style.fontSize] as const;
        if (rows.visible(...reach, { ...style, stroke: 'none' }))
          this.pen.text(text, numberOr(a.get('x'), 0), y, style);
        return;
      }
      default:
        throw new Error(`unsupported SVG element <${name}>`);
    }
  }

  /**
   * A dashed straight line (relationships, affiliations), cut to the painted
   * rows when it runs beyond them: Skia dashes and strokes a path whole before
   * it clips, and the long lines across a band's edge hold many of the
   * image's dashes. The piece kept starts its dash pattern where the whole
   * line has it at that point (`lineDashOffset`), so every dash falls where
   * it would. A dotted line's dots in that piece are painted as bullet glyphs
   * instead (`dottedLine`).
   */
  private dashedLine(x0: number, y0: number, x1: number, y1: number, style: PaintStyle): void {
    const [from, to] = this.rows.lineRange(y0, y1, style.strokeWidth);
    if (this.dottedLine([x0, y0, x1, y1], from, to, style)) return;
    const dy = y1 - y0;
    const path = new Path2D();
    path.moveTo(x0 + (x1 - x0) * from, y0 + dy * from);
    path.lineTo(x0 + (x1 - x0) * to, y0 + dy * to);
    this.pen.shape(path, style, from * Math.hypot(x1 - x0, dy));
  }

  /** Paints a dotted line's dots as bullets (see `BulletDotPainter`) if its stroke makes dots; false if not. */
  private dottedLine(
    line: readonly [number, number, number, number],
    from: number,
    to: number,
    style: PaintStyle,
  ): boolean {
    const dots = dottedStroke(style.strokeWidth, style.dash, style.lineCap, Math.abs(this.rows.scaleY));
    const bullets = dots && style.fill === 'none' ? this.bulletDots(style.fontFamily) : null;
    if (!dots || !bullets) return false;
    if (style.stroke === 'none' || !(style.strokeOpacity > 0)) return true;
    const c = this.context;
    c.globalAlpha = style.strokeOpacity;
    c.fillStyle = style.stroke;
    const state = bullets.paint(dots, line, from, to);
    c.globalAlpha = 1;
    if (state) this.pen.adoptText(state);
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
}
