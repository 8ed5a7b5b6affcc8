import type { BoardSnapshot } from '@interplay/shared';
import { buildBoardSvg } from './buildBoardSvg.ts';
import type { BoardSvgOptions } from './buildBoardSvg.ts';
import { abortError, superviseWorker } from './superviseWorker.ts';
import type { SvgWorkerReply, SvgWorkerRequest } from './svgWorkerProtocol.ts';

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
  const worker = new Worker(new URL('./svgWorker.ts', import.meta.url), { type: 'module' });
  const request: SvgWorkerRequest = { snapshot, options };
  return superviseWorker<SvgWorkerReply, string>(
    worker,
    request,
    'building the SVG',
    (reply) => (reply.ok ? { ok: true, value: reply.svg } : { ok: false, message: reply.message }),
    signal,
  );
}
