import type { FitPadding } from './fitPadding.ts';

/**
 * Fitting the map clear of what floats over it (tool bar, zoom controls,
 * minimap, legend, session bar): each overlay is either kept clear by more
 * padding on one of the sides it lies against, or left as it is when, at
 * that fit, no card lies under it; of all such choices the one with the
 * largest zoom wins. React-free: the adapter (`reactFlow/fitViewport.ts`)
 * measures the overlays and computes viewports.
 */

/** Padding in pixels per side. */
export interface Sides {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** A rectangle: in pixels relative to the map's top left corner (overlays) or in flow coordinates (cards). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitClearRequest {
  /** The map's size in pixels. */
  readonly width: number;
  readonly height: number;
  /** The least padding on each side (`boardFitPadding()`, as pixels: `paddingSides`). */
  readonly base: Sides;
  readonly overlays: readonly Rect[];
  /** What must stay clear of the overlays: the cards' and people's boxes. */
  readonly items: readonly Rect[];
  /** The viewport that fits the whole map with this padding (React Flow's `getViewportForBounds`). */
  readonly viewportFor: (padding: Sides) => Viewport;
}

/** Room kept between an overlay and the nearest card. */
const GAP = 8;
/** How far from a side an overlay may be and still lie against it (the panels keep 15 px). */
const EDGE = 48;
/** Beyond this many cards every overlay gets its padding (no test of each card for each choice). */
const MAX_CHECKED_ITEMS = 1500;
/** At most this many choices are tried. */
const MAX_CHOICES = 4096;
/** An overlay with a card under it at the usual fit is also tried with its padding in this many steps. */
const PARTIAL_STEPS = 8;

type Side = keyof Sides;

/** A `FitPadding` (a number is a fraction, as React Flow reads it; `…px`, `…%`) as pixels per side. */
export function paddingSides(padding: FitPadding, width: number, height: number): Sides {
  const one = (value: number | string | undefined, size: number): number => {
    if (typeof value === 'number') return Math.floor((size - size / (1 + value)) * 0.5);
    if (typeof value === 'string' && value.endsWith('px')) return Math.floor(parseFloat(value)) || 0;
    if (typeof value === 'string' && value.endsWith('%'))
      return Math.floor((size * parseFloat(value)) / 100) || 0;
    return 0;
  };
  if (typeof padding !== 'object') {
    return {
      top: one(padding, height),
      bottom: one(padding, height),
      left: one(padding, width),
      right: one(padding, width),
    };
  }
  return {
    top: one(padding.top ?? padding.y, height),
    bottom: one(padding.bottom ?? padding.y, height),
    left: one(padding.left ?? padding.x, width),
    right: one(padding.right ?? padding.x, width),
  };
}

function touches(a: Rect, b: Rect, by: number): boolean {
  return (
    a.x - by < b.x + b.width &&
    b.x - by < a.x + a.width &&
    a.y - by < b.y + b.height &&
    b.y - by < a.y + a.height
  );
}

/** Overlays that touch (within the gap) become one rectangle: the tool bar's buttons are one bar. */
export function mergeOverlays(rects: readonly Rect[]): Rect[] {
  let merged = rects.filter((r) => r.width > 0 && r.height > 0).map((r) => ({ ...r }));
  for (let changed = true; changed;) {
    changed = false;
    outer: for (let i = 0; i < merged.length; i += 1) {
      for (let j = i + 1; j < merged.length; j += 1) {
        const a = merged[i]!;
        const b = merged[j]!;
        if (!touches(a, b, GAP)) continue;
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        merged[i] = {
          x,
          y,
          width: Math.max(a.x + a.width, b.x + b.width) - x,
          height: Math.max(a.y + a.height, b.y + b.height) - y,
        };
        merged = merged.filter((_, k) => k !== j);
        changed = true;
        break outer;
      }
    }
  }
  return merged;
}

/**
 * The padding on each side that keeps the map clear of `overlay`, for the sides it lies against (within
 * `EDGE` of it, and taking at most half the map): a hint in the middle of the map lies against none.
 */
function sideOptions(overlay: Rect, width: number, height: number): Array<[Side, number]> {
  const options: Array<[Side, number]> = [];
  const needs: Array<[Side, number, number, number]> = [
    ['top', overlay.y + overlay.height + GAP, overlay.y, height],
    ['bottom', height - overlay.y + GAP, height - overlay.y - overlay.height, height],
    ['left', overlay.x + overlay.width + GAP, overlay.x, width],
    ['right', width - overlay.x + GAP, width - overlay.x - overlay.width, width],
  ];
  for (const [side, need, distance, size] of needs) {
    if (distance <= EDGE && need <= size / 2) options.push([side, need]);
  }
  return options;
}

function itemUnder(viewport: Viewport, items: readonly Rect[], overlays: readonly Rect[]): boolean {
  const { x, y, zoom } = viewport;
  for (const item of items) {
    const onScreen = {
      x: item.x * zoom + x,
      y: item.y * zoom + y,
      width: item.width * zoom,
      height: item.height * zoom,
    };
    if (overlays.some((overlay) => touches(onScreen, overlay, 0))) return true;
  }
  return false;
}

/** How an overlay is dealt with: padding on a side (`verify`: only part of it, so cards are checked), or none. */
interface Choice {
  readonly side: Side;
  readonly pad: number;
  readonly verify: boolean;
}

/**
 * The ways to deal with each overlay: leave it (null), pad one of its sides fully, or, for an overlay
 * that has a card under it at the usual fit, pad a side part of the way (a corner's minimap often needs
 * only some of its width or height once the map is moved aside).
 */
function choicesFor(
  overlay: Rect,
  request: FitClearRequest,
  conflicting: boolean,
  checkItems: boolean,
): Array<Choice | null> {
  const options: Array<Choice | null> = checkItems ? [null] : [];
  for (const [side, need] of sideOptions(overlay, request.width, request.height)) {
    const from = request.base[side];
    if (conflicting && checkItems && need > from) {
      for (let step = 1; step < PARTIAL_STEPS; step += 1)
        options.push({ side, pad: from + ((need - from) * step) / PARTIAL_STEPS, verify: true });
    }
    options.push({ side, pad: need, verify: false });
  }
  return options;
}

/** The fitted viewport with the largest zoom that leaves no card under an overlay (see above). */
export function fitClearOfOverlays(request: FitClearRequest): Viewport {
  const { width, height, base, items, viewportFor } = request;
  // Only overlays on the map that lie against one of its sides: one in the middle cannot be padded away.
  const overlays = mergeOverlays(request.overlays).filter(
    (o) => touches(o, { x: 0, y: 0, width, height }, 0) && sideOptions(o, width, height).length > 0,
  );
  const checkItems = items.length <= MAX_CHECKED_ITEMS;
  const usual = viewportFor(base);
  let choices = overlays.map((overlay) =>
    choicesFor(overlay, request, checkItems && itemUnder(usual, items, [overlay]), checkItems),
  );
  const count = choices.reduce((product, options) => product * options.length, 1);
  if (count > MAX_CHOICES) {
    choices = overlays.map((overlay) =>
      choicesFor(overlay, request, false, false).filter((choice) => choice !== null),
    );
  }

  let best: Viewport | null = null;
  const tryChoice = (picked: ReadonlyArray<Choice | null>): void => {
    const padding: Record<Side, number> = { ...base };
    const verify: Rect[] = [];
    picked.forEach((choice, i) => {
      if (choice) padding[choice.side] = Math.max(padding[choice.side], choice.pad);
      if (!choice || choice.verify) verify.push(overlays[i]!);
    });
    const viewport = viewportFor(padding);
    if (best && viewport.zoom <= best.zoom) return;
    if (verify.length > 0 && itemUnder(viewport, items, verify)) return;
    best = viewport;
  };
  const walk = (i: number, picked: Array<Choice | null>): void => {
    if (i === choices.length) {
      tryChoice(picked);
      return;
    }
    for (const option of choices[i]!) walk(i + 1, [...picked, option]);
  };
  walk(0, []);
  return best ?? usual;
}
