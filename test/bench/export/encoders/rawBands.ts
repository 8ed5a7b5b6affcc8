/**
 * For `encoderProbe.ts`'s browser-encoder variant: a "band encoder" that
 * encodes nothing. Each band's RGBA pixels are kept as they are (the helper's
 * are transferred, not copied), and `joinBands` leaves them with
 * `takeRawBands` for `browserEncoder.ts`, which puts them on one canvas for
 * the browser to encode.
 */
import type { EncodedBand } from '../../../../client/src/export/image/png/encodeBandPng.ts';

export { bandSplit } from '../../../../client/src/export/image/png/encodeBandPng.ts';

/** The type of the empty blob `joinBands` returns in place of a file. */
export const RAW_PIXELS_TYPE = 'application/x-interplay-rgba';

let joined: readonly EncodedBand[] = [];

export function encodeBand(pixels: Uint8Array | Uint8ClampedArray, width: number, rows: number): EncodedBand {
  const chunk = new Uint8Array(pixels.buffer as ArrayBuffer, pixels.byteOffset, width * rows * 4);
  return { chunk, adler: 0, rawLength: chunk.length };
}

export function joinBands(_width: number, _height: number, bands: readonly EncodedBand[]): Blob {
  joined = bands;
  return new Blob([], { type: RAW_PIXELS_TYPE });
}

/** The bands the last `joinBands` joined, top to bottom (once). */
export function takeRawBands(): readonly EncodedBand[] {
  const bands = joined;
  joined = [];
  return bands;
}

export function warmUpBandEncoder(): void {}
