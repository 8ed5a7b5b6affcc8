/**
 * `npm run bench:export`: the export benchmark of issue 4. Pushes a generated
 * board of 2,000 nodes (1,600 organisations, 400 people), 20 projects and
 * 5,000 relationships into the real server through a y-websocket client, then
 * in headless Chromium measures, for the same board:
 *  - ours: the SVG built from the model (in a Web Worker, with the embedded
 *    font), the 2× PNG painted from it with Canvas 2D in a Web Worker (within
 *    the PNG pixel budget; the delivered size is printed), and the JSON export;
 *    plus one PNG at the full canvas limit, to show what the budget saves;
 *  - the DOM approach: `html-to-image@1.11.11` `toPng()` of React Flow's
 *    `.react-flow__viewport` on the open board page, bounded by a timeout.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium); BENCH_DOM_TIMEOUT_MS
 * bounds the DOM export (default 120 s); BENCH_RUNS repeats our exports (default 3, median printed);
 * BENCH_STATIC_DIR serves an existing client build instead of (re)building `client/dist`;
 * BENCH_SKIP_DOM=1 skips the DOM approach; BENCH_PNG_MAX_PIXELS overrides the PNG pixel budget of the 2× runs.
 * Each 2× PNG run is followed by the same export on one worker (`parallel: false`), to compare in the same load.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newPage } from '../support/browser.ts';
import { startServer } from '../support/serverProcess.ts';
import { ensureClientBuilt } from './canvas/ensureClientBuilt.ts';
import { openBoard } from './canvas/openBoard.ts';
import { seedBoard } from './canvas/seedBoard.ts';
import { buildExportHarness } from './export/buildExportHarness.ts';
import { exportJsonInPage, openBoardInHarness, prewarmInPage, runExport } from './export/harnessApi.ts';
import type { HarnessRunOptions, HarnessRunResult } from './export/harnessApi.ts';
import { domExport } from './export/domExport.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SIZE = { organisations: 1600, people: 400, projects: 20, relationships: 5000 };
const DOM_TIMEOUT_MS = Number(process.env.BENCH_DOM_TIMEOUT_MS ?? 120_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number): string => `${Math.round(value).toLocaleString('en')} ms`;
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

function must(result: HarnessRunResult, what: string): HarnessRunResult {
  if (!result.ok) throw new Error(`${what} failed: ${result.error?.name}: ${result.error?.message}`);
  return result;
}

const staticDir = process.env.BENCH_STATIC_DIR ?? null;
if (!staticDir) ensureClientBuilt(repoRoot);
const [server, harness, browser] = await Promise.all([
  startServer(staticDir ? { env: { STATIC_DIR: staticDir } } : {}),
  buildExportHarness(),
  launchBrowser(),
]);
try {
  console.log(
    `Seeding ${SIZE.organisations + SIZE.people} nodes, ${SIZE.projects} projects, ${SIZE.relationships} relationships…`,
  );
  const seeded = await seedBoard(server, SIZE);
  console.log(
    `  pushed in ${ms(seeded.pushMs)}, confirmed by a fresh client after ${ms(seeded.confirmedMs)}`,
  );

  // Ours, in a page on the server's origin, through the app's own sync session.
  const tab = await newPage(browser, { viewport: { width: 1600, height: 900 } });
  await harness.serve(tab.page, server.url);
  await harness.open(tab.page, server.url);
  const counts = await openBoardInHarness(tab.page, seeded.board.id, seeded.board.keys.view);
  console.log(`  the page synced ${JSON.stringify(counts)}`);

  // One warm-up (fonts fetched, worker code compiled), then RUNS measured runs.
  must(await runExport(tab.page, { format: 'png', scale: 1 }), 'warm-up');
  const svgRuns: HarnessRunResult[] = [];
  const pngRuns: HarnessRunResult[] = [];
  const coldRuns: HarnessRunResult[] = [];
  const oneWorkerRuns: HarnessRunResult[] = [];
  const jsonRuns: Array<{ readMs: number; jsonMs: number; bytes: number }> = [];
  const pngOptions: HarnessRunOptions = {
    format: 'png',
    scale: 2,
    legend: true,
    madeWith: true,
    title: 'Benchmark',
    ...(process.env.BENCH_PNG_MAX_PIXELS ? { maxPixels: Number(process.env.BENCH_PNG_MAX_PIXELS) } : {}),
  };
  for (let i = 0; i < RUNS; i += 1) {
    svgRuns.push(
      must(
        await runExport(tab.page, { format: 'svg', legend: true, madeWith: true, title: 'Benchmark' }),
        'SVG',
      ),
    );
    // As the user feels it: the dialog started the workers and registered the fonts when it opened
    // (prewarmInPage, not timed), then Export is clicked.
    await prewarmInPage(tab.page);
    pngRuns.push(must(await runExport(tab.page, pngOptions), 'PNG'));
    // Cold: nothing started ahead (the workers start and load the fonts inside the timed call).
    coldRuns.push(must(await runExport(tab.page, pngOptions), 'PNG, cold'));
    // Warm, painted by one worker (`parallel: false`); interleaved so all three see the same load.
    await prewarmInPage(tab.page);
    oneWorkerRuns.push(
      must(await runExport(tab.page, { ...pngOptions, parallel: false }), 'PNG, one worker'),
    );
    jsonRuns.push(await exportJsonInPage(tab.page));
  }
  const png = pngRuns[0]!;
  // Without the pixel budget: the largest canvas the browser allows (what the image export made before).
  const uncapped = must(
    await runExport(tab.page, {
      format: 'png',
      scale: 2,
      legend: true,
      madeWith: true,
      title: 'Benchmark',
      maxPixels: 100_000_000,
    }),
    'PNG at the canvas limit',
  );
  await tab.close();

  const svgMs = median(svgRuns.map((r) => r.totalMs));
  const megapixelsOf = (r: HarnessRunResult): number => ((r.width ?? 0) * (r.height ?? 0)) / 1e6;
  const pngMs = median(pngRuns.map((r) => r.totalMs));
  const jsonMs = median(jsonRuns.map((r) => r.readMs + r.jsonMs));
  const megapixels = (w = 0, h = 0): string => `${((w * h) / 1e6).toFixed(1)} Mpx`;
  const svgWidth = svgRuns[0]!.width ?? 0;
  const svgHeight = svgRuns[0]!.height ?? 0;
  const rows: Array<[string, string, string]> = [
    [
      'SVG (model → worker → file)',
      ms(svgMs),
      `${mb(svgRuns[0]!.bytes ?? 0)}, ${svgRuns[0]!.width}×${svgRuns[0]!.height} px at 100%`,
    ],
    [
      'PNG 2× requested, dialog open (workers warm; 2 workers: SVG + Canvas 2D + encode)',
      ms(pngMs),
      `${png.width}×${png.height} px = ${megapixels(png.width, png.height)}, ${mb(png.bytes ?? 0)}` +
        (png.scaledDownTo
          ? `; made at ${png.scaledDownTo}× (pixel budget), 2× would be ${svgWidth * 2}×${svgHeight * 2} = ${megapixels(svgWidth * 2, svgHeight * 2)}`
          : ''),
    ],
    [
      '  the same, cold (workers started and fonts loaded in the call)',
      ms(median(coldRuns.map((r) => r.totalMs))),
      '',
    ],
    [
      '  the same, warm, on one worker (parallel: false)',
      ms(median(oneWorkerRuns.map((r) => r.totalMs))),
      `paint ${ms(median(oneWorkerRuns.map((r) => r.drawMs ?? 0)))}, encode ${ms(median(oneWorkerRuns.map((r) => r.encodeMs ?? 0)))}`,
    ],
    ['  of which SVG built + parsed in worker', ms(median(pngRuns.map((r) => r.svgMs ?? 0))), ''],
    ['  of which fonts + Canvas 2D paint (two workers)', ms(median(pngRuns.map((r) => r.drawMs ?? 0))), ''],
    ['  of which PNG encode', ms(median(pngRuns.map((r) => r.encodeMs ?? 0))), ''],
    [
      'PNG 2× at the canvas limit instead (1 run)',
      ms(uncapped.totalMs),
      `${uncapped.width}×${uncapped.height} px = ${megapixels(uncapped.width, uncapped.height)}, ${mb(uncapped.bytes ?? 0)}; ` +
        `paint ${ms(uncapped.drawMs ?? 0)}, encode ${ms(uncapped.encodeMs ?? 0)}`,
    ],
    ['JSON (readBoard + exportBoardJson)', ms(jsonMs), mb(jsonRuns[0]!.bytes)],
  ];
  const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const row = ([what, time, note]: readonly [string, string, string]): void =>
    console.log(`${what.padEnd(widths[0]!)}  ${time.padStart(widths[1]!)}  ${note}`);
  console.log('');
  rows.forEach(row);
  console.log('');
  const phaseAt = (r: HarnessRunResult, phase: string): number =>
    r.progress.find((p) => p.phase === phase)?.atMs ?? Number.NaN;
  const [painting, drawn, encoded] = (['draw', 'encode', 'done'] as const).map((phase) =>
    median(pngRuns.map((r) => phaseAt(r, phase))),
  );
  console.log(
    `2× PNG phases (median, ms from start): painting from ${ms(painting!)}, drawn ${ms(drawn!)}, PNG encoded ${ms(encoded!)}; ` +
      `${median(pngRuns.map((r) => r.progress.length))} progress reports`,
  );
  console.log(
    `2× PNG time per megapixel: ${(pngMs / megapixelsOf(png)).toFixed(1)} ms/Mpx ` +
      `(encode alone ${(median(pngRuns.map((r) => r.encodeMs ?? 0)) / megapixelsOf(png)).toFixed(1)} ms/Mpx; ` +
      `at the canvas limit ${(uncapped.totalMs / megapixelsOf(uncapped)).toFixed(1)} ms/Mpx)`,
  );
  const stepNames = Object.keys(pngRuns[0]!.steps ?? {});
  console.log(
    `2× PNG worker steps (median ms): ` +
      stepNames.map((name) => `${name} ${ms(median(pngRuns.map((r) => r.steps?.[name] ?? 0)))}`).join(', '),
  );
  console.log(
    `Longest frame gap on the page during the 2× PNG export: ${ms(median(pngRuns.map((r) => r.longestFrameGapMs)))} ` +
      `(at the canvas limit: ${ms(uncapped.longestFrameGapMs)})`,
  );

  // The DOM approach on the open board page (printed last: it takes minutes). BENCH_SKIP_DOM=1 skips it.
  console.log('');
  if (process.env.BENCH_SKIP_DOM === '1') {
    console.log('DOM approach skipped (BENCH_SKIP_DOM=1).');
    console.log(
      `PNG target (≤ 2,000 ms, clicked with the dialog open): ${pngMs <= 2000 ? 'met' : 'MISSED'} (cold: ${ms(median(coldRuns.map((r) => r.totalMs)))})`,
    );
  } else {
    console.log(`DOM approach (html-to-image 1.11.11, bounded by ${ms(DOM_TIMEOUT_MS)})…`);
    const opened = await openBoard(
      browser,
      `${server.url}/b/${seeded.board.id}?key=${seeded.board.keys.view}`,
      'Bench',
    );
    const dom = await domExport(opened.page, repoRoot, DOM_TIMEOUT_MS);
    await opened.context.close();
    row([
      'DOM: html-to-image toPng(.react-flow__viewport)',
      dom.timedOut
        ? `> ${ms(DOM_TIMEOUT_MS)} (timed out)`
        : dom.error
          ? `failed after ${ms(dom.ms)}`
          : ms(dom.ms),
      dom.timedOut
        ? `no image; ${dom.nodesInDom} nodes and ${dom.edgesInDom} edges in the DOM`
        : (dom.error ??
          `${dom.width}×${dom.height} px, ${dom.nodesInDom} nodes and ${dom.edgesInDom} edges in the DOM`),
    ]);
    const speedup = (dom.timedOut ? DOM_TIMEOUT_MS : dom.ms) / pngMs;
    console.log(
      `PNG target (≤ 2,000 ms, clicked with the dialog open): ${pngMs <= 2000 ? 'met' : 'MISSED'} (cold: ${ms(median(coldRuns.map((r) => r.totalMs)))}); ` +
        `${dom.timedOut ? '≥ ' : ''}${speedup.toFixed(1)}× faster than the DOM approach (target ≥ 10×): ${speedup >= 10 ? 'met' : 'MISSED'}`,
    );
  }
} finally {
  await browser.close();
  await server.cleanup();
  harness.cleanup();
}
