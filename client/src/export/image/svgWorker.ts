/**
 * The Web Worker that builds export SVGs, so a 2,000-node board never blocks
 * the page. One request per worker: the caller terminates it to cancel.
 */
import { buildBoardSvg } from './buildBoardSvg.ts';
import type { SvgWorkerReply, SvgWorkerRequest } from './svgWorkerProtocol.ts';

self.addEventListener('message', (event: MessageEvent<SvgWorkerRequest>) => {
  let reply: SvgWorkerReply;
  try {
    reply = { ok: true, svg: buildBoardSvg(event.data.snapshot, event.data.options) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
