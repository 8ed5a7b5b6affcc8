/**
 * For `encoderProbe.ts`'s browser-encoder variant: `renderBoardPng` as it is
 * (two workers paint the bands), but with `rawBands.ts` as its band encoder;
 * both bands' pixels are then put on one canvas and encoded by the browser
 * (`convertToBlob`), as the one-worker path encodes.
 */
import { renderBoardPng as paintBoardPng } from '../../../../client/src/export/image/png/renderBoardPng.ts';
import type { PngWorkerResult } from '../../../../client/src/export/image/png/pngWorkerProtocol.ts';
import { RAW_PIXELS_TYPE, takeRawBands } from './rawBands.ts';

export { addFonts, paintBoardPngBand } from '../../../../client/src/export/image/png/renderBoardPng.ts';

export async function renderBoardPng(...args: Parameters<typeof paintBoardPng>): Promise<PngWorkerResult> {
  const painted = await paintBoardPng(...args);
  if (painted.blob.type !== RAW_PIXELS_TYPE) return painted;
  const started = performance.now();
  const { width, height } = painted;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`the browser could not make a ${width}×${height} canvas`);
  let top = 0;
  for (const band of takeRawBands()) {
    const rows = band.rawLength / (width * 4);
    const pixels = new Uint8ClampedArray(band.chunk.buffer, band.chunk.byteOffset, band.rawLength);
    context.putImageData(new ImageData(pixels, width, rows), 0, top);
    top += rows;
  }
  const put = performance.now();
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const done = performance.now();
  const { timings } = painted;
  return {
    ...painted,
    blob,
    timings: {
      ...timings,
      encodeMs: timings.encodeMs + done - started,
      steps: { ...timings.steps, 'put on one canvas': put - started, 'browser encode': done - put },
    },
  };
}
