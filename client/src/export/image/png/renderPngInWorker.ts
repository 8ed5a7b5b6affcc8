import { abortError, superviseWorker } from '../superviseWorker.ts';
import type { ExportProgress } from '../exportProgress.ts';
import type { PngWorkerReply, PngWorkerRequest, PngWorkerResult } from './pngWorkerProtocol.ts';

/**
 * `renderBoardPng` in a Web Worker, with its progress reports; aborting
 * terminates the worker at once (mid-paint or mid-encode).
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
  const worker = new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module' });
  return superviseWorker<PngWorkerReply, PngWorkerResult>(
    worker,
    request,
    'making the PNG',
    (reply) => {
      if (reply.type === 'progress') {
        onProgress?.(reply.progress);
        return undefined;
      }
      return reply.type === 'done'
        ? { ok: true, value: reply.result }
        : { ok: false, message: reply.message };
    },
    signal,
  );
}
