import { abortError, superviseWorker } from '../superviseWorker.ts';
import { takePngWorkers } from './pngWorkerPool.ts';
import type { ExportProgress } from '../exportProgress.ts';
import type {
  PngWorkerMessage,
  PngWorkerReply,
  PngWorkerRequest,
  PngWorkerResult,
} from './pngWorkerProtocol.ts';

const LABEL = 'making the PNG';

/** The main worker's answer: the file, or why it failed (progress reports are passed on). */
function mainReply(
  onProgress?: (progress: ExportProgress) => void,
): (
  reply: PngWorkerReply,
) => { ok: true; value: PngWorkerResult } | { ok: false; message: string } | undefined {
  return (reply) => {
    if (reply.type === 'progress') {
      onProgress?.(reply.progress);
      return undefined;
    }
    if (reply.type === 'done') return { ok: true, value: reply.result };
    if (reply.type === 'error') return { ok: false, message: reply.message };
    return undefined;
  };
}

/**
 * `renderBoardPng` in Web Workers, with its progress reports; aborting
 * terminates them at once (mid-paint or mid-encode). The workers may have
 * been started ahead (`prewarmPngWorkers`). With two or more cores, a second
 * worker paints and encodes the lower band of a large image at the same time
 * (see `PngWorkerMessage`); it is stopped as soon as the main worker settles,
 * and its failure fails the export.
 */
export function renderPngInWorker(
  request: PngWorkerRequest,
  signal?: AbortSignal,
  onProgress?: (progress: ExportProgress) => void,
): Promise<PngWorkerResult> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    return Promise.reject(new Error('this browser cannot make PNG files in the background; choose SVG'));
  }
  const { main, helper } = takePngWorkers();
  if (!request.parallel || !helper) {
    helper?.terminate();
    const message: PngWorkerMessage = { role: 'main', request };
    return superviseWorker(main, message, LABEL, mainReply(onProgress), signal);
  }

  // One signal stops both workers: the caller's abort, the main worker's answer, or the helper's failure.
  const stop = new AbortController();
  const forwardAbort = (): void => stop.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const { port1, port2 } = new MessageChannel();
  return new Promise<PngWorkerResult>((resolve, reject) => {
    const settle = (outcome: () => void): void => {
      signal?.removeEventListener('abort', forwardAbort);
      stop.abort();
      outcome();
    };
    // The main worker's request goes first: it also joins the file at the end, and each post clones the board.
    superviseWorker(
      main,
      { role: 'main', request, helperPort: port1 } satisfies PngWorkerMessage,
      LABEL,
      mainReply(onProgress),
      stop.signal,
      [port1],
    ).then(
      (result) => settle(() => resolve(result)),
      (error: unknown) => settle(() => reject(error)),
    );
    superviseWorker<PngWorkerReply, never>(
      helper,
      { role: 'helper', port: port2, request } satisfies PngWorkerMessage,
      LABEL,
      (reply) => (reply.type === 'error' ? { ok: false, message: reply.message } : undefined),
      stop.signal,
      [port2],
    ).catch((error: unknown) => {
      // Its AbortError is the main worker's settling (or the caller's abort, which the main worker reports).
      if (!(error instanceof DOMException && error.name === 'AbortError')) settle(() => reject(error));
    });
  });
}
