/** Presentation attributes as SVG inherits them from `<svg>`, `<g>` and `<use>`. */
export interface PaintStyle {
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

export const NO_DASH: readonly number[] = [];

/** SVG's initial values, which the document root inherits. */
export const INITIAL_STYLE: PaintStyle = {
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

/** An attribute's number, or `fallback` when it is missing or not a number. */
export const numberOr = (value: string | undefined, fallback: number): number => {
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

/** The style of an element with attributes `a` inside an element of `style`. */
export function inheritStyle(style: PaintStyle, a: ReadonlyMap<string, string>): PaintStyle {
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
