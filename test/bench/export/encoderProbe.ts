/**
 * `npx tsx test/bench/export/encoderProbe.ts`: issue 15's question, whether
 * the PNG export could encode with a library instead of our own deflate. The
 * 2× PNG of `npm run bench:export`'s board is made in one run, in turns, by
 * three builds of the export harness, each in its own page:
 *  - ours: this checkout (two workers paint and deflate a band each);
 *  - fflate: the same, with `encoders/fflateBands.ts` as the band encoder;
 *  - browser: the same two workers paint, then the main worker puts both bands
 *    on one canvas and the browser encodes it (`encoders/browserEncoder.ts`).
 * Prints each run, the medians, and whether the three files' pixels are equal.
 *
 * Environment: BENCH_RUNS (rounds, default 5), CHROMIUM_PATH.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Plugin } from 'vite';
import { launchBrowser, newPage } from '../../support/browser.ts';
import type { TestPage } from '../../support/browser.ts';
import { startServer } from '../../support/serverProcess.ts';
import { seedBoard } from '../canvas/seedBoard.ts';
import { buildExportHarness } from './buildExportHarness.ts';
import type { ExportHarnessBundle } from './buildExportHarness.ts';
import { openBoardInHarness, prewarmInPage, runExport } from './harnessApi.ts';
import type { HarnessRunOptions, HarnessRunResult } from './harnessApi.ts';

const SIZE = { organisations: 1600, people: 400, projects: 20, relationships: 5000 };
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const PNG_OPTIONS: HarnessRunOptions = {
  format: 'png',
  scale: 2,
  legend: true,
  madeWith: true,
  title: 'Benchmark',
};
const encoders = path.join(path.dirname(fileURLToPath(import.meta.url)), 'encoders');

/** Resolves the export's `png/<file>` to `replacement` for every importer but the replacements themselves. */
function swap(file: string, replacement: string): Plugin {
  return {
    name: `swap-${file}`,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(encoders) || !source.endsWith(file)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id.endsWith(`/png/${file}`) ? path.join(encoders, replacement) : null;
    },
  };
}

const variants: ReadonlyArray<{ name: string; plugins: Plugin[] }> = [
  { name: 'ours', plugins: [] },
  { name: 'fflate', plugins: [swap('encodeBandPng.ts', 'fflateBands.ts')] },
  {
    name: 'browser',
    plugins: [swap('encodeBandPng.ts', 'rawBands.ts'), swap('renderBoardPng.ts', 'browserEncoder.ts')],
  },
];

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
const ms = (value: number | undefined): string => `${Math.round(value ?? 0)}`;

const bundles: ExportHarnessBundle[] = [];
for (const variant of variants) bundles.push(await buildExportHarness(variant.plugins));
const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
try {
  const seeded = await seedBoard(server, SIZE);
  const tabs: TestPage[] = [];
  for (const [i, variant] of variants.entries()) {
    const tab = await newPage(browser, { viewport: { width: 1600, height: 900 } });
    await bundles[i]!.serve(tab.page, server.url);
    await bundles[i]!.open(tab.page, server.url);
    await openBoardInHarness(tab.page, seeded.board.id, seeded.board.keys.view);
    const warm = await runExport(tab.page, { format: 'png', scale: 1 });
    if (!warm.ok) throw new Error(`${variant.name}: warm-up failed: ${warm.error?.message}`);
    tabs.push(tab);
  }
  const results = variants.map((): HarnessRunResult[] => []);
  const files: Array<Buffer | null> = variants.map(() => null);
  for (let round = 0; round < RUNS; round += 1) {
    // A different variant goes first each round, so none always runs after the same one.
    for (let k = 0; k < variants.length; k += 1) {
      const i = (round + k) % variants.length;
      await prewarmInPage(tabs[i]!.page);
      const last = round === RUNS - 1;
      const result = await runExport(tabs[i]!.page, { ...PNG_OPTIONS, returnBytes: last });
      if (!result.ok) throw new Error(`${variants[i]!.name}: ${result.error?.message}`);
      results[i]!.push(result);
      if (last) files[i] = Buffer.from(result.base64!, 'base64');
      const steps = Object.entries(result.steps ?? {})
        .filter(([name]) => /encode|join|canvas/.test(name))
        .map(([name, value]) => `${name} ${ms(value)}`)
        .join(', ');
      console.log(
        `round ${round + 1} ${variants[i]!.name}: ${ms(result.totalMs)} ms (${steps}) ${((result.bytes ?? 0) / 1e6).toFixed(1)} MB`,
      );
    }
  }
  console.log('');
  const base = median(results[0]!.map((r) => r.totalMs));
  for (const [i, variant] of variants.entries()) {
    const total = median(results[i]!.map((r) => r.totalMs));
    const encode = median(results[i]!.map((r) => r.encodeMs ?? 0));
    console.log(
      `${variant.name.padEnd(8)} median ${ms(total)} ms (${((total / base - 1) * 100).toFixed(0)} % against ours), encode phase ${ms(encode)} ms, ${((results[i]![0]!.bytes ?? 0) / 1e6).toFixed(1)} MB`,
    );
  }
  const decoded = files.map((file) => PNG.sync.read(file!));
  const same = decoded.every((png) => png.data.equals(decoded[0]!.data));
  console.log(`pixels of the last run's three files: ${same ? 'equal' : 'DIFFERENT'}`);
  if (!same) process.exitCode = 1;
  for (const tab of tabs) await tab.close();
} finally {
  await browser.close();
  await server.cleanup();
  for (const bundle of bundles) bundle.cleanup();
}
