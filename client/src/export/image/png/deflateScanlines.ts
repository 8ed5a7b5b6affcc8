/**
 * A deflate encoder made for the export's PNG scanlines, fast enough in a
 * worker to beat the browser's own PNG encoder (`convertToBlob` runs zlib at
 * level 1 on one thread, ~26 ms per megapixel here) and, unlike it, able to
 * encode horizontal bands of one image on several workers whose outputs join
 * into one zlib stream.
 *
 * Every row is Up-filtered (the difference to the row above) but a band's
 * first row, which is not filtered (filter None): the worker encoding a band
 * has painted only that band, not the row above it, and a filter against a
 * row that differs from the decoder's, even by rounding, would run down every
 * column of the band. The only repetition it looks for is a
 * filtered pixel equal to the one before it, which it codes as a match at
 * distance 4: on a map, that is the plain background and the inside of shapes
 * (runs of zeros), the hard part for a general-purpose LZ77. Everything else
 * goes as literals, Huffman-coded per block of rows with the block's own
 * code lengths (dynamic blocks).
 */

import { BitWriter } from './bitWriter.ts';

/**
 * Rows per deflate block: each has its own Huffman codes (a block header is ~100 bytes). 32 rows
 * rather than 16 made a band 8 % faster at the same size (fewer codes to build); more gained nothing.
 */
const ROWS_PER_BLOCK = 32;
/** Every how many rows the symbols are counted, for the next block's codes. */
const COUNTED_ROWS = 4;
/** PNG filter types "None" and "Up". */
const FILTER_NONE = 0;
const FILTER_UP = 2;
const END_OF_BLOCK = 256;
/** Longest literal/length code (see `writeBlockHeader`). */
const MAX_LITERAL_BITS = 12;
const MAX_MATCH = 258;
const ADLER_BASE = 65521;
const HIGH_BITS = 0x80808080 | 0;
const LOW_BITS = 0x7f7f7f7f;

/** Length symbols 257…285: the first length of each and its extra bits (RFC 1951, 3.2.5). */
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** For each match length 0…258: its symbol's index in LENGTH_BASE. */
const LENGTH_INDEX = new Uint8Array(MAX_MATCH + 1);
for (let i = 0; i < LENGTH_BASE.length; i += 1) {
  const end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1]! : MAX_MATCH + 1;
  for (let length = LENGTH_BASE[i]!; length < end; length += 1) LENGTH_INDEX[length] = i;
}
/** Order of the code-length code lengths in a dynamic block header. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** One band's deflate data and what joining it into a zlib stream needs. */
export interface DeflatedBand {
  /** Deflate blocks; byte-aligned at the end (a final block, or an empty stored block after it). */
  readonly data: Uint8Array<ArrayBuffer>;
  /** Adler-32 of the band's uncompressed scanlines (filter bytes included). */
  readonly adler: number;
  /** Length of those scanlines in bytes. */
  readonly rawLength: number;
}

/**
 * Huffman code lengths for `count` symbols of frequencies `freqs`, none
 * longer than `maxBits` (into `lengths`). Lengths are limited the way miniz
 * does it: clamp, then move codes down the tree until Kraft's sum is exact.
 */
export function codeLengths(freqs: Uint32Array, count: number, maxBits: number, lengths: Uint8Array): void {
  lengths.fill(0, 0, count);
  const symbols: number[] = [];
  for (let s = 0; s < count; s += 1) if (freqs[s]! > 0) symbols.push(s);
  if (symbols.length < 2) {
    // Deflate needs at least two codes to make a complete one-bit code.
    const only = symbols[0] ?? 0;
    lengths[only] = 1;
    lengths[only === 0 ? 1 : 0] = 1;
    return;
  }
  symbols.sort((a, b) => freqs[a]! - freqs[b]! || a - b);
  const n = symbols.length;
  // Two-queue Huffman: leaves in ascending weight, internal nodes are made in ascending weight too.
  const weight = new Float64Array(2 * n - 1);
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < n; i += 1) weight[i] = freqs[symbols[i]!]!;
  let leaf = 0;
  let inner = n;
  for (let next = n; next < 2 * n - 1; next += 1) {
    const pick = (): number =>
      leaf < n && (inner >= next || weight[leaf]! <= weight[inner]!) ? leaf++ : inner++;
    const a = pick();
    const b = pick();
    weight[next] = weight[a]! + weight[b]!;
    parent[a] = next;
    parent[b] = next;
  }
  const depth = new Uint8Array(2 * n - 1);
  for (let i = 2 * n - 3; i >= 0; i -= 1) depth[i] = Math.min(depth[parent[i]!]! + 1, 255);
  const perLength = new Uint32Array(Math.max(maxBits, 16) + 1);
  for (let i = 0; i < n; i += 1) perLength[Math.min(depth[i]!, maxBits)]! += 1;
  let kraft = 0;
  for (let bits = maxBits; bits >= 1; bits -= 1) kraft += perLength[bits]! * 2 ** (maxBits - bits);
  while (kraft > 2 ** maxBits) {
    perLength[maxBits]! -= 1;
    for (let bits = maxBits - 1; bits >= 1; bits -= 1) {
      if (perLength[bits]! > 0) {
        perLength[bits]! -= 1;
        perLength[bits + 1]! += 2;
        break;
      }
    }
    kraft -= 1;
  }
  // The rarest symbols (first in `symbols`) get the longest codes.
  let at = 0;
  for (let bits = maxBits; bits >= 1; bits -= 1) {
    for (let k = perLength[bits]!; k > 0; k -= 1) lengths[symbols[at++]!] = bits;
  }
}

/** Canonical Huffman codes of `lengths`, bit-reversed (deflate sends codes from their most significant bit, LSB-first). */
function canonicalCodes(lengths: Uint8Array, count: number, codes: Uint16Array): void {
  const perLength = new Uint16Array(16);
  for (let s = 0; s < count; s += 1) perLength[lengths[s]!]! += 1;
  perLength[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let bits = 1; bits < 16; bits += 1) {
    code = (code + perLength[bits - 1]!) << 1;
    next[bits] = code;
  }
  for (let s = 0; s < count; s += 1) {
    const bits = lengths[s]!;
    if (bits === 0) continue;
    let c = next[bits]!;
    next[bits] = c + 1;
    let reversed = 0;
    for (let k = 0; k < bits; k += 1) {
      reversed = (reversed << 1) | (c & 1);
      c >>>= 1;
    }
    codes[s] = reversed;
  }
}

/**
 * Writes a dynamic block's header for these literal/length frequencies
 * (RFC 1951, 3.2.7) and returns the literal/length code as `code | bits << 16`
 * per symbol, for the block's body.
 */
function writeBlockHeader(out: BitWriter, litFreqs: Uint32Array, final: boolean): Uint32Array {
  litFreqs[END_OF_BLOCK] = 1;
  const litLengths = new Uint8Array(286);
  // At most 12 bits (deflate allows 15), so that two codes fit in the encoder's 32-bit buffer;
  // only symbols rarer than 1 in 4096 are affected, and the file grows by less than 0.1 %.
  codeLengths(litFreqs, 286, MAX_LITERAL_BITS, litLengths);
  const litCodes = new Uint16Array(286);
  canonicalCodes(litLengths, 286, litCodes);
  let litCount = 286;
  while (litCount > 257 && litLengths[litCount - 1] === 0) litCount -= 1;
  // Only distance 4 (code 3) is used; code 0 gets a length too, so the distance code is complete
  // (a one-code tree is legal but a corner case for some decoders): code 3 is then the bit "1".
  const distLengths = new Uint8Array([1, 0, 0, 1]);
  const distCount = 4;

  // The code lengths of both codes, run-length coded with symbols 16 (repeat), 17 and 18 (zeros).
  const all = new Uint8Array(litCount + distCount);
  all.set(litLengths.subarray(0, litCount));
  all.set(distLengths, litCount);
  const rle: number[] = [];
  const rleExtra: number[] = [];
  for (let i = 0; i < all.length;) {
    const value = all[i]!;
    let run = 1;
    while (i + run < all.length && all[i + run] === value) run += 1;
    i += run;
    if (value === 0) {
      while (run >= 11) {
        const n = Math.min(run, 138);
        rle.push(18);
        rleExtra.push(n - 11);
        run -= n;
      }
      if (run >= 3) {
        rle.push(17);
        rleExtra.push(run - 3);
        run = 0;
      }
    } else {
      rle.push(value);
      rleExtra.push(0);
      run -= 1;
      while (run >= 3) {
        const n = Math.min(run, 6);
        rle.push(16);
        rleExtra.push(n - 3);
        run -= n;
      }
    }
    for (; run > 0; run -= 1) {
      rle.push(value);
      rleExtra.push(0);
    }
  }
  const clFreqs = new Uint32Array(19);
  for (const symbol of rle) clFreqs[symbol]! += 1;
  const clLengths = new Uint8Array(19);
  codeLengths(clFreqs, 19, 7, clLengths);
  const clCodes = new Uint16Array(19);
  canonicalCodes(clLengths, 19, clCodes);
  let clCount = 19;
  while (clCount > 4 && clLengths[CODE_LENGTH_ORDER[clCount - 1]!] === 0) clCount -= 1;

  out.reserve(1024);
  out.write(final ? 1 : 0, 1);
  out.write(2, 2);
  out.write(litCount - 257, 5);
  out.write(distCount - 1, 5);
  out.write(clCount - 4, 4);
  for (let i = 0; i < clCount; i += 1) out.write(clLengths[CODE_LENGTH_ORDER[i]!]!, 3);
  for (let i = 0; i < rle.length; i += 1) {
    const symbol = rle[i]!;
    out.write(clCodes[symbol]!, clLengths[symbol]!);
    if (symbol === 16) out.write(rleExtra[i]!, 2);
    else if (symbol === 17) out.write(rleExtra[i]!, 3);
    else if (symbol === 18) out.write(rleExtra[i]!, 7);
  }
  const table = new Uint32Array(286);
  for (let s = 0; s < 286; s += 1) table[s] = litCodes[s]! | (litLengths[s]! << 16);
  return table;
}

/**
 * Byte-wise `c − u` (mod 256) of two RGBA pixels in one 32-bit word: no borrow crosses a byte.
 * Pixels are read as signed 32-bit integers, which V8 keeps unboxed (unsigned ones above 2³¹ become doubles).
 */
function upFilter(c: number, u: number): number {
  return c === u ? 0 : ((c | HIGH_BITS) - (u & LOW_BITS)) ^ ((c ^ ~u) & HIGH_BITS);
}

/**
 * The matches that code `bytes` (≥ 4) repeated bytes at distance 4: pieces of
 * at most 258, cut so none is under the minimum of 3 (no bytes left over).
 * Calls `match(length)` for each.
 */
function nextMatchLength(left: number): number {
  return left > MAX_MATCH ? (left - MAX_MATCH >= 3 ? MAX_MATCH : left - 3) : left;
}

/**
 * Counts the literal/length symbols of every `COUNTED_ROWS`th row of `[from, to)`
 * into `freqs` (as `deflateScanlines` codes them), for the first block's codes.
 */
function countRows(
  current: Int32Array,
  zeros: Int32Array,
  width: number,
  from: number,
  to: number,
  freqs: Uint32Array,
): void {
  for (let y = from; y < to; y += COUNTED_ROWS) {
    const row = y * width;
    // The first row, unfiltered, is its difference to a row of zeros.
    const up = y === 0 ? zeros : current;
    const upRow = y === 0 ? 0 : row - width;
    freqs[y === 0 ? FILTER_NONE : FILTER_UP]! += 1;
    let previous = upFilter(current[row]!, up[upRow]!);
    let x = 1;
    for (;;) {
      freqs[previous & 0xff]! += 1;
      freqs[(previous >>> 8) & 0xff]! += 1;
      freqs[(previous >>> 16) & 0xff]! += 1;
      freqs[previous >>> 24]! += 1;
      let run = 0;
      let next = 0;
      for (; x < width; x += 1) {
        next = upFilter(current[row + x]!, up[upRow + x]!);
        if (next !== previous) break;
        run += 1;
      }
      for (let left = run * 4; left > 0;) {
        const length = nextMatchLength(left);
        freqs[257 + LENGTH_INDEX[length]!]! += 1;
        left -= length;
      }
      if (x >= width) break;
      previous = next;
      x += 1;
    }
  }
}

/**
 * Deflates the PNG scanlines of `rows` rows of `width` RGBA pixels (`pixels`,
 * row after row), each row Up-filtered but the first (filter None), into
 * `out` (after what it holds; checksummed block by block, see `BitWriter`).
 * With `final`, the last block ends the deflate stream; otherwise an empty
 * stored block follows it (a sync flush), so the next band's blocks can be
 * appended byte for byte.
 *
 * One pass: each block of rows is coded with Huffman codes made from the
 * symbol counts of the block before it (every symbol counted once more, so
 * each has a code), which neighbouring rows of a map share closely; the
 * first block's are counted ahead. Only every `COUNTED_ROWS`th row is counted:
 * a sample is as good for the codes and counting every literal was a tenth of
 * the time. A run of equal filtered pixels (the previous one and `run` more)
 * becomes matches at distance 4.
 */
export function deflateScanlines(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  rows: number,
  final: boolean,
  out: BitWriter = new BitWriter(0),
): DeflatedBand {
  if (pixels.byteLength < width * rows * 4)
    throw new Error('deflateScanlines: fewer pixels than rows × width');
  const current = new Int32Array(pixels.buffer, pixels.byteOffset, width * rows);
  const zeros = new Int32Array(width);
  const rowBytes = width * 4 + 1;
  let freqs = new Uint32Array(286);
  let counting = new Uint32Array(286);
  countRows(current, zeros, width, 0, Math.min(rows, ROWS_PER_BLOCK), freqs);
  const start = out.at;
  // Literals at ~4–8 bits and runs at almost nothing: a third of the raw size is a fair first guess.
  out.reserve(Math.max(1024, Math.ceil((rows * rowBytes) / 3)));
  let a = 1;
  let b = 0;

  for (let blockStart = 0; blockStart < rows; blockStart += ROWS_PER_BLOCK) {
    const blockEnd = Math.min(rows, blockStart + ROWS_PER_BLOCK);
    for (let symbol = 0; symbol < 286; symbol += 1) freqs[symbol]! += 1;
    const table = writeBlockHeader(out, freqs, final && blockEnd === rows);
    counting.fill(0);
    // At most 12 + 5 + 1 bits a byte of the raw data, plus the end of block, plus the 4 bytes a
    // 32-bit store at the last byte touches.
    out.reserve((blockEnd - blockStart) * rowBytes * 3 + 20);
    const view = new DataView(out.bytes.buffer);
    let at = out.at;
    let bits = out.bits;
    let count = out.count;
    for (let y = blockStart; y < blockEnd; y += 1) {
      const row = y * width;
      // The first row, unfiltered, is its difference to a row of zeros.
      const up = y === 0 ? zeros : current;
      const upRow = y === 0 ? 0 : row - width;
      const filter = y === 0 ? FILTER_NONE : FILTER_UP;
      const counted = y % COUNTED_ROWS === 0;
      // Fewer than 8 bits are pending between stores; literal/length codes are at most 12 bits, so
      // two of them fit in the 32-bit buffer. After one or two codes the buffer is stored whole
      // (one unaligned 32-bit store; a later store completes the partial bytes) and `at` moves
      // past the whole bytes: no branch (a `count >= 16` test went either way at random) and
      // two stores a pixel instead of eight byte stores.
      let code = table[filter]!;
      bits |= (code & 0xffff) << count;
      count += code >>> 16;
      view.setInt32(at, bits, true);
      at += count >>> 3;
      bits >>>= count & 24;
      count &= 7;
      if (counted) counting[filter]! += 1;
      a += filter;
      b += a;
      let previous = upFilter(current[row]!, up[upRow]!);
      let x = 1;
      for (;;) {
        // The pixel `previous` as four literals (the first of a run of equal ones).
        const p0 = previous & 0xff;
        const p1 = (previous >>> 8) & 0xff;
        const p2 = (previous >>> 16) & 0xff;
        const p3 = previous >>> 24;
        if (counted) {
          counting[p0]! += 1;
          counting[p1]! += 1;
          counting[p2]! += 1;
          counting[p3]! += 1;
        }
        const sum = p0 + p1 + p2 + p3;
        const weighted = 4 * p0 + 3 * p1 + 2 * p2 + p3;
        b += 4 * a + weighted;
        a += sum;
        code = table[p0]!;
        bits |= (code & 0xffff) << count;
        count += code >>> 16;
        code = table[p1]!;
        bits |= (code & 0xffff) << count;
        count += code >>> 16;
        view.setInt32(at, bits, true);
        at += count >>> 3;
        bits >>>= count & 24;
        count &= 7;
        code = table[p2]!;
        bits |= (code & 0xffff) << count;
        count += code >>> 16;
        code = table[p3]!;
        bits |= (code & 0xffff) << count;
        count += code >>> 16;
        view.setInt32(at, bits, true);
        at += count >>> 3;
        bits >>>= count & 24;
        count &= 7;
        let run = 0;
        let next = 0;
        for (; x < width; x += 1) {
          next = upFilter(current[row + x]!, up[upRow + x]!);
          if (next !== previous) break;
          run += 1;
        }
        if (run > 0) {
          // `run` more pixels of 4 bytes each, in closed form: a grows by `sum` a pixel, b by 4a + weighted.
          // Unreduced, a stays under 2²⁴ and b under 2⁴⁰ within a row: exact in doubles.
          b += 4 * run * a + 2 * sum * run * (run - 1) + run * weighted;
          a += run * sum;
          for (let left = run * 4; left > 0;) {
            const length = nextMatchLength(left);
            const index = LENGTH_INDEX[length]!;
            if (counted) counting[257 + index]! += 1;
            code = table[257 + index]!;
            const symbolBits = code >>> 16;
            const extra = LENGTH_EXTRA[index]!;
            // Length code, its extra bits, then distance code 3 ("1" in the two-code distance tree):
            // up to 18 bits.
            bits |=
              ((code & 0xffff) |
                ((length - LENGTH_BASE[index]!) << symbolBits) |
                (1 << (symbolBits + extra))) <<
              count;
            count += symbolBits + extra + 1;
            view.setInt32(at, bits, true);
            at += count >>> 3;
            bits >>>= count & 24;
            count &= 7;
            left -= length;
          }
        }
        if (x >= width) break;
        previous = next;
        x += 1;
      }
      a %= ADLER_BASE;
      b %= ADLER_BASE;
    }
    const end = table[END_OF_BLOCK]!;
    out.at = at;
    out.bits = bits;
    out.count = count;
    out.write(end & 0xffff, end >>> 16);
    out.checksum();
    [freqs, counting] = [counting, freqs];
  }
  if (rows === 0 && final) {
    // Nothing to code, but the stream must still end: an empty final stored block.
    out.reserve(8);
    out.write(1, 3);
    out.align();
    out.write(0, 16);
    out.write(0xffff, 16);
  }
  if (!final) {
    // A sync flush: an empty stored block, which ends byte-aligned.
    out.reserve(8);
    out.write(0, 3);
    out.align();
    out.write(0, 16);
    out.write(0xffff, 16);
  }
  out.align();
  return {
    data: out.bytes.subarray(start, out.at),
    adler: ((b << 16) | a) >>> 0,
    rawLength: rows * rowBytes,
  };
}

/** Adler-32 of two byte strings joined, from theirs (zlib's `adler32_combine`). */
export function combineAdler(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}
