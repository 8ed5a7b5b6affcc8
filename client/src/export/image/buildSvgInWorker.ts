import type { BoardSnapshot } from '@interplay/shared';
import { buildBoardSvg } from './buildBoardSvg.ts';
import type { BoardSvgOptions } from './buildBoardSvg.ts';
import type { SvgWorkerReply, SvgWorkerRequest } from './svgWorkerProtocol.ts';

/** The error an aborted export rejects with (`name === 'AbortError'`, as fetch does). */
export function abortError(): DOMException {
  return new DOMException('The export was cancelled.', 'AbortError');
}

/**
 * `buildBoardSvg` in a Web Worker; aborting terminates the worker at once.
 * Where workers are unavailable it builds on the calling thread.
 */
export function buildSvgInWorker(
  snapshot: BoardSnapshot,
  options: BoardSvgOptions,
  signal?: AbortSignal,
): Promise<string> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (typeof Worker === 'undefined') return Promise.resolve(buildBoardSvg(snapshot, options));
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('./svgWorker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<SvgWorkerReply>) => {
      finish();
      if (event.data.ok) resolve(event.data.svg);
      else reject(new Error(`building the SVG failed: ${event.data.message}`));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(`the SVG worker failed: ${event.message || 'could not start'}`));
    });
    const request: SvgWorkerRequest = { snapshot, options };
    worker.postMessage(request);
  });
}
