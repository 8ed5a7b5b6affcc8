import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, connect, readBoard } from '@interplay/shared';
import type { BoardSnapshot, OrganisationId, Sector } from '@interplay/shared';
import { runExport } from '../bench/export/harnessApi.ts';
import type { HarnessRunOptions, HarnessRunResult, HarnessTheme } from '../bench/export/harnessApi.ts';
import { buildExportHarness } from '../bench/export/buildExportHarness.ts';
import { harnessTheme, openBoardInHarness } from '../bench/export/harnessApi.ts';
import type { ExportHarnessBundle } from '../bench/export/buildExportHarness.ts';
import { launchBrowser, newPage, screenshotDir } from '../support/browser.ts';
import type { TestPage } from '../support/browser.ts';
import { buildRealisticBoard, REALISTIC_BOARD_COUNTS } from '../support/realisticBoard.ts';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard } from '../support/syncClient.ts';

/**
 * Image export in real Chromium against the real server: boards are written
 * by a Node y-websocket client through the model's commands, read back in the
 * page by the app's own sync session, exported by the real pipeline (worker,
 * embedded font, canvas) and the PNG decoded here with pngjs.
 */

type Rgb = readonly [number, number, number];

function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The pixel nearest in colour to `want` within `radius` px of (x, y), and its distance. */
function nearestColour(png: PNG, x: number, y: number, want: Rgb, radius = 1): number {
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
function mapOffset(svg: string): { x: number; y: number; width: number; height: number } {
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
function sectorDiscs(svg: string): Map<string, { left: number; top: number; cx: number; cy: number }> {
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
function edgeMiddles(svg: string): Map<string, { x: number; y: number; kind: string }> {
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

/** Pushes a board written by `write` through a real y-websocket client and waits until a fresh client sees it all. */
async function seed(
  server: ServerHandle,
  title: string,
  write: (doc: Y.Doc) => void,
): Promise<{ board: CreatedBoard; snapshot: BoardSnapshot }> {
  // One retry: undici may reuse a keep-alive connection the server has just closed (idle > 5 s).
  const board = await createBoard(server.url, title).catch(() => createBoard(server.url, title));
  const writer = connectClient(server.wsUrl, board.id, board.keys.edit);
  await writer.whenSynced();
  write(writer.doc);
  const expected = readBoard(writer.doc);
  const reader = connectClient(server.wsUrl, board.id, board.keys.view);
  await reader.whenSynced();
  await waitFor(
    () =>
      readBoard(reader.doc).relationships.size === expected.relationships.size &&
      readBoard(reader.doc).people.size === expected.people.size,
    'the server to have the whole board',
  );
  const snapshot = readBoard(reader.doc);
  writer.destroy();
  reader.destroy();
  return { board, snapshot };
}

/** Organisations spread far beyond any viewport, each sector once, joined by thick solid edges. */
function writeFarBoard(doc: Y.Doc, extreme: boolean): void {
  const sectors: Sector[] = ['municipality', 'housing', 'care', 'mentalHealth', 'welfare', 'education'];
  const spots = extreme
    ? [
        [0, 0],
        [50_000, -30_000],
        [-6_000, 4_000],
        [20_000, 9_000],
        [45_000, 2_000],
        [-2_000, -25_000],
      ]
    : [
        [0, 0],
        [5_200, -3_100],
        [-2_400, 1_800],
        [3_000, 2_600],
        [-1_500, -2_800],
        [4_400, 900],
      ];
  const ids = sectors.map((sector, i) =>
    addOrganisation(doc, {
      name: `Far ${sector} ${i}`,
      sector,
      position: { x: spots[i]![0]!, y: spots[i]![1]! },
    }),
  );
  ids.slice(1).forEach((id, i) =>
    connect(doc, {
      source: ids[0]!,
      target: id,
      strength: 5,
      kind: i % 2 ? 'collaboration' : 'funding',
      form: 'interweave',
      direction: 'oneWay',
    }),
  );
  const person = addPerson(doc, {
    name: 'Pim Verre',
    organisationId: ids[1] as OrganisationId,
    roles: ['scout'],
    position: { x: spots[1]![0]! + 40, y: spots[1]![1]! + 110 },
  });
  addProject(doc, { name: 'Overal en nergens', colour: '#3b82f6', memberIds: [ids[0]!, ids[3]!, person] });
}

/**
 * Pairs of organisations far apart, each joined by a dotted relationship
 * (the "coordinate" form) of one strength (1…5: 1.5…7.9 px wide), on lines
 * at several angles and crossing nothing else.
 */
function writeDottedBoard(doc: Y.Doc): void {
  const angles = [0, 0.3, 0.9, 1.6, 2.4];
  angles.forEach((angle, i) => {
    const [x, y] = [i * 900, (i % 2) * 300];
    const ends = [
      { x, y },
      { x: x + Math.round(Math.cos(angle) * 1_400), y: y + 1_400 + Math.round(Math.sin(angle) * 700) },
    ];
    const [source, target] = ends.map((position, end) =>
      addOrganisation(doc, { name: `Dots ${i + 1}${end ? 'b' : 'a'}`, sector: 'welfare', position }),
    );
    connect(doc, {
      source: source!,
      target: target!,
      strength: (i + 1) as 1 | 2 | 3 | 4 | 5,
      kind: 'information',
      form: 'coordinate',
      direction: 'none',
    });
  });
}

/**
 * Renders `svg` with Chromium's own SVG renderer (an `<img>` on a canvas of
 * the PNG's size) and compares it with the PNG in 8×8 px blocks: a block
 * differs when its mean colour is more than 12 levels off in any channel, so
 * anti-aliasing noise passes but a missing or misplaced shape or word fails.
 */
async function compareWithSvgRendering(
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
async function renderSvgInPage(page: Page, svg: string, width: number, height: number): Promise<PNG> {
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
function inkAlongLine(
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
function dottedLines(
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

describe('image export in Chromium (real server, real sync, real worker)', () => {
  let server: ServerHandle;
  let browser: Browser;
  let harness: ExportHarnessBundle;
  let tab: TestPage;

  let theme: HarnessTheme;

  async function openInHarness(page: Page, board: CreatedBoard): Promise<void> {
    await harness.open(page, server.url);
    await openBoardInHarness(page, board.id, board.keys.view);
  }

  const run = (page: Page, options: HarnessRunOptions): Promise<HarnessRunResult> => runExport(page, options);

  beforeAll(async () => {
    [server, harness, browser] = await Promise.all([startServer(), buildExportHarness(), launchBrowser()]);
    tab = await newPage(browser);
    await harness.serve(tab.page, server.url);
    await harness.open(tab.page, server.url);
    theme = await harnessTheme(tab.page);
  });

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await server?.cleanup();
    harness?.cleanup();
  });

  /** Decodes the PNG and checks each organisation's sector colour and each edge's colour at their places. */
  async function checkPng(snapshot: BoardSnapshot, result: HarnessRunResult): Promise<PNG> {
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
      const colour = hex(theme.sectorColours[organisation.sector]!);
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
      const colour = hex(theme.kindColours[middle.kind]!);
      expect(
        nearestColour(png, (middle.x + offset.x) * scale, (middle.y + offset.y) * scale, colour, 2),
        id,
      ).toBeLessThan(40);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    return png;
  }

  it('exports a PNG that covers nodes far outside the viewport, with sector colours and edges in place', async () => {
    const { board, snapshot } = await seed(server, 'Far board', (doc) => writeFarBoard(doc, false));
    await openInHarness(tab.page, board);
    const options = { title: 'Far board', legend: true, madeWith: true } as const;
    // This board is ~8,000 × 6,000 px at 1×, over the default PNG pixel budget: allow the canvas limit here.
    const result = await run(tab.page, {
      format: 'png',
      scale: 1,
      maxPixels: 100_000_000,
      returnBytes: true,
      returnSvg: true,
      ...options,
    });
    expect(result.scaledDownTo).toBeNull();
    await checkPng(snapshot, result);
    // Progress came in order, through every phase, and ended at 1.
    const fractions = result.progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect([...new Set(result.progress.map((p) => p.phase))]).toEqual([
      'fonts',
      'svg',
      'draw',
      'encode',
      'done',
    ]);

    // With the default pixel budget the same export is made smaller, says so, and is still right.
    const budgeted = await run(tab.page, {
      format: 'png',
      scale: 2,
      returnBytes: true,
      returnSvg: true,
      ...options,
    });
    expect(budgeted.scaledDownTo).not.toBeNull();
    expect(budgeted.scaledDownTo!).toBeLessThan(1);
    expect(budgeted.width! * budgeted.height!).toBeLessThanOrEqual(36_000_000);
    expect(budgeted.width! * budgeted.height!).toBeGreaterThan(35_000_000);
    await checkPng(snapshot, budgeted);
    expect(tab.errors).toEqual([]);
  });

  it('a large PNG made in two bands by two workers equals the one-worker PNG, to rounding', async () => {
    const { board } = await seed(server, 'Two bands', (doc) => writeFarBoard(doc, false));
    await openInHarness(tab.page, board);
    for (const background of ['white', 'transparent'] as const) {
      const options = { format: 'png', scale: 1, legend: true, background, returnBytes: true } as const;
      const two = await run(tab.page, { ...options, parallel: true });
      const one = await run(tab.page, { ...options, parallel: false });
      expect(two.steps?.['helper encode'], 'the helper encoded the lower band').toBeGreaterThan(0);
      const a = PNG.sync.read(Buffer.from(two.base64!, 'base64'));
      const b = PNG.sync.read(Buffer.from(one.base64!, 'base64'));
      // Large enough for two workers (SHARE_MIN_PIXELS).
      expect(a.width * a.height).toBeGreaterThan(4_000_000);
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      // Anti-aliasing of shapes cut by the band's edge differs by a few levels, so pixels are compared
      // as 4×4 block averages: a shape left out of a band, or a band joined wrongly (a filter against a
      // row the decoder does not have, which runs down whole columns), differs by far more.
      let worst = 0;
      for (let by = 0; by + 4 <= a.height; by += 4) {
        for (let bx = 0; bx + 4 <= a.width; bx += 4) {
          for (let channel = 0; channel < 4; channel += 1) {
            let sum = 0;
            for (let y = by; y < by + 4; y += 1) {
              for (let x = bx; x < bx + 4; x += 1) {
                const i = (y * a.width + x) * 4 + channel;
                sum += a.data[i]! - b.data[i]!;
              }
            }
            worst = Math.max(worst, Math.abs(sum) / 16);
          }
        }
      }
      expect(worst, background).toBeLessThan(24);
    }
  });

  it('paints dotted relationships as Chromium draws the SVG: the same dots in the same places', async () => {
    const { board } = await seed(server, 'Dotted', writeDottedBoard);
    await openInHarness(tab.page, board);
    // 1×, 2× (two workers, in bands) and scaled down to a fraction of a pixel per unit, as large maps are.
    for (const [scale, maxPixels] of [
      [1, undefined],
      [2, undefined],
      [2, 2_500_000],
    ] as const) {
      const result = await run(tab.page, {
        format: 'png',
        scale,
        ...(maxPixels ? { maxPixels } : {}),
        returnBytes: true,
        returnSvg: true,
      });
      expect(result.ok, result.error?.message).toBe(true);
      const ours = PNG.sync.read(Buffer.from(result.base64!, 'base64'));
      const reference = await renderSvgInPage(tab.page, result.svg!, ours.width, ours.height);
      const lines = dottedLines(result.svg!, ours.width / mapOffset(result.svg!).width);
      expect(lines).toHaveLength(5);
      for (const { line, width } of lines) {
        const [a, b] = [inkAlongLine(ours, line, width / 2), inkAlongLine(reference, line, width / 2)];
        const sum = (values: number[]): number => values.reduce((total, v) => total + v, 0);
        const misplaced = sum(a.map((v, i) => Math.abs(v - b[i]!))) / sum(b);
        const label = `${ours.width}×${ours.height}, dots ${width.toFixed(2)} px: ink ${sum(a) / sum(b)}, misplaced ${misplaced}`;
        // As much ink: the dots are as large (a dot 20 % wider has 44 % more).
        expect(Math.abs(sum(a) / sum(b) - 1), label).toBeLessThan(0.15);
        // In the same places: half the period off, or adding up a small error in spacing along the
        // line, puts most ink where the reference has none (misplaced > 1). Dots under 1.5 px across
        // are left out here: a sub-pixel shift is a large share of their ink, and invisible.
        if (width >= 1.5) expect(misplaced, label).toBeLessThan(0.45);
      }
    }
  });

  it('scales an export past the canvas limit down, says so, and still draws everything', async () => {
    const { board, snapshot } = await seed(server, 'Huge board', (doc) => writeFarBoard(doc, true));
    await openInHarness(tab.page, board);
    // The canvas limit, not the (smaller) default pixel budget, is what this test is about.
    const result = await run(tab.page, {
      format: 'png',
      scale: 4,
      maxPixels: 100_000_000,
      returnBytes: true,
      returnSvg: true,
    });
    expect(result.scaledDownTo).not.toBeNull();
    expect(result.scaledDownTo!).toBeLessThan(1);
    expect(result.width!).toBeLessThanOrEqual(16_384);
    await checkPng(snapshot, result);
  });

  it('exports SVG with every name as text, and a selection only', async () => {
    const { board, snapshot } = await seed(server, 'Realistic', buildRealisticBoard);
    expect(snapshot.organisations.size).toBe(REALISTIC_BOARD_COUNTS.organisations);
    await openInHarness(tab.page, board);
    const result = await run(tab.page, { format: 'svg', returnBytes: true, legend: true, language: 'nl' });
    const svg = Buffer.from(result.base64!, 'base64').toString('utf8');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const text = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent).join(' ');
    for (const entity of [
      ...snapshot.organisations.values(),
      ...snapshot.people.values(),
      ...snapshot.projects.values(),
    ]) {
      // Long single words wrap mid-word on cards, as on the canvas; compare the first eight characters.
      expect(text, entity.name).toContain(entity.name.slice(0, 8));
    }
    expect(svg).toContain('@font-face');
    expect(text).toContain('Legenda');

    const selected = await run(tab.page, {
      format: 'svg',
      returnBytes: true,
      selectNames: ['Gemeente Zwolle', 'GGD IJsselland'],
    });
    const selectedText = Buffer.from(selected.base64!, 'base64').toString('utf8');
    expect(selectedText).toContain('GGD IJsselland');
    expect(selectedText).not.toContain('Rabobank Salland');
  });

  it('saves a 2× PNG of a realistic board for people to look at', async () => {
    const { board, snapshot } = await seed(server, 'Regio Zwolle', buildRealisticBoard);
    await openInHarness(tab.page, board);
    const options = {
      title: 'Regio Zwolle: wonen, zorg en onderwijs',
      date: '12 maart 2026',
      legend: true,
      madeWith: true,
    } as const;
    const result = await run(tab.page, {
      format: 'png',
      scale: 2,
      returnBytes: true,
      returnSvg: true,
      language: 'nl',
      ...options,
    });
    expect(result.scaledDownTo).toBeNull();
    const png = await checkPng(snapshot, result);
    fs.mkdirSync(screenshotDir, { recursive: true });
    fs.writeFileSync(path.join(screenshotDir, 'export-realistic-board.png'), PNG.sync.write(png));

    // The PNG is painted with Canvas 2D from the SVG; it must look like the SVG as Chromium renders it.
    const diff = await compareWithSvgRendering(tab.page, result.svg!, result.base64!);
    expect(diff.blocks).toBeGreaterThan(10_000);
    expect(diff.differentBlocks / diff.blocks, JSON.stringify(diff)).toBeLessThan(0.01);
  });

  it('cancels: an aborted export rejects with AbortError and the page carries on', async () => {
    const { board } = await seed(server, 'Cancel', buildRealisticBoard);
    await openInHarness(tab.page, board);
    const result = await run(tab.page, { format: 'png', scale: 4, abortAfterMs: 0 });
    expect(result.ok).toBe(false);
    expect(result.error?.name).toBe('AbortError');
    const again = await run(tab.page, { format: 'png', scale: 1 });
    expect(again.ok).toBe(true);
  });
});
