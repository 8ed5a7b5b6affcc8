/**
 * Deflate's length symbols and the header of a dynamic block (RFC 1951,
 * 3.2.5 and 3.2.7), as `deflateScanlines` uses them: literals and lengths
 * with per-block Huffman codes, and only one distance (4, one RGBA pixel).
 */
import type { BitWriter } from './bitWriter.ts';
import { canonicalCodes, codeLengths } from './huffmanCodes.ts';

export const END_OF_BLOCK = 256;
export const MAX_MATCH = 258;
/** Literal/length symbols. */
export const LITERAL_SYMBOLS = 286;
/**
 * Longest literal/length code: deflate allows 15, but at most 12 lets two codes
 * fit in the encoder's 32-bit buffer. Only symbols rarer than 1 in 4096 get
 * longer codes than they would have, so the file barely grows.
 */
const MAX_LITERAL_BITS = 12;

/** Length symbols 257…285: the first length of each and its extra bits. */
export const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
export const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/** For each match length 0…258: its symbol's index in LENGTH_BASE. */
export const LENGTH_INDEX = new Uint8Array(MAX_MATCH + 1);
for (let i = 0; i < LENGTH_BASE.length; i += 1) {
  const end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1]! : MAX_MATCH + 1;
  for (let length = LENGTH_BASE[i]!; length < end; length += 1) LENGTH_INDEX[length] = i;
}
/** Order of the code-length code lengths in a dynamic block header. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Code lengths run-length coded with symbols 16 (repeat the last), 17 and 18 (zeros), and each one's extra bits. */
function runLengthCode(all: Uint8Array): { symbols: number[]; extra: number[] } {
  const symbols: number[] = [];
  const extra: number[] = [];
  const emit = (symbol: number, bits: number): void => {
    symbols.push(symbol);
    extra.push(bits);
  };
  for (let i = 0; i < all.length;) {
    const value = all[i]!;
    let run = 1;
    while (i + run < all.length && all[i + run] === value) run += 1;
    i += run;
    if (value === 0) {
      while (run >= 11) {
        const n = Math.min(run, 138);
        emit(18, n - 11);
        run -= n;
      }
      if (run >= 3) {
        emit(17, run - 3);
        run = 0;
      }
    } else {
      emit(value, 0);
      run -= 1;
      while (run >= 3) {
        const n = Math.min(run, 6);
        emit(16, n - 3);
        run -= n;
      }
    }
    for (; run > 0; run -= 1) emit(value, 0);
  }
  return { symbols, extra };
}

/** Extra bits after code-length symbols 16, 17 and 18. */
const RUN_EXTRA_BITS: Readonly<Record<number, number>> = { 16: 2, 17: 3, 18: 7 };

/**
 * Writes a dynamic block's header for these literal/length frequencies and
 * returns the literal/length code as `code | bits << 16` per symbol, for the
 * block's body.
 */
export function writeBlockHeader(out: BitWriter, litFreqs: Uint32Array, final: boolean): Uint32Array {
  litFreqs[END_OF_BLOCK] = 1;
  const litLengths = new Uint8Array(LITERAL_SYMBOLS);
  codeLengths(litFreqs, LITERAL_SYMBOLS, MAX_LITERAL_BITS, litLengths);
  const litCodes = new Uint16Array(LITERAL_SYMBOLS);
  canonicalCodes(litLengths, LITERAL_SYMBOLS, litCodes);
  let litCount = LITERAL_SYMBOLS;
  while (litCount > 257 && litLengths[litCount - 1] === 0) litCount -= 1;
  // Only distance 4 (code 3) is used; code 0 gets a length too, so the distance code is complete
  // (a one-code tree is legal but a corner case for some decoders): code 3 is then the bit "1".
  const distLengths = new Uint8Array([1, 0, 0, 1]);

  const all = new Uint8Array(litCount + distLengths.length);
  all.set(litLengths.subarray(0, litCount));
  all.set(distLengths, litCount);
  const rle = runLengthCode(all);
  const clFreqs = new Uint32Array(19);
  for (const symbol of rle.symbols) clFreqs[symbol]! += 1;
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
  out.write(distLengths.length - 1, 5);
  out.write(clCount - 4, 4);
  for (let i = 0; i < clCount; i += 1) out.write(clLengths[CODE_LENGTH_ORDER[i]!]!, 3);
  rle.symbols.forEach((symbol, i) => {
    out.write(clCodes[symbol]!, clLengths[symbol]!);
    const extraBits = RUN_EXTRA_BITS[symbol];
    if (extraBits !== undefined) out.write(rle.extra[i]!, extraBits);
  });
  const table = new Uint32Array(LITERAL_SYMBOLS);
  for (let s = 0; s < LITERAL_SYMBOLS; s += 1) table[s] = litCodes[s]! | (litLengths[s]! << 16);
  return table;
}
