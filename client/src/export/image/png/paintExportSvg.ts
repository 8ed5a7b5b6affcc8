import type { SvgElement } from './parseExportSvg.ts';

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

/** A share of the document's paint order: element indices `from` (included) to `to` (excluded). */
export interface PaintRange {
  readonly from: number;
  readonly to: number;
}

/** Relative painting work of a dashed path and of another path, against 1 for any other element (measured at 36 M px). */
const SPLIT_DASHED = 28;
const SPLIT_PATH = 12;

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

/** Applies a `transform` of translate/scale steps (all `buildBoardSvg` writes); anything else is an error. */
function applyTransform(context: Context, transform: string): void {
  for (const [, op, args] of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
    const [a = 0, b] = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (op === 'translate') context.translate(a, b ?? 0);
    else if (op === 'scale') context.scale(a, b ?? a);
    else throw new Error(`unsupported transform ${op}()`);
  }
}

function points(list: string): Path2D {
  const path = new Path2D();
  const values = list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
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
  private painted = 0;
  private readonly total: number;
  /** Each element's place in document order, and how many elements its subtree holds. */
  private readonly order = new Map<SvgElement, { readonly index: number; readonly size: number }>();
  /** Paint order is document order; `[from, to)` of it is what this painter paints (see `paintRange`). */
  private range: PaintRange = { from: 0, to: Infinity };

  constructor(
    private readonly context: Context,
    private readonly root: SvgElement,
    private readonly onStep: (done: number, total: number) => void = () => {},
  ) {
    let total = 0;
    const visit = (element: SvgElement): void => {
      const index = total;
      total += 1;
      const id = element.attributes.get('id');
      if (id) this.ids.set(id, element);
      element.children.forEach(visit);
      this.order.set(element, { index, size: total - index });
    };
    visit(root);
    this.total = total;
  }

  /**
   * Where to cut the document's paint order so that about `share` (0…1) of
   * the painting work comes before the cut, for two workers (see
   * `paintRange`). Dashed strokes cost the most (Skia dashes and strokes each
   * whole before clipping), then other paths.
   */
  splitPoint(share: number): number {
    const weights: number[] = new Array<number>(this.total).fill(0);
    let sum = 0;
    for (const [element, { index, size }] of this.order) {
      if (size !== 1 || element.name === 'defs' || element.name === 'title' || element.name === 'style')
        continue;
      const weight =
        element.name === 'path'
          ? element.attributes.has('stroke-dasharray')
            ? SPLIT_DASHED
            : SPLIT_PATH
          : 1;
      weights[index] = weight;
      sum += weight;
    }
    let before = 0;
    for (let index = 0; index < weights.length; index += 1) {
      before += weights[index]!;
      if (before >= sum * share) return index + 1;
    }
    return this.total;
  }

  /**
   * Paints only the elements at `[from, to)` of the document's paint order
   * (containers are entered as needed, their transforms applied). Canvas 2D
   * composites source-over, which is associative: painting the second share
   * on a transparent canvas and drawing it over the first gives the picture
   * painting all in one go gives, to rounding.
   */
  paintRange(scale: number, range: PaintRange): void {
    this.range = range;
    this.paint(scale);
  }

  /** Paints the whole document at `scale` px per SVG unit. */
  paint(scale: number): void {
    this.context.save();
    this.context.scale(scale, scale);
    this.element(this.root, INITIAL);
    this.context.restore();
    this.onStep(this.total, this.total);
  }

  private tracked(): TrackedState {
    return { font: this.font, letterSpacing: this.letterSpacing, textAlign: this.textAlign, dash: this.dash };
  }

  private track(state: TrackedState): void {
    this.font = state.font;
    this.letterSpacing = state.letterSpacing;
    this.textAlign = state.textAlign;
    this.dash = state.dash;
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

  /** `whole`: the element's subtree is within the painted range (always for a `<use>`'s shape). */
  private element(element: SvgElement, parentStyle: PaintStyle, whole = false): void {
    this.painted += 1;
    if (this.painted % 500 === 0) this.onStep(this.painted, this.total);
    const { name, attributes: a } = element;
    if (name === 'defs' || name === 'title' || name === 'style') return;
    let inside = whole;
    if (!inside) {
      const place = this.order.get(element);
      if (place) {
        const end = place.index + place.size;
        if (end <= this.range.from || place.index >= this.range.to) return;
        inside = place.index >= this.range.from && end <= this.range.to;
      } else inside = true;
    }
    const style = inherit(parentStyle, a);
    const transform = a.get('transform');
    // save()/restore(), not getTransform()/setTransform(): a DOMMatrix per card costs 10–40 µs in a
    // worker, save() ~1 µs. restore() also rolls back the font, letter-spacing, alignment and dash,
    // so the values this painter tracks are rolled back with them.
    const saved = transform ? this.tracked() : null;
    if (transform) {
      this.context.save();
      applyTransform(this.context, transform);
    }
    switch (name) {
      case 'svg':
      case 'g':
        for (const child of element.children) this.element(child, style, inside);
        break;
      case 'use': {
        const target = this.ids.get((a.get('href') ?? a.get('xlink:href') ?? '').replace(/^#/, ''));
        if (!target) throw new Error(`<use> of an unknown shape ${a.get('href') ?? ''}`);
        this.element(target, style, true);
        break;
      }
      case 'path':
        this.shape(this.path(a.get('d') ?? ''), style);
        break;
      case 'rect': {
        const path = new Path2D();
        const rx = numberOr(a.get('rx'), 0);
        const box = [
          numberOr(a.get('x'), 0),
          numberOr(a.get('y'), 0),
          numberOr(a.get('width'), 0),
          numberOr(a.get('height'), 0),
        ] as const;
        if (rx > 0) path.roundRect(...box, Math.min(rx, box[2] / 2, box[3] / 2));
        else path.rect(...box);
        this.shape(path, style);
        break;
      }
      case 'circle': {
        const path = new Path2D();
        path.arc(numberOr(a.get('cx'), 0), numberOr(a.get('cy'), 0), numberOr(a.get('r'), 0), 0, 2 * Math.PI);
        this.shape(path, style);
        break;
      }
      case 'polygon':
        this.shape(points(a.get('points') ?? ''), style);
        break;
      case 'line': {
        const path = new Path2D();
        path.moveTo(numberOr(a.get('x1'), 0), numberOr(a.get('y1'), 0));
        path.lineTo(numberOr(a.get('x2'), 0), numberOr(a.get('y2'), 0));
        this.shape(path, { ...style, fill: 'none' });
        break;
      }
      case 'text':
        this.text(element.text, numberOr(a.get('x'), 0), numberOr(a.get('y'), 0), style);
        break;
      default:
        throw new Error(`unsupported SVG element <${name}>`);
    }
    if (saved) {
      this.context.restore();
      this.track(saved);
    }
  }

  private shape(path: Path2D, style: PaintStyle): void {
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
      c.stroke(path);
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
