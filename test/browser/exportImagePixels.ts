import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import type { BoardSnapshot, RelationshipId } from '@interplay/shared';
import type { HarnessRunResult, HarnessTheme } from '../bench/export/harnessApi.ts';

/** Reading an exported PNG and its SVG: where things are, what colour they are, how Chromium draws the SVG. */

export type Rgb = readonly [number, number, number];

/** The map's opacity for what a view fades (`.ip-dimmed`). */
const FADED_OPACITY = 0.25;

export function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The pixel nearest in colour to `want` within `radius` px of (x, y), and its distance. */
export function nearestColour(png: PNG, x: number, y: number, want: Rgb, radius = 1): number {
  let best = Infinity;
  for (let dy = -radius; dy <= radius; dy += 1) {
    for (let dx = -radius; dx <= radius; dx += 1) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      const i = (py * png.width + px) * 4;
      const d = Math.hypot(png.data[i]! - want[0], png.data[i + 1]! - want[1], png.data[i + 2]! - want[2]);
      best = Math.min(best, d);
    }
  }
  return best;
}

/** Where the map's flow coordinates land in the SVG: the translate of its `ip-map` group. */
export function mapOffset(svg: string): { x: number; y: number; width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.getElementsByTagName('svg')[0]!;
  const map = Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('class') === 'ip-map')!;
  const match = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(map.getAttribute('transform') ?? '')!;
  return {
    x: Number(match[1]),
    y: Number(match[2]),
    width: Number(root.getAttribute('width')),
    height: Number(root.getAttribute('height')),
  };
}

/** Each organisation card's position (its group's translate) and its sector disc's centre, in flow coordinates. */
export function sectorDiscs(svg: string): Map<string, { left: number; top: number; cx: number; cy: number }> {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const out = new Map<string, { left: number; top: number; cx: number; cy: number }>();
  for (const g of Array.from(doc.getElementsByTagName('g'))) {
    if (g.getAttribute('class') !== 'ip-org') continue;
    const [left, top] = /translate\(([-\d.]+) ([-\d.]+)\)/
      .exec(g.getAttribute('transform')!)!
      .slice(1)
      .map(Number);
    const circle = g.getElementsByTagName('circle')[0]!;
    out.set(g.getAttribute('data-id')!, {
      left: left!,
      top: top!,
      cx: left! + Number(circle.getAttribute('cx')),
      cy: top! + Number(circle.getAttribute('cy')),
    });
  }
  return out;
}

/** Midpoints of the solid relationship lines, by relationship id. */
export function edgeMiddles(svg: string): Map<string, { x: number; y: number; kind: string }> {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const out = new Map<string, { x: number; y: number; kind: string }>();
  for (const p of Array.from(doc.getElementsByTagName('path'))) {
    const kind = p.getAttribute('data-kind');
    // Solid lines only: a dashed or dotted line's midpoint may fall in a gap.
    if (!kind || p.getAttribute('stroke-dasharray')) continue;
    // "M x y L x2 y2" for a straight line, "M x y Q cx cy x2 y2" for a curve.
    const numbers = (p.getAttribute('d') ?? '').match(/-?[\d.]+/g)!.map(Number);
    const [x1, y1] = numbers;
    const [x2, y2] = numbers.slice(-2);
    const [cx, cy] = numbers.length === 6 ? numbers.slice(2, 4) : [(x1! + x2!) / 2, (y1! + y2!) / 2];
    out.set(p.getAttribute('data-id')!, {
      x: 0.25 * x1! + 0.5 * cx! + 0.25 * x2!,
      y: 0.25 * y1! + 0.5 * cy! + 0.25 * y2!,
      kind,
    });
  }
  return out;
}

/**
 * Renders `svg` with Chromium's own SVG renderer (an `<img>` on a canvas of
 * the PNG's size) and compares it with the PNG in 8×8 px blocks: a block
 * differs when its mean colour is more than 12 levels off in any channel, so
 * anti-aliasing noise passes but a missing or misplaced shape or word fails.
 */
export async function compareWithSvgRendering(
  page: Page,
  svg: string,
  pngBase64: string,
): Promise<{ blocks: number; differentBlocks: number; worst: number }> {
  return page.evaluate(
    async ([svgText, base64]) => {
      const load = async (blob: Blob): Promise<HTMLImageElement> => {
        const image = new Image();
        image.src = URL.createObjectURL(blob);
        await image.decode();
        return image;
      };
      const bytes = Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0));
      const ours = await load(new Blob([bytes], { type: 'image/png' }));
      const reference = await load(new Blob([svgText!], { type: 'image/svg+xml' }));
      const { naturalWidth: width, naturalHeight: height } = ours;
      const pixels = (image: HTMLImageElement): Uint8ClampedArray => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(image, 0, 0, width, height);
        return context.getImageData(0, 0, width, height).data;
      };
      // An SVG image's embedded font can arrive a frame after decode(): draw once, wait, then compare.
      pixels(reference);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      const a = pixels(ours);
      const b = pixels(reference);
      const BLOCK = 8;
      let blocks = 0;
      let differentBlocks = 0;
      let worst = 0;
      for (let by = 0; by + BLOCK <= height; by += BLOCK) {
        for (let bx = 0; bx + BLOCK <= width; bx += BLOCK) {
          const sums = [0, 0, 0, 0, 0, 0];
          for (let y = by; y < by + BLOCK; y += 1) {
            for (let x = bx; x < bx + BLOCK; x += 1) {
              const i = (y * width + x) * 4;
              for (let c = 0; c < 3; c += 1) {
                sums[c]! += a[i + c]!;
                sums[c + 3]! += b[i + c]!;
              }
            }
          }
          const off = Math.max(...[0, 1, 2].map((c) => Math.abs(sums[c]! - sums[c + 3]!) / (BLOCK * BLOCK)));
          blocks += 1;
          worst = Math.max(worst, off);
          if (off > 12) differentBlocks += 1;
        }
      }
      return { blocks, differentBlocks, worst };
    },
    [svg, pngBase64] as const,
  );
}

/** `svg` as Chromium's own SVG renderer draws it at `width`×`height` (an `<img>` on a canvas), decoded. */
export async function renderSvgInPage(page: Page, svg: string, width: number, height: number): Promise<PNG> {
  const base64 = await page.evaluate(
    async ([svgText, w, h]) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([svgText as string], { type: 'image/svg+xml' }));
      await image.decode();
      const canvas = new OffscreenCanvas(w as number, h as number);
      canvas.getContext('2d')!.drawImage(image, 0, 0, w as number, h as number);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    [svg, width, height] as const,
  );
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

/**
 * Along one dotted line of the picture (its middle 80 %, within half the
 * stroke width and 1.5 px), how much darker than white it is, per 1 px step
 * along the line: where its dots are and how much ink each has.
 */
export function inkAlongLine(
  png: PNG,
  [x0, y0, x1, y1]: readonly [number, number, number, number],
  halfWidth: number,
): number[] {
  const length = Math.hypot(x1 - x0, y1 - y0);
  const [ux, uy] = [(x1 - x0) / length, (y1 - y0) / length];
  const reach = halfWidth + 1.5;
  const profile = new Array<number>(Math.ceil(length)).fill(0);
  const [left, right] = [Math.min(x0, x1) - reach, Math.max(x0, x1) + reach];
  const [top, bottom] = [Math.min(y0, y1) - reach, Math.max(y0, y1) + reach];
  for (let y = Math.max(0, Math.floor(top)); y <= Math.min(png.height - 1, bottom); y += 1) {
    for (let x = Math.max(0, Math.floor(left)); x <= Math.min(png.width - 1, right); x += 1) {
      const [dx, dy] = [x + 0.5 - x0, y + 0.5 - y0];
      const along = dx * ux + dy * uy;
      if (along < 0.1 * length || along > 0.9 * length || Math.abs(dx * uy - dy * ux) > reach) continue;
      const i = (y * png.width + x) * 4;
      profile[Math.floor(along)]! += 765 - png.data[i]! - png.data[i + 1]! - png.data[i + 2]!;
    }
  }
  return profile;
}

/** The dotted relationship lines of an export SVG, in the PNG's pixels, with their stroke width. */
export function dottedLines(
  svg: string,
  scale: number,
): Array<{ line: [number, number, number, number]; width: number }> {
  const offset = mapOffset(svg);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return Array.from(doc.getElementsByTagName('path'))
    .filter(
      (p) => p.getAttribute('data-kind') && Number(p.getAttribute('stroke-dasharray')?.split(' ')[0]) < 1,
    )
    .map((p) => {
      const [x0, y0, x1, y1] = (p.getAttribute('d') ?? '').match(/-?[\d.]+/g)!.map(Number);
      const line = [x0!, y0!, x1!, y1!].map((v, i) => (v + (i % 2 ? offset.y : offset.x)) * scale);
      return {
        line: line as [number, number, number, number],
        width: Number(p.getAttribute('stroke-width')) * scale,
      };
    });
}

/** Decodes the PNG and checks each organisation's sector colour and each edge's colour at their places. */
/** `colour` at `opacity` over white, as a faded item of an image "as shown" comes out. */
export function overWhite(colour: Rgb, opacity: number): Rgb {
  const mix = (c: number): number => Math.round(c * opacity + 255 * (1 - opacity));
  return [mix(colour[0]), mix(colour[1]), mix(colour[2])];
}

/**
 * Checks the PNG against the board: every card's sector disc and every uncovered line in its colour; what
 * `faded` names (cards, lines, and the lines of faded cards) at the map's opacity for faded items.
 */
export async function checkPng(
  snapshot: BoardSnapshot,
  result: HarnessRunResult,
  theme: HarnessTheme,
  faded: ReadonlySet<string> = new Set(),
): Promise<PNG> {
  expect(result.error).toBeUndefined();
  expect(result.ok).toBe(true);
  const png = PNG.sync.read(Buffer.from(result.base64!, 'base64'));
  expect([png.width, png.height]).toEqual([result.width, result.height]);
  // The SVG the PNG was rendered from tells where the map's origin went; positions come from the board.
  const svg = result.svg!;
  const offset = mapOffset(svg);
  const scale = png.width / offset.width;
  expect(Math.abs(png.height / offset.height - scale)).toBeLessThan(0.01);
  const discs = sectorDiscs(svg);
  expect(discs.size).toBe(snapshot.organisations.size);
  for (const organisation of snapshot.organisations.values()) {
    const disc = discs.get(organisation.id)!;
    // The card sits where the board says, and its sector disc carries the sector colour in the PNG.
    expect([disc.left, disc.top]).toEqual([organisation.position.x, organisation.position.y]);
    // Left of the icon's strokes, inside the 18 px disc.
    const x = (disc.cx - 13 + offset.x) * scale;
    const y = (disc.cy + offset.y) * scale;
    expect(x).toBeLessThan(png.width);
    expect(y).toBeLessThan(png.height);
    const full = hex(theme.sectorColours[organisation.sector]!);
    const colour = faded.has(organisation.id) ? overWhite(full, FADED_OPACITY) : full;
    expect(nearestColour(png, x, y, colour), organisation.name).toBeLessThan(30);
  }
  // Edges run beneath cards; check those whose midpoint no card or person covers (every one on the far boards).
  const covered = (x: number, y: number): boolean =>
    [...snapshot.organisations.values(), ...snapshot.people.values()].some(
      (node) =>
        x > node.position.x - 12 &&
        x < node.position.x + 232 &&
        y > node.position.y - 20 &&
        y < node.position.y + 112,
    );
  let checked = 0;
  for (const [id, middle] of edgeMiddles(svg)) {
    if (covered(middle.x, middle.y)) continue;
    checked += 1;
    const relationship = snapshot.relationships.get(id as RelationshipId)!;
    const fadedLine = [id, relationship.source, relationship.target].some((end) => faded.has(end));
    const full = hex(theme.kindColours[middle.kind]!);
    const colour = fadedLine ? overWhite(full, FADED_OPACITY) : full;
    expect(
      nearestColour(png, (middle.x + offset.x) * scale, (middle.y + offset.y) * scale, colour, 2),
      id,
    ).toBeLessThan(40);
  }
  expect(checked).toBeGreaterThanOrEqual(2);
  return png;
}
