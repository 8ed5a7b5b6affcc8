/**
 * The chunks of a PNG file made from deflated bands (`deflateScanlines`):
 * each band's data becomes its own IDAT chunk, so each worker can wrap (and
 * checksum) its band; the zlib header opens the first IDAT's data and the
 * Adler-32 of the whole stream, known only once every band is done, goes in a
 * last small IDAT of its own (a zlib stream may be cut across IDAT chunks
 * anywhere).
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** zlib header: deflate, 32 kB window, "fastest" level (FLEVEL 0), check bits. */
const ZLIB_HEADER = [0x78, 0x01];

/** CRC-32 tables for eight bytes a step (slicing-by-8). */
const CRC_TABLES = ((): Int32Array[] => {
  const tables = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[0]![n] = c;
  }
  for (let n = 0; n < 256; n += 1) {
    for (let t = 1; t < 8; t += 1) {
      const previous = tables[t - 1]![n]!;
      tables[t]![n] = tables[0]![previous & 0xff]! ^ (previous >>> 8);
    }
  }
  return tables;
})();

/** CRC-32 of `bytes[from…to)`, continuing from `crc` (start with 0). */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  let c = ~crc;
  let i = from;
  for (; i + 8 <= to; i += 8) {
    const lo = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t7[lo & 0xff]! ^
      t6[(lo >>> 8) & 0xff]! ^
      t5[(lo >>> 16) & 0xff]! ^
      t4[lo >>> 24]! ^
      t3[bytes[i + 4]!]! ^
      t2[bytes[i + 5]!]! ^
      t1[bytes[i + 6]!]! ^
      t0[bytes[i + 7]!]!;
  }
  for (; i < to; i += 1) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
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

/** The IDAT chunk of a band: with `first`, the zlib header goes before its deflate data. */
export function bandChunk(data: Uint8Array, first: boolean): Uint8Array<ArrayBuffer> {
  return pngChunk('IDAT', data, first ? ZLIB_HEADER : []);
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
