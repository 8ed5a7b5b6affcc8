import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import type { CreatedBoard } from '../support/syncClient.ts';
import { seed, writeDottedBoard, writeFarBoard } from './exportImageBoards.ts';
import {
  checkPng,
  compareWithSvgRendering,
  dottedLines,
  inkAlongLine,
  mapOffset,
  renderSvgInPage,
} from './exportImagePixels.ts';

/**
 * Image export in real Chromium against the real server: boards are written
 * by a Node y-websocket client through the model's commands, read back in the
 * page by the app's own sync session, exported by the real pipeline (worker,
 * embedded font, canvas) and the PNG decoded here with pngjs.
 */

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

// One server, browser and harness for every test in this file.
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

describe('image export in Chromium: PNG pixels (real server, real sync, real worker)', () => {
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
    await checkPng(snapshot, result, theme);
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
    await checkPng(snapshot, budgeted, theme);
    expect(tab.errors).toEqual([]);
  });

  it('draws what a view fades at the map\'s opacity, in the PNG as in the SVG ("as shown")', async () => {
    const { board, snapshot } = await seed(server, 'Faded board', (doc) => writeFarBoard(doc, false));
    await openInHarness(tab.page, board);
    const fadedNames = ['Far housing 1', 'Far care 2', 'Pim Verre'];
    const faded = new Set(
      [...snapshot.organisations.values(), ...snapshot.people.values()]
        .filter((node) => fadedNames.includes(node.name))
        .map((node) => node.id),
    );
    for (const scale of [1, 2] as const) {
      const result = await run(tab.page, {
        format: 'png',
        scale,
        maxPixels: 100_000_000,
        fadeNames: fadedNames,
        returnBytes: true,
        returnSvg: true,
      });
      const png = await checkPng(snapshot, result, theme, faded);
      fs.mkdirSync(screenshotDir, { recursive: true });
      fs.writeFileSync(path.join(screenshotDir, `export-faded-${scale}x.png`), PNG.sync.write(png));
      const diff = await compareWithSvgRendering(tab.page, result.svg!, result.base64!);
      expect(diff.differentBlocks / diff.blocks, JSON.stringify(diff)).toBeLessThan(0.01);
    }
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
});

describe('image export in Chromium: limits, SVG, a realistic board, cancel', () => {
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
    await checkPng(snapshot, result, theme);
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
    const png = await checkPng(snapshot, result, theme);
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
