/**
 * The PNG band encoder on fflate instead of our own deflate, for
 * `encoderProbe.ts`: the same scanlines (Up-filtered, a band's first row
 * None), deflated by fflate's streaming `Deflate`; a band that is not the
 * last ends with a sync flush, so the next band's stream follows byte for byte.
 */
import { Deflate } from 'fflate';
import { combineAdler } from '../../../../client/src/export/image/png/adler32.ts';
import { crc32, pngHead, pngTail } from '../../../../client/src/export/image/png/pngChunks.ts';
import type { EncodedBand } from '../../../../client/src/export/image/png/encodeBandPng.ts';

export { bandSplit } from '../../../../client/src/export/image/png/encodeBandPng.ts';

/** fflate's fastest level on the bench map's scanlines (levels 1–4 and 6 were tried; size barely differs). */
const LEVEL = 3;
const HIGH_BITS = 0x80808080 | 0;
const LOW_BITS = 0x7f7f7f7f;
const ZLIB_HEADER = [0x78, 0x01];
const IDAT = [0x49, 0x44, 0x41, 0x54];

/** PNG scanlines of RGBA rows: a filter byte, then the row; Up-filtered but the first row. */
function scanlines(pixels: Uint8Array | Uint8ClampedArray, width: number, rows: number): Uint8Array {
  const rowBytes = width * 4 + 1;
  const out = new Uint8Array(rows * rowBytes);
  const view = new DataView(out.buffer);
  const words = new Int32Array(pixels.buffer, pixels.byteOffset, width * rows);
  if (rows > 0) out.set(pixels.subarray(0, width * 4), 1);
  for (let y = 1; y < rows; y += 1) {
    out[y * rowBytes] = 2;
    for (let x = 0; x < width; x += 1) {
      const c = words[y * width + x]!;
      const u = words[(y - 1) * width + x]!;
      const up = c === u ? 0 : ((c | HIGH_BITS) - (u & LOW_BITS)) ^ ((c ^ ~u) & HIGH_BITS);
      view.setInt32(y * rowBytes + 1 + x * 4, up, true);
    }
  }
  return out;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length;) {
    // The most bytes whose sums cannot overflow 2⁵³ before they are reduced.
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i += 1) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export function encodeBand(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  rows: number,
  first: boolean,
  last: boolean,
): EncodedBand {
  const raw = scanlines(pixels, width, rows);
  const parts: Uint8Array[] = first ? [Uint8Array.from(ZLIB_HEADER)] : [];
  const deflate = new Deflate({ level: LEVEL }, (data) => parts.push(data));
  if (last) deflate.push(raw, true);
  else {
    deflate.push(raw);
    deflate.flush(true);
  }
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const chunk = new Uint8Array(12 + length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, length);
  chunk.set(IDAT, 4);
  let at = 8;
  for (const part of parts) {
    chunk.set(part, at);
    at += part.length;
  }
  view.setUint32(at, crc32(chunk, 4, at));
  return { chunk, adler: adler32(raw), rawLength: raw.length };
}

export function joinBands(width: number, height: number, bands: readonly EncodedBand[]): Blob {
  let adler = 1;
  for (const band of bands) adler = combineAdler(adler, band.adler, band.rawLength);
  return new Blob([pngHead(width, height), ...bands.map((band) => band.chunk), pngTail(adler)], {
    type: 'image/png',
  });
}

export function warmUpBandEncoder(): void {
  const width = 1024;
  const pixels = new Uint8ClampedArray(width * 8 * 4);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = i & 4096 ? 255 : Math.imul(i, 2654435761) >>> 24;
  for (let round = 0; round < 4; round += 1) encodeBand(pixels, width, 8, round % 2 === 0, round % 2 === 1);
}
