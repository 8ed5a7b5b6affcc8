/**
 * The Web Worker that computes the insight figures, so betweenness on a board of a thousand organisations
 * never holds up the map. It lives as long as the board page needs figures and answers each request in turn.
 */
import { computeFigures } from '../figures/computeFigures.ts';
import type { FiguresReply, FiguresRequest } from './figuresWorkerProtocol.ts';

self.addEventListener('message', (event: MessageEvent<FiguresRequest>) => {
  const { seq, snapshot, today } = event.data;
  let reply: FiguresReply;
  const started = performance.now();
  try {
    reply = { seq, ok: true, figures: computeFigures(snapshot, today), ms: performance.now() - started };
  } catch (error) {
    reply = { seq, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
