/**
 * `npx tsx test/bench/export/pngProbe.ts`: the 2× PNG of `npm run bench:export`'s
 * board alone, run after run, with each run's worker steps printed (the main
 * worker's and the helper's, to see whether the two finish together), and the
 * last file and the SVG it was painted from saved for a pixel comparison of
 * two builds.
 *
 * With PROBE_OUT, the same PNG is then made by one worker (`parallel: false`,
 * the browser's own encoder) from the same board, saved as `one-worker.png`,
 * and the two files' pixels are compared.
 *
 * Environment: BENCH_RUNS (default 4), PROBE_OUT (directory for `board.png`,
 * `one-worker.png` and `board.svg`; nothing saved without it), CHROMIUM_PATH.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PNG as PngFile } from 'pngjs';
import { launchBrowser, newPage } from '../../support/browser.ts';
import { startServer } from '../../support/serverProcess.ts';
import { seedBoard } from '../canvas/seedBoard.ts';
import { descendantCpuMs } from '../processSampler.ts';
import { buildExportHarness } from './buildExportHarness.ts';
import { openBoardInHarness, prewarmInPage, runExport } from './harnessApi.ts';
import type { HarnessRunOptions } from './harnessApi.ts';

const SIZE = { organisations: 1600, people: 400, projects: 20, relationships: 5000 };
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 4));
const OUT = process.env.PROBE_OUT ?? null;
const PNG: HarnessRunOptions = { format: 'png', scale: 2, legend: true, madeWith: true, title: 'Benchmark' };

/**
 * How Chromium's `convertToBlob` encoded the PNG: the zlib level class, the
 * row filters used, the IDAT chunk size. (Chromium 156: every row Up-filtered,
 * zlib "fastest", 4 KB chunks: a band encoded alone starts with a row filtered
 * against zeros, so two natively encoded bands cannot be joined into one file.)
 */
function describePng(file: Buffer): string {
  const chunks: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    if (type === 'IHDR') [width, height] = [file.readUInt32BE(at + 8), file.readUInt32BE(at + 12)];
    if (type === 'IDAT') chunks.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const level = ['fastest', 'fast', 'default', 'maximum'][chunks[0]![1]! >> 6];
  const rows = zlib.inflateSync(Buffer.concat(chunks));
  const filters = new Map<number, number>();
  for (let y = 0; y < height; y += 1) {
    const filter = rows[y * (width * 4 + 1)]!;
    filters.set(filter, (filters.get(filter) ?? 0) + 1);
  }
  const names = ['None', 'Sub', 'Up', 'Average', 'Paeth'];
  const used = [...filters].map(([filter, count]) => `${names[filter]} ${count}`).join(', ');
  return `zlib ${level}, ${chunks.length} IDAT chunks of ≤ ${Math.max(...chunks.map((c) => c.length))} B, row filters: ${used}`;
}

/** How far two PNGs' pixels lie apart: the largest channel difference, and how many differ by more than 2. */
function comparePixels(a: Buffer, b: Buffer): string {
  const [x, y] = [PngFile.sync.read(a), PngFile.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height)
    return `different sizes ${x.width}×${x.height} / ${y.width}×${y.height}`;
  let worst = 0;
  let off = 0;
  for (let i = 0; i < x.data.length; i += 1) {
    const d = Math.abs(x.data[i]! - y.data[i]!);
    if (d > worst) worst = d;
    if (d > 2) off += 1;
  }
  return `largest channel difference ${worst}, ${off} channel values differ by more than 2`;
}

const [server, harness, browser] = await Promise.all([startServer(), buildExportHarness(), launchBrowser()]);
try {
  const seeded = await seedBoard(server, SIZE);
  const tab = await newPage(browser, { viewport: { width: 1600, height: 900 } });
  await harness.serve(tab.page, server.url);
  await harness.open(tab.page, server.url);
  await openBoardInHarness(tab.page, seeded.board.id, seeded.board.keys.view);
  const warm = await runExport(tab.page, { format: 'png', scale: 1 });
  if (!warm.ok) throw new Error(`warm-up failed: ${warm.error?.message}`);
  const totals: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await prewarmInPage(tab.page);
    const last = run === RUNS - 1 && OUT !== null;
    const cpuBefore = descendantCpuMs();
    const result = await runExport(tab.page, { ...PNG, returnBytes: last, returnSvg: last });
    const cpuMs = descendantCpuMs() - cpuBefore;
    if (!result.ok) throw new Error(`PNG failed: ${result.error?.message}`);
    totals.push(result.totalMs);
    cpus.push(cpuMs);
    const steps = Object.entries(result.steps ?? {})
      .map(([name, ms]) => `${name} ${Math.round(ms)}`)
      .join(', ');
    console.log(
      `run ${run + 1}: ${Math.round(result.totalMs)} ms, CPU ${cpuMs} ms (${result.width}×${result.height}): ${steps}`,
    );
    if (last) {
      fs.mkdirSync(OUT, { recursive: true });
      const png = Buffer.from(result.base64!, 'base64');
      fs.writeFileSync(path.join(OUT, 'board.png'), png);
      console.log(describePng(png));
      fs.writeFileSync(path.join(OUT, 'board.svg'), result.svg!);
      const single = await runExport(tab.page, { ...PNG, parallel: false, returnBytes: true });
      if (!single.ok) throw new Error(`one-worker PNG failed: ${single.error?.message}`);
      const onePng = Buffer.from(single.base64!, 'base64');
      fs.writeFileSync(path.join(OUT, 'one-worker.png'), onePng);
      console.log(`saved ${path.join(OUT, 'board.png')}, one-worker.png and board.svg`);
      console.log(`against one worker: ${comparePixels(png, onePng)}`);
    }
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const cpuSorted = [...cpus].sort((a, b) => a - b);
  console.log(
    `median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms of ${RUNS}, CPU ${cpuSorted[Math.floor(cpuSorted.length / 2)]} ms (load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`,
  );
  await tab.close();
} finally {
  await browser.close();
  await server.cleanup();
  harness.cleanup();
}
