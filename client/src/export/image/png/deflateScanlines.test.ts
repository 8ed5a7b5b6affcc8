import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { combineAdler } from './adler32.ts';
import { codeLengths } from './huffmanCodes.ts';
import { encodeBand, joinBands } from './encodeBandPng.ts';
import { crc32 } from './pngChunks.ts';

/** A deterministic pseudo-random source (tests must not flake). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * An RGBA image like an exported map: plain background, filled boxes (runs
 * of equal pixels), thin anti-aliased-looking lines, noise, and with
 * `transparent` a background of alpha 0 with half-transparent shapes.
 */
function mapLikeImage(width: number, height: number, seed: number, transparent = false): Uint8ClampedArray {
  const next = random(seed);
  const pixels = new Uint8ClampedArray(width * height * 4);
  const put = (x: number, y: number, rgba: readonly number[]): void => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    pixels.set(rgba, (y * width + x) * 4);
  };
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) put(x, y, transparent ? [0, 0, 0, 0] : [255, 255, 255, 255]);
  for (let box = 0; box < 12; box += 1) {
    const x0 = Math.floor(next() * width);
    const y0 = Math.floor(next() * height);
    const colour = [next() * 255, next() * 255, next() * 255, transparent ? 40 + next() * 200 : 255].map(
      Math.floor,
    );
    for (let y = y0; y < y0 + 1 + next() * 30; y += 1)
      for (let x = x0; x < x0 + 1 + next() * 60; x += 1) put(x, y, colour);
  }
  for (let line = 0; line < 20; line += 1) {
    const y0 = next() * height;
    const slope = next() * 2 - 1;
    for (let x = 0; x < width; x += 1) {
      const y = y0 + slope * x;
      const shade = Math.floor(255 * (y - Math.floor(y)));
      put(x, Math.floor(y), [shade, 40, 255 - shade, transparent ? shade : 255]);
    }
  }
  for (let noise = 0; noise < (width * height) / 10; noise += 1) {
    const value = Math.floor(next() * 256);
    put(Math.floor(next() * width), Math.floor(next() * height), [value, 255 - value, value >> 1, 255]);
  }
  return pixels;
}

/** The PNG file of `pixels` made in bands split at `cuts` (row indices), as two or more workers would. */
async function pngInBands(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  cuts: readonly number[],
): Promise<Buffer> {
  const edges = [0, ...cuts, height];
  const rowBytes = width * 4;
  const bands = edges
    .slice(1)
    .map((to, i) =>
      encodeBand(
        pixels.subarray(edges[i]! * rowBytes, to * rowBytes),
        width,
        to - edges[i]!,
        i === 0,
        i + 2 === edges.length,
      ),
    );
  return Buffer.from(await joinBands(width, height, bands).arrayBuffer());
}

describe('deflateScanlines + pngChunks', () => {
  const cases = [
    { width: 97, height: 61, cuts: [] as number[], transparent: false },
    { width: 97, height: 61, cuts: [30], transparent: false },
    { width: 200, height: 90, cuts: [1, 17, 89], transparent: false },
    { width: 64, height: 64, cuts: [40], transparent: true },
    { width: 1, height: 5, cuts: [2], transparent: false },
    { width: 300, height: 1, cuts: [], transparent: true },
  ];
  for (const { width, height, cuts, transparent } of cases) {
    it(`${width}×${height}${transparent ? ', transparent' : ''}, bands cut at [${cuts.join(', ')}]: pngjs decodes the very pixels`, async () => {
      const pixels = mapLikeImage(width, height, width * 31 + height, transparent);
      const file = await pngInBands(pixels, width, height, cuts);
      // pngjs checks every chunk's CRC and zlib checks the Adler-32 of the joined stream.
      const decoded = PNG.sync.read(file);
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      expect(Buffer.compare(decoded.data, Buffer.from(pixels.buffer))).toBe(0);
    });
  }

  it('noise (every code long, the rare filter byte longest) stays exact', async () => {
    const width = 1000;
    const height = 40;
    const next = random(99);
    const pixels = Uint8ClampedArray.from({ length: width * height * 4 }, () => Math.floor(next() * 256));
    expect(
      Buffer.compare(
        PNG.sync.read(await pngInBands(pixels, width, height, [13])).data,
        Buffer.from(pixels.buffer),
      ),
    ).toBe(0);
  });

  it('a long run of one colour and a whole row of it code as matches (the file is far smaller than the pixels)', async () => {
    const width = 2000;
    const height = 50;
    const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
    const file = await pngInBands(pixels, width, height, [25]);
    expect(Buffer.compare(PNG.sync.read(file).data, Buffer.from(pixels.buffer))).toBe(0);
    expect(file.length).toBeLessThan((width * height * 4) / 50);
  });

  it("the joined zlib stream holds Up-filtered scanlines, a band's first row unfiltered (None)", async () => {
    const width = 33;
    const height = 20;
    const cut = 9;
    const pixels = mapLikeImage(width, height, 7);
    const file = await pngInBands(pixels, width, height, [cut]);
    const idat: Buffer[] = [];
    for (let at = 8; at < file.length;) {
      const length = file.readUInt32BE(at);
      if (file.toString('latin1', at + 4, at + 8) === 'IDAT')
        idat.push(file.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const rowBytes = width * 4 + 1;
    expect(raw.length).toBe(rowBytes * height);
    for (let y = 0; y < height; y += 1) {
      const first = y === 0 || y === cut;
      expect(raw[y * rowBytes]).toBe(first ? 0 : 2);
      for (let i = 0; i < width * 4; i += 1) {
        const above = first ? 0 : pixels[(y - 1) * width * 4 + i]!;
        expect(raw[y * rowBytes + 1 + i]).toBe((pixels[y * width * 4 + i]! - above) & 0xff);
      }
    }
  });
});

describe('deflateScanlines fast paths and edges', () => {
  /** pngjs decodes the banded file to exactly `pixels` (it checks every CRC; zlib checks the Adler-32). */
  async function expectExact(
    pixels: Uint8ClampedArray,
    width: number,
    height: number,
    cuts: readonly number[],
  ): Promise<Buffer> {
    const file = await pngInBands(pixels, width, height, cuts);
    const decoded = PNG.sync.read(file);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(Buffer.compare(decoded.data, Buffer.from(pixels.buffer))).toBe(0);
    return file;
  }

  it('rows equal to the row above (a busy row repeated) code as one run each: exact and small', async () => {
    const width = 501;
    const height = 80;
    const next = random(5);
    const pixels = new Uint8ClampedArray(width * height * 4);
    const first = Uint8ClampedArray.from({ length: width * 4 }, () => Math.floor(next() * 256));
    for (let y = 0; y < height; y += 1) pixels.set(first, y * width * 4);
    const file = await expectExact(pixels, width, height, [33]);
    // Two rows of noise (each band's first) and 78 runs of a whole row.
    expect(file.length).toBeLessThan(width * 4 * 2 + 2000);
  });

  it('runs longer than a match and across the end of blocks and bands, in rows of odd widths', async () => {
    for (const width of [1, 3, 65, 66, 67, 333]) {
      // 70 rows: deflate blocks of 32, 32 and 6 rows; bands cut off-block at 31 and 40.
      const height = 70;
      const pixels = new Uint8ClampedArray(width * height * 4);
      for (let y = 0; y < height; y += 1)
        for (let x = 0; x < width; x += 1) {
          // Long plain runs, a stripe that changes every 7 rows, a pixel that changes every row.
          const value = x === width >> 1 ? y * 3 : x < width / 3 ? 255 : Math.floor(y / 7) * 20;
          pixels.set([value, 255 - value, value >> 1, 255], (y * width + x) * 4);
        }
      await expectExact(pixels, width, height, [31, 40]);
    }
  });

  it('bands of one row each, and a one-row image', async () => {
    const width = 97;
    const pixels = mapLikeImage(width, 6, 11);
    await expectExact(pixels, width, 6, [1, 2, 3, 4, 5]);
    await expectExact(mapLikeImage(width, 1, 12), width, 1, []);
  });

  it('transparent pixels: alpha 0 runs with any colour, half-transparent edges, and a wholly transparent band', async () => {
    const width = 130;
    const height = 50;
    const pixels = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < 25; y += 1)
      for (let x = 0; x < width; x += 1) {
        const edge = x % 40 === 0;
        pixels.set([x & 0xff, y * 5, 0, edge ? 128 : (x >> 3) & 1 ? 0 : 255], (y * width + x) * 4);
      }
    // Rows 25–49 stay transparent black: the lower band is one run a row, its first row against zeros.
    await expectExact(pixels, width, height, [25]);
  });

  it('a block whose symbols the rows counted before it never had (codes for every symbol) stays exact', async () => {
    const width = 400;
    const height = 100;
    const next = random(42);
    const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
    // 64 plain rows (two blocks that count only zeros and runs), then noise.
    for (let i = 64 * width * 4; i < pixels.length; i += 1) pixels[i] = Math.floor(next() * 256);
    await expectExact(pixels, width, height, []);
  });

  it('a byte far more common than all others (codes limited to 12 bits) stays exact', async () => {
    // Bands of one unfiltered row: the literal 0 about 80,000 times, 7 about 10,000 and each other byte
    // once or twice, so an unlimited Huffman code would give those 15–16 bits.
    const width = 20_000;
    const height = 2;
    const next = random(8);
    const pixels = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < pixels.length; i += 8) pixels[i] = next() < 0.995 ? 7 : Math.floor(next() * 256);
    await expectExact(pixels, width, height, [1]);
  });
});

describe('codeLengths', () => {
  it('limits lengths to the maximum and keeps a complete prefix code (Kraft sum exactly 1)', () => {
    // Fibonacci frequencies make an unlimited Huffman code 30 deep.
    const freqs = new Uint32Array(32);
    let [a, b] = [1, 1];
    for (let s = 0; s < 32; s += 1) {
      freqs[s] = a;
      [a, b] = [b, a + b];
    }
    for (const maxBits of [15, 12]) {
      const lengths = new Uint8Array(32);
      codeLengths(freqs, 32, maxBits, lengths);
      expect(Math.max(...lengths)).toBe(maxBits);
      expect([...lengths].reduce((sum, l) => sum + 2 ** -l, 0)).toBe(1);
      // More frequent symbols never get longer codes.
      for (let s = 1; s < 32; s += 1) expect(lengths[s]).toBeLessThanOrEqual(lengths[s - 1]!);
    }
  });

  it('gives a lone symbol a one-bit code beside another (deflate needs two)', () => {
    const lengths = new Uint8Array(19);
    codeLengths(
      new Uint32Array(19).fill(0).map((_, s) => (s === 5 ? 9 : 0)),
      19,
      7,
      lengths,
    );
    expect(lengths[5]).toBe(1);
    expect(lengths.filter((l) => l > 0)).toHaveLength(2);
  });
});

describe('checksums', () => {
  it('crc32 gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('crc32 of any range, aligned or not, continued or not, equals a bit-by-bit CRC', () => {
    const bitwise = (bytes: Uint8Array): number => {
      let c = ~0;
      for (const byte of bytes) {
        c ^= byte;
        for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return ~c >>> 0;
    };
    const next = random(3);
    const buffer = Uint8Array.from({ length: 1000 }, () => Math.floor(next() * 256));
    for (const [from, to] of [
      [0, 1000],
      [1, 999],
      [3, 20],
      [5, 5],
      [6, 37],
      [7, 8],
    ] as const) {
      expect(crc32(buffer, from, to)).toBe(bitwise(buffer.subarray(from, to)));
      // A view that starts off a word boundary, and a CRC continued from a first part.
      expect(crc32(buffer.subarray(from), 0, to - from)).toBe(bitwise(buffer.subarray(from, to)));
      const middle = (from + to) >> 1;
      expect(crc32(buffer, middle, to, crc32(buffer, from, middle))).toBe(bitwise(buffer.subarray(from, to)));
    }
  });

  it('combineAdler of two parts equals the Adler-32 of both', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
    const adler = (data: Uint8Array): number => {
      let a = 1;
      let b = 0;
      for (const v of data) {
        a = (a + v) % 65521;
        b = (b + a) % 65521;
      }
      return ((b << 16) | a) >>> 0;
    };
    for (const cut of [0, 1, 5552, 65_521, 69_999]) {
      const first = bytes.subarray(0, cut);
      const second = bytes.subarray(cut);
      expect(combineAdler(adler(first), adler(second), second.length)).toBe(adler(bytes));
    }
  });
});
