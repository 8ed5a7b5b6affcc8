/**
 * The Web Worker that makes PNG exports (see `renderBoardPng`): the page's
 * main thread only posts the board and receives the file, so it stays
 * responsive. One request per worker: the caller terminates it to cancel.
 */
import { renderBoardPng } from './renderBoardPng.ts';
import type { PngWorkerReply, PngWorkerRequest } from './pngWorkerProtocol.ts';

const reply = (message: PngWorkerReply): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<PngWorkerRequest>) => {
  const { snapshot, options, scale, maxPixels } = event.data;
  renderBoardPng(snapshot, options, scale, maxPixels, (progress) =>
    reply({ type: 'progress', progress }),
  ).then(
    (result) => reply({ type: 'done', result }),
    (error: unknown) =>
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
