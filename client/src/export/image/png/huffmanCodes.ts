/**
 * Huffman codes for deflate's dynamic blocks (RFC 1951, 3.2.2): code lengths
 * from symbol frequencies, limited to a maximum, and the canonical codes of
 * those lengths.
 */

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
  const perLength = limitedLengthCounts(treeDepths(symbols, freqs), maxBits);
  // The rarest symbols (first in `symbols`) get the longest codes.
  let at = 0;
  for (let bits = maxBits; bits >= 1; bits -= 1) {
    for (let k = perLength[bits]!; k > 0; k -= 1) lengths[symbols[at++]!] = bits;
  }
}

/** Depth of each leaf of the Huffman tree of `symbols` (sorted by ascending frequency), in that order. */
function treeDepths(symbols: readonly number[], freqs: Uint32Array): Uint8Array {
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
  return depth.subarray(0, n);
}

/** How many codes of each length, with every depth over `maxBits` clamped and the code made complete again. */
function limitedLengthCounts(depths: Uint8Array, maxBits: number): Uint32Array {
  const perLength = new Uint32Array(Math.max(maxBits, 16) + 1);
  for (const depth of depths) perLength[Math.min(depth, maxBits)]! += 1;
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
  return perLength;
}

/** Canonical Huffman codes of `lengths`, bit-reversed (deflate sends codes from their most significant bit, LSB-first). */
export function canonicalCodes(lengths: Uint8Array, count: number, codes: Uint16Array): void {
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
