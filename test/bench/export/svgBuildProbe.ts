/**
 * `npx tsx test/bench/export/svgBuildProbe.ts`: what each PNG worker does before
 * it paints, in Node (the same V8 as Chromium's workers): `buildBoardSvg` of
 * `npm run bench:export`'s board with the 2× PNG's options (legend, made-with
 * line, title, both Inter files embedded), then `parseExportSvg` of the result,
 * run after run, with the median and fastest of each printed, and the first
 * run: as in a PNG worker, after `warmUpPngWorker` (its painting part needs
 * OffscreenCanvas and is skipped here) and before any other build.
 *
 * With SVG_BASE=<dir> (a copy of another commit's `client/src` and `shared`,
 * e.g. `git archive <commit> client/src shared | tar -x -C <dir>` and a
 * `node_modules` symlink in `<dir>`), that commit's builder and parser are
 * timed on the same board in the same process, and the two documents are
 * compared byte for byte (the board's ids are random, so only an in-process
 * comparison can check that).
 *
 * Environment: BENCH_RUNS (default 20), SVG_BASE, SVG_OUT (file to save this
 * build's SVG to). Under the machine's bench lock:
 * `flock /tmp/interplay-bench.lock npx tsx test/bench/export/svgBuildProbe.ts`;
 * for a CPU profile add `node --cpu-prof`'s flag through
 * `NODE_OPTIONS=--cpu-prof --cpu-prof-dir=<dir>`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type { BoardSvgOptions } from '../../../client/src/export/image/buildBoardSvg.ts';
import type { EmbeddedFont } from '../../../client/src/export/image/embeddedFont.ts';
import { generateBoard } from '../canvas/generateBoard.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SIZE = { organisations: 1600, people: 400, projects: 20, relationships: 5000 };
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 20));
const BASE = process.env.SVG_BASE ?? null;
const OUT = process.env.SVG_OUT ?? null;

interface Export {
  buildBoardSvg: (snapshot: BoardSnapshot, options: BoardSvgOptions) => string;
  parseExportSvg: (svg: string) => unknown;
  exportLabels: (language: 'en') => BoardSvgOptions['labels'];
  INTER_FONT_FILES: Record<'latin' | 'latinExt', { file: string; unicodeRange: string }>;
  warmUpPngWorker: () => void;
}

async function loadExport(root: string): Promise<Export> {
  const image = path.join(root, 'client/src/export/image');
  const [build, parse, labels, font, warmUp] = await Promise.all([
    import(path.join(image, 'buildBoardSvg.ts')),
    import(path.join(image, 'png/parseExportSvg.ts')),
    import(path.join(image, 'exportLabels.ts')),
    import(path.join(image, 'embeddedFont.ts')),
    import(path.join(image, 'png/warmUpPngWorker.ts')),
  ]);
  return {
    buildBoardSvg: build.buildBoardSvg,
    parseExportSvg: parse.parseExportSvg,
    exportLabels: labels.exportLabels,
    INTER_FONT_FILES: font.INTER_FONT_FILES,
    warmUpPngWorker: warmUp.warmUpPngWorker,
  };
}

/** The options `exportImage` gives the PNG workers for pngProbe's export (fonts as `loadExportFonts` loads them). */
function pngOptions(exp: Export): BoardSvgOptions {
  const fontDir = path.join(repoRoot, 'node_modules/@fontsource-variable/inter/files');
  const fonts: EmbeddedFont[] = [exp.INTER_FONT_FILES.latin, exp.INTER_FONT_FILES.latinExt].map((f) => ({
    unicodeRange: f.unicodeRange,
    woff2Base64: fs.readFileSync(path.join(fontDir, f.file)).toString('base64'),
  }));
  return {
    labels: exp.exportLabels('en'),
    language: 'en',
    selection: null,
    title: 'Benchmark',
    legend: true,
    madeWith: true,
    fonts,
  };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number): string => value.toFixed(1);

function time(name: string, exp: Export, snapshot: BoardSnapshot, options: BoardSvgOptions): string {
  const builds: number[] = [];
  const parses: number[] = [];
  let svg = '';
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    svg = exp.buildBoardSvg(snapshot, options);
    const built = performance.now();
    exp.parseExportSvg(svg);
    parses.push(performance.now() - built);
    builds.push(built - started);
  }
  const both = builds.map((b, i) => b + parses[i]!);
  console.log(
    `${name}: first build ${ms(builds[0]!)} ms, parse ${ms(parses[0]!)} ms; build median ${ms(median(builds))} ms (fastest ${ms(Math.min(...builds))}), ` +
      `parse median ${ms(median(parses))} ms (fastest ${ms(Math.min(...parses))}), ` +
      `together ${ms(median(both))} ms; ${svg.length} chars, sha256 ${crypto.createHash('sha256').update(svg).digest('hex').slice(0, 16)}`,
  );
  return svg;
}

const doc = new Y.Doc();
generateBoard(doc, SIZE);
const snapshot = readBoard(doc);
const current = await loadExport(repoRoot);
const base = BASE ? await loadExport(path.resolve(BASE)) : null;
current.warmUpPngWorker();
base?.warmUpPngWorker();
// Alternate the two so that neither is favoured by warm-up or by a busy moment of the machine.
for (let round = 0; round < 2; round += 1) {
  const svg = time('this tree', current, snapshot, pngOptions(current));
  if (OUT && round === 0) fs.writeFileSync(OUT, svg);
  if (base) {
    const reference = time('SVG_BASE ', base, snapshot, pngOptions(base));
    if (round === 0) {
      if (svg === reference) console.log('byte-identical to SVG_BASE');
      else {
        let at = 0;
        while (svg[at] === reference[at]) at += 1;
        console.log(`DIFFERS from SVG_BASE at character ${at}:`);
        console.log(`  this tree: …${svg.slice(Math.max(0, at - 80), at + 80)}`);
        console.log(`  SVG_BASE:  …${reference.slice(Math.max(0, at - 80), at + 80)}`);
      }
    }
  }
}
