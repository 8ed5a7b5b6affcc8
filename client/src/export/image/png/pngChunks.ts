/**
 * The chunks of a PNG file made from deflated bands (`deflateScanlines`):
 * each band's data becomes its own IDAT chunk, so each worker can wrap (and
 * checksum) its band; the zlib header opens the first IDAT's data and the
 * Adler-32 of the whole stream, known only once every band is done, goes in a
 * last small IDAT of its own (a zlib stream may be cut across IDAT chunks
 * anywhere).
 */
import type { BitWriter } from './bitWriter.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** zlib header: deflate, 32 kB window, "fastest" level (FLEVEL 0), check bits. */
const ZLIB_HEADER = [0x78, 0x01];

/**
 * CRC-32 tables for sixteen bytes a step (slicing-by-16), one after the other
 * in one array: table `t` (the CRC of a byte followed by `t` zero bytes) at
 * `t × 256`. One array rather than sixteen leaves V8 one base register, not
 * sixteen. The CRC covers each band's whole chunk, so it is worth its speed:
 * neither fflate nor the browser offers one (and the `crc-32` package, which
 * Node's ESM cannot import by name, is slower).
 */
const CRC_TABLE = ((): Int32Array => {
  const table = new Int32Array(16 * 256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  for (let at = 256; at < table.length; at += 1) {
    const previous = table[at - 256]!;
    table[at] = table[previous & 0xff]! ^ (previous >>> 8);
  }
  return table;
})();

/**
 * CRC-32 of `bytes[from…to)`, continuing from `crc` (start with 0). The bulk
 * is read as aligned 32-bit words, four a step, which V8 loads and
 * bounds-checks once each instead of four times. Words are little-endian, as
 * on every platform browsers run on (the encoder reads pixels the same way).
 */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length, crc = 0): number {
  const t = CRC_TABLE;
  let c = ~crc;
  let i = from;
  for (; i < to && ((bytes.byteOffset + i) & 3) !== 0; i += 1) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  const steps = (to - i) >> 4;
  if (steps > 0) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset + i, steps * 4);
    for (let w = 0; w < words.length; w += 4) {
      const w0 = c ^ words[w]!;
      const w1 = words[w + 1]!;
      const w2 = words[w + 2]!;
      const w3 = words[w + 3]!;
      c =
        t[0xf00 | (w0 & 0xff)]! ^
        t[0xe00 | ((w0 >>> 8) & 0xff)]! ^
        t[0xd00 | ((w0 >>> 16) & 0xff)]! ^
        t[0xc00 | (w0 >>> 24)]! ^
        t[0xb00 | (w1 & 0xff)]! ^
        t[0xa00 | ((w1 >>> 8) & 0xff)]! ^
        t[0x900 | ((w1 >>> 16) & 0xff)]! ^
        t[0x800 | (w1 >>> 24)]! ^
        t[0x700 | (w2 & 0xff)]! ^
        t[0x600 | ((w2 >>> 8) & 0xff)]! ^
        t[0x500 | ((w2 >>> 16) & 0xff)]! ^
        t[0x400 | (w2 >>> 24)]! ^
        t[0x300 | (w3 & 0xff)]! ^
        t[0x200 | ((w3 >>> 8) & 0xff)]! ^
        t[0x100 | ((w3 >>> 16) & 0xff)]! ^
        t[w3 >>> 24]!;
    }
    i += steps * 16;
  }
  for (; i < to; i += 1) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

/** One chunk: length, type, data, CRC of type and data. `data` is copied once, into the chunk. */
export function pngChunk(
  type: string,
  data: Uint8Array | readonly number[],
  prefix: readonly number[] = [],
): Uint8Array<ArrayBuffer> {
  const length = prefix.length + data.length;
  const chunk = new Uint8Array(12 + length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, length);
  chunk.set(ascii(type), 4);
  chunk.set(prefix, 8);
  chunk.set(data, 8 + prefix.length);
  view.setUint32(8 + length, crc32(chunk, 4, 8 + length));
  return chunk;
}

/**
 * What a band's IDAT chunk starts with, before its deflate data: the length
 * (filled in by `closeBandChunk`), the type and, in the first band, the zlib
 * header. The CRC covers it from byte 4 on (`BAND_CHUNK_CRC_FROM`).
 */
export function bandChunkHead(first: boolean): number[] {
  return [0, 0, 0, 0, ...ascii('IDAT'), ...(first ? ZLIB_HEADER : [])];
}

/** Where a chunk's CRC starts: after its length. */
export const BAND_CHUNK_CRC_FROM = 4;

/**
 * Ends the IDAT chunk `out` holds (`bandChunkHead`, then deflate data, byte-aligned,
 * checksummed by `out`): fills in its length and appends its CRC. Returns the chunk.
 */
export function closeBandChunk(out: BitWriter): Uint8Array<ArrayBuffer> {
  const crc = out.checksum();
  out.reserve(4);
  const view = new DataView(out.bytes.buffer);
  view.setUint32(0, out.at - 8);
  view.setUint32(out.at, crc);
  out.at += 4;
  return out.bytes.subarray(0, out.at);
}

/** Signature and IHDR of an 8-bit RGBA image (colour type 6), no interlace. */
export function pngHead(width: number, height: number): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  const ihdr = pngChunk('IHDR', header);
  const head = new Uint8Array(SIGNATURE.length + ihdr.length);
  head.set(SIGNATURE);
  head.set(ihdr, SIGNATURE.length);
  return head;
}

/** The last IDAT (the stream's Adler-32, big-endian) and IEND. */
export function pngTail(adler: number): Uint8Array<ArrayBuffer> {
  const checksum = pngChunk('IDAT', [
    adler >>> 24,
    (adler >>> 16) & 0xff,
    (adler >>> 8) & 0xff,
    adler & 0xff,
  ]);
  const end = pngChunk('IEND', []);
  const tail = new Uint8Array(checksum.length + end.length);
  tail.set(checksum);
  tail.set(end, checksum.length);
  return tail;
}
