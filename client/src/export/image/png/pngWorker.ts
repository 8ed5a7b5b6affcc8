/**
 * The Web Worker that makes PNG exports (see `renderBoardPng`): the page's
 * main thread only posts the board and receives the file, so it stays
 * responsive. One request per worker: the caller terminates it to cancel.
 * As a helper it paints and encodes the lower band of a large PNG for the
 * main worker (`paintBoardPngBand`).
 */
import { addFonts, paintBoardPngBand, renderBoardPng } from './renderBoardPng.ts';
import type { PngWorkerMessage, PngWorkerReply } from './pngWorkerProtocol.ts';
import { warmUpPngWorker } from './warmUpPngWorker.ts';

const reply = (message: PngWorkerReply): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<PngWorkerMessage>) => {
  const message = event.data;
  if (message.role === 'fonts') {
    // Registered ahead of the export; a failure here shows again, and is reported, when the export adds them.
    // Then, while the dialog is open, V8 optimises the SVG writer, painter and encoder now, not mid-export.
    // WARNING: only after the fonts: the canvas keeps the face it found for a font string, so text painted
    // before they are added stays in a fallback font in every later export of this worker (a title in
    // DejaVu, a helper's whole band). A failure of the warm-up costs only speed.
    const warmUp = (): void => {
      try {
        warmUpPngWorker();
      } catch {
        // Nothing to do: the export runs the same code and says what went wrong.
      }
      reply({ type: 'fontsReady' });
    };
    addFonts(message.fonts).then(warmUp, warmUp);
    return;
  }
  const work: Promise<PngWorkerReply> =
    message.role === 'helper'
      ? paintBoardPngBand(message.port, message.request).then(() => ({
          type: 'helped',
        }))
      : renderBoardPng(
          message.request.snapshot,
          message.request.options,
          message.request.scale,
          message.request.maxPixels,
          (progress) => reply({ type: 'progress', progress }),
          message.helperPort,
        ).then((result) => ({ type: 'done', result }));
  work.then(reply, (error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
