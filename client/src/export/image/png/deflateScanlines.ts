/**
 * A deflate encoder made for the export's PNG scanlines. We keep it rather
 * than a general-purpose library because it is several times faster on a
 * map's pixels (README, Figures) and because two workers can each encode one
 * horizontal band and the bands join into one zlib stream.
 *
 * Every row is Up-filtered but a band's first row (filter None): a band's
 * worker has not painted the row above it. The only repetition it looks for
 * is a filtered pixel equal to the one before it, coded as a match at
 * distance 4: on a map, the plain background and the inside of shapes.
 * Everything else goes as literals, Huffman-coded per block of rows.
 */
import { ADLER_BASE } from './adler32.ts';
import { BitWriter } from './bitWriter.ts';
import {
  END_OF_BLOCK,
  LENGTH_BASE,
  LENGTH_EXTRA,
  LENGTH_INDEX,
  LITERAL_SYMBOLS,
  MAX_MATCH,
  writeBlockHeader,
} from './deflateBlockHeader.ts';

/** Rows per deflate block, each with its own Huffman codes: fewer headers and codes to build, codes still local. */
const ROWS_PER_BLOCK = 32;
/** Every how many rows the symbols are counted, for the next block's codes: a sample is as good as a full count. */
const COUNTED_ROWS = 4;
/** PNG filter types "None" and "Up". */
const FILTER_NONE = 0;
const FILTER_UP = 2;
const HIGH_BITS = 0x80808080 | 0;
const LOW_BITS = 0x7f7f7f7f;

/** One band's deflate data and what joining it into a zlib stream needs. */
export interface DeflatedBand {
  /** Deflate blocks; byte-aligned at the end (a final block, or an empty stored block after it). */
  readonly data: Uint8Array<ArrayBuffer>;
  /** Adler-32 of the band's uncompressed scanlines (filter bytes included). */
  readonly adler: number;
  /** Length of those scanlines in bytes. */
  readonly rawLength: number;
}

/** The output position (as `BitWriter` holds it) and the Adler-32 sums, carried from row to row. */
interface CoderState {
  view: DataView;
  at: number;
  bits: number;
  count: number;
  a: number;
  b: number;
}

/**
 * Byte-wise `c − u` (mod 256) of two RGBA pixels in one 32-bit word: no borrow crosses a byte.
 * Pixels are read as signed 32-bit integers, which V8 keeps unboxed (unsigned ones above 2³¹ become doubles).
 */
function upFilter(c: number, u: number): number {
  return c === u ? 0 : ((c | HIGH_BITS) - (u & LOW_BITS)) ^ ((c ^ ~u) & HIGH_BITS);
}

/** The next match of `left` (≥ 3) repeated bytes: at most 258, and never leaving fewer than 3 behind. */
function nextMatchLength(left: number): number {
  return left > MAX_MATCH ? (left - MAX_MATCH >= 3 ? MAX_MATCH : left - 3) : left;
}

/**
 * Counts the literal/length symbols of every `COUNTED_ROWS`th row of `[from, to)`
 * into `freqs` (as `codeRow` codes them), for the first block's codes.
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
 * Codes one scanline, `width` pixels from `current[row]` filtered against
 * `up[upRow]`, with the block's literal/length `table`; with `counted`, also
 * counts its symbols into `counting`. Updates the Adler-32 sums on the way.
 *
 * Fewer than 8 bits are pending between stores, and literal/length codes are
 * at most 12 bits, so after one or two codes the 32-bit buffer is stored
 * whole (one unaligned store; a later store completes the partial bytes) and
 * `at` moves past the whole bytes: no branch on the bit count.
 */
function codeRow(
  current: Int32Array,
  up: Int32Array,
  upRow: number,
  row: number,
  width: number,
  filter: number,
  table: Uint32Array,
  counted: boolean,
  counting: Uint32Array,
  state: CoderState,
): void {
  const view = state.view;
  let { at, bits, count, a, b } = state;
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
          ((code & 0xffff) | ((length - LENGTH_BASE[index]!) << symbolBits) | (1 << (symbolBits + extra))) <<
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
  state.at = at;
  state.bits = bits;
  state.count = count;
  state.a = a % ADLER_BASE;
  state.b = b % ADLER_BASE;
}

/** Writes an empty stored block (final or not), which ends byte-aligned. */
function writeEmptyStoredBlock(out: BitWriter, final: boolean): void {
  out.reserve(8);
  out.write(final ? 1 : 0, 3);
  out.align();
  out.write(0, 16);
  out.write(0xffff, 16);
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
 * first block's are counted ahead.
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
  let freqs = new Uint32Array(LITERAL_SYMBOLS);
  let counting = new Uint32Array(LITERAL_SYMBOLS);
  countRows(current, zeros, width, 0, Math.min(rows, ROWS_PER_BLOCK), freqs);
  const start = out.at;
  // Literals at ~4–8 bits and runs at almost nothing: a third of the raw size is a fair first guess.
  out.reserve(Math.max(1024, Math.ceil((rows * rowBytes) / 3)));
  const state: CoderState = { view: new DataView(out.bytes.buffer), at: 0, bits: 0, count: 0, a: 1, b: 0 };

  for (let blockStart = 0; blockStart < rows; blockStart += ROWS_PER_BLOCK) {
    const blockEnd = Math.min(rows, blockStart + ROWS_PER_BLOCK);
    for (let symbol = 0; symbol < LITERAL_SYMBOLS; symbol += 1) freqs[symbol]! += 1;
    const table = writeBlockHeader(out, freqs, final && blockEnd === rows);
    counting.fill(0);
    // At most 12 + 5 + 1 bits a byte of the raw data, plus the end of block, plus the 4 bytes a
    // 32-bit store at the last byte touches.
    out.reserve((blockEnd - blockStart) * rowBytes * 3 + 20);
    state.view = new DataView(out.bytes.buffer);
    state.at = out.at;
    state.bits = out.bits;
    state.count = out.count;
    for (let y = blockStart; y < blockEnd; y += 1) {
      // The first row, unfiltered, is its difference to a row of zeros.
      const first = y === 0;
      const filter = first ? FILTER_NONE : FILTER_UP;
      const row = y * width;
      const counted = y % COUNTED_ROWS === 0;
      codeRow(
        current,
        first ? zeros : current,
        first ? 0 : row - width,
        row,
        width,
        filter,
        table,
        counted,
        counting,
        state,
      );
    }
    out.at = state.at;
    out.bits = state.bits;
    out.count = state.count;
    const end = table[END_OF_BLOCK]!;
    out.write(end & 0xffff, end >>> 16);
    out.checksum();
    [freqs, counting] = [counting, freqs];
  }
  // No rows: the stream must still end. Not final: a sync flush, so the next band can follow.
  if (rows === 0 && final) writeEmptyStoredBlock(out, true);
  if (!final) writeEmptyStoredBlock(out, false);
  out.align();
  return {
    data: out.bytes.subarray(start, out.at),
    adler: ((state.b << 16) | state.a) >>> 0,
    rawLength: rows * rowBytes,
  };
}
