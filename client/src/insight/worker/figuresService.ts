import { todayIso } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type { BoardViewStore } from '../../canvas/view/boardViewStore.ts';
import type { InsightStore } from '../insightStore.ts';
import { figureInput, sameFigureInput } from './figureInput.ts';
import type { FiguresReply, FiguresRequest } from './figuresWorkerProtocol.ts';

/** Changes closer together than this make one computation (a burst of edits, an import). */
export const FIGURES_DEBOUNCE_MS = 300;

/**
 * Keeps the insight store's figures up to date with the board shown in `board`, in one Web Worker: the
 * first state at once, then each change that matters to the figures once the changes pause, one request
 * in flight at a time (a state that arrives meanwhile waits, and only the newest is sent).
 * @returns a stop function that ends the worker.
 */
export function startFiguresService(board: BoardViewStore, insight: InsightStore): () => void {
  const worker = new Worker(new URL('./figuresWorker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  let inFlight = false;
  let sentFrom: BoardSnapshot | null = null;
  let waiting: BoardSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (snapshot: BoardSnapshot): void => {
    seq += 1;
    inFlight = true;
    sentFrom = snapshot;
    const request: FiguresRequest = { seq, snapshot: figureInput(snapshot), today: todayIso() };
    worker.postMessage(request);
  };
  const offer = (snapshot: BoardSnapshot): void => {
    if (sentFrom && sameFigureInput(sentFrom, snapshot)) {
      waiting = null;
      return;
    }
    if (inFlight) waiting = snapshot;
    else send(snapshot);
  };
  worker.addEventListener('message', (event: MessageEvent<FiguresReply>) => {
    const reply = event.data;
    if (reply.seq !== seq) return;
    inFlight = false;
    if (reply.ok) insight.getState().setFigures(reply.figures, reply.ms);
    else console.error(`insight figures failed: ${reply.message}`);
    const next = waiting;
    waiting = null;
    if (next) offer(next);
  });

  offer(board.getState().snapshot);
  const stop = board.subscribe((state, previous) => {
    if (state.snapshot === previous.snapshot) return;
    clearTimeout(timer);
    timer = setTimeout(() => offer(board.getState().snapshot), FIGURES_DEBOUNCE_MS);
  });
  return () => {
    stop();
    clearTimeout(timer);
    worker.terminate();
  };
}
