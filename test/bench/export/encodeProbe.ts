/**
 * `flock /tmp/interplay-bench.lock npx tsx test/bench/export/encodeProbe.ts [board.png]`: the PNG
 * band encoder (`encodeBand`) alone, in Node (the same V8 family as the export's workers), on a
 * saved export. The image (default `/tmp/probe0/board.png`, written by `pngProbe.ts` with
 * PROBE_OUT) is decoded to RGBA and cut into the two bands the export's two workers encode
 * (`bandSplit`); each band is encoded run after run and its times printed, then the joined file's
 * size, and the file is checked: it is inflated by zlib (which checks the Adler-32), its scanlines
 * unfiltered and compared with the input pixel for pixel, and its chunks' CRCs are verified.
 *
 * Environment: BENCH_RUNS (default 8 per band, after 3 warm-up runs, as a worker warms up with
 * `warmUpBandEncoder`); ENCODE_MODULE, another `encodeBandPng.ts` to time instead of this
 * checkout's (e.g. a copy of the base commit's, for an A/B run in one quiet window); ENCODE_OUT,
 * a path to save the joined PNG at. Profile with
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/export/encodeProbe.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { crc32 } from '../../../client/src/export/image/png/pngChunks.ts';
import * as ownEncoder from '../../../client/src/export/image/png/encodeBandPng.ts';

type Encoder = Pick<typeof ownEncoder, 'bandSplit' | 'encodeBand' | 'joinBands'>;

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 8));
const WARM_UP_RUNS = 3;
const file = process.argv[2] ?? '/tmp/probe0/board.png';
const modulePath = process.env.ENCODE_MODULE;
const encoder: Encoder = modulePath
  ? ((await import(pathToFileURL(path.resolve(modulePath)).href)) as Encoder)
  : ownEncoder;

/** The IDAT data of a PNG file, joined, with every chunk's CRC checked on the way. */
function idatData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const stored = png.readUInt32BE(at + 8 + length);
    if (crc32(png, at + 4, at + 8 + length) !== stored) throw new Error(`bad CRC in the chunk at ${at}`);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

/** Whether the scanlines (filters None or Up only, as `deflateScanlines` writes) decode to `pixels`; the first wrong row or -1. */
function firstWrongRow(raw: Buffer, pixels: Uint8Array, width: number, height: number): number {
  const rowBytes = width * 4;
  if (raw.length !== height * (rowBytes + 1)) return 0;
  const row = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (rowBytes + 1)]!;
    const line = raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    if (filter === 0) row.set(line);
    else if (filter === 2) for (let i = 0; i < rowBytes; i += 1) row[i] = (row[i]! + line[i]!) & 0xff;
    else return y;
    if (Buffer.compare(row, pixels.subarray(y * rowBytes, (y + 1) * rowBytes)) !== 0) return y;
  }
  return -1;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const image = PNG.sync.read(fs.readFileSync(file));
const { width, height } = image;
const pixels = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
const split = encoder.bandSplit(height);
const bands = [
  { name: 'upper', pixels: pixels.subarray(0, split * width * 4), rows: split, first: true, last: false },
  {
    name: 'lower',
    pixels: pixels.subarray(split * width * 4),
    rows: height - split,
    first: false,
    last: true,
  },
];
console.log(
  `${path.basename(file)}: ${width}×${height} px, bands of ${split} and ${height - split} rows; encoder ${modulePath ?? 'this checkout'}; node ${process.version}`,
);

const encoded: ReturnType<Encoder['encodeBand']>[] = [];
for (const band of bands) {
  const times: number[] = [];
  let last: ReturnType<Encoder['encodeBand']> | null = null;
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run += 1) {
    const start = performance.now();
    last = encoder.encodeBand(band.pixels, width, band.rows, band.first, band.last);
    const ms = performance.now() - start;
    if (run >= WARM_UP_RUNS) times.push(ms);
  }
  encoded.push(last!);
  const ns = (median(times) * 1e6) / (width * band.rows);
  console.log(
    `${band.name} band: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; ${ns.toFixed(1)} ns/px), ${(last!.chunk.length / 1e6).toFixed(2)} MB`,
  );
}

const png = Buffer.from(await encoder.joinBands(width, height, encoded).arrayBuffer());
console.log(`joined file: ${png.length} bytes (${(png.length / 1e6).toFixed(2)} MB)`);
if (process.env.ENCODE_OUT) fs.writeFileSync(process.env.ENCODE_OUT, png);
const raw = zlib.inflateSync(idatData(png));
const wrong = firstWrongRow(raw, pixels, width, height);
if (wrong >= 0) {
  console.error(`MISMATCH: row ${wrong} does not decode to the input`);
  process.exitCode = 1;
} else console.log('check: CRCs, Adler-32 and every pixel equal the input');
