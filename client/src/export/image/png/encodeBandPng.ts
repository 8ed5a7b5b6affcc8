import { combineAdler } from './adler32.ts';
import { deflateScanlines } from './deflateScanlines.ts';
import { BitWriter } from './bitWriter.ts';
import { BAND_CHUNK_CRC_FROM, bandChunkHead, closeBandChunk, pngHead, pngTail } from './pngChunks.ts';

/** One horizontal band of a PNG, deflated and wrapped in its IDAT chunk (see `encodeBand`). */
export interface EncodedBand {
  readonly chunk: Uint8Array<ArrayBuffer>;
  /** Adler-32 of the band's uncompressed scanlines. */
  readonly adler: number;
  /** Length of those scanlines in bytes. */
  readonly rawLength: number;
}

/**
 * Where a two-worker PNG is cut into the band the main worker paints and
 * encodes (rows `[0, split)`) and the helper's (`[split, height)`). Both
 * workers compute it from the same SVG. At least one row each.
 */
export function bandSplit(height: number): number {
  return Math.min(height - 1, Math.max(1, Math.round(height / 2)));
}

/**
 * Deflates a band's RGBA pixels (`rows` rows of `width`, row after row) into
 * its IDAT chunk: the first band's carries the zlib header, the last band's
 * deflate data ends the stream (`deflateScanlines`). Bands are encoded
 * without the row above them (their first row is filtered None), so two
 * workers can encode theirs at once and the chunks join byte for byte.
 */
export function encodeBand(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  rows: number,
  first: boolean,
  last: boolean,
): EncodedBand {
  const head = bandChunkHead(first);
  const out = new BitWriter(0, head, BAND_CHUNK_CRC_FROM);
  const band = deflateScanlines(pixels, width, rows, last, out);
  return { chunk: closeBandChunk(out), adler: band.adler, rawLength: band.rawLength };
}

/** The PNG file of an image encoded as bands, top to bottom (`encodeBand`; the first with `first`, the last with `last`). */
export function joinBands(width: number, height: number, bands: readonly EncodedBand[]): Blob {
  let adler = 1;
  for (const band of bands) adler = combineAdler(adler, band.adler, band.rawLength);
  return new Blob([pngHead(width, height), ...bands.map((band) => band.chunk), pngTail(adler)], {
    type: 'image/png',
  });
}

let warmedUp = false;

/**
 * Runs the band encoder a few times on a small made-up image, once per
 * worker, while the worker waits anyway (the export dialog is open): V8 then
 * has it optimised before the real band, which it otherwise codes partly
 * unoptimised (each export has new workers). The image takes every path a
 * map's rows take, or V8 drops the optimised code in the middle of the real
 * band (`--trace-deopt` shows it): rows wide enough for the
 * Adler-32 sums to leave 32-bit integers, a long run at the start of a row and
 * one at the end, after noise, where the run's closed-form Adler-32 product
 * leaves them too; runs longer than a match, one of 66 pixels (the pixel and
 * 65 more: 260 bytes, the odd split into 257 + 3); stripes and noise; and a
 * size whose first output guess (a third of the raw bytes) is fractional.
 */
export function warmUpBandEncoder(): void {
  if (warmedUp) return;
  warmedUp = true;
  const width = 4096;
  const rows = 8;
  const pixels = new Uint8ClampedArray(width * rows * 4);
  for (let i = 0; i < pixels.length; i += 1) {
    const x = (i >> 2) % width;
    const y = Math.floor(i / (width * 4));
    pixels[i] =
      x < 700 || x >= 2600
        ? 255
        : x < 766
          ? 40 + y
          : x < 1100
            ? x & 4
              ? 30
              : 220
            : Math.imul(i, 2654435761) >>> 24;
  }
  for (let round = 0; round < 10; round += 1)
    encodeBand(pixels, width, rows, round % 2 === 0, round % 3 === 0);
}
