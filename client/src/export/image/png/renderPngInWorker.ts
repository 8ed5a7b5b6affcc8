import { abortError } from '../buildSvgInWorker.ts';
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
  return new Promise<PngWorkerResult>((resolve, reject) => {
    const worker = new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<PngWorkerReply>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      finish();
      if (message.type === 'done') resolve(message.result);
      else reject(new Error(`making the PNG failed: ${message.message}`));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(`the PNG worker failed: ${event.message || 'could not start'}`));
    });
    worker.postMessage(request);
  });
}
