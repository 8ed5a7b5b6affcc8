import { observeBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type * as Y from 'yjs';
import { isLocalDrag, onLocalDragEnd } from './localDrag.ts';

/** Deliver within this long even when animation frames do not run (a hidden tab). */
const FALLBACK_MS = 100;
/** A snapshot this long after the last delivery (a frame) goes out at once; closer ones wait for a frame. */
const QUIET_MS = 16;

/**
 * `observeBoard`, but delivering about one snapshot per animation frame at
 * most (the latest). During a remote drag the document changes up to ~30 times
 * a second per person; deriving React Flow's nodes and rendering once per
 * change made a page on a large board fall further and further behind. A
 * change that comes a frame or more after the last delivery (one person's
 * remote drag: every ~33 ms) is delivered at once, after the transaction
 * (a microtask), instead of waiting up to a frame for the next one: the wait
 * was part of every remote move's delay, and the render it leads to then no
 * longer delays that frame. Closer changes wait for the next frame. The
 * first snapshot is delivered at once, synchronously, like `observeBoard`'s.
 *
 * While this page drags nodes (`localDrag.ts`), a snapshot made only of this
 * page's own writes waits for the drop: React Flow already shows those
 * positions. Anything from elsewhere (another person, the server) is
 * delivered as usual, together with what waited.
 *
 * @returns an unsubscribe function that also drops a pending snapshot.
 */
export function observeBoardByFrame(doc: Y.Doc, onChange: (snapshot: BoardSnapshot) => void): () => void {
  let initial = true;
  let pending: BoardSnapshot | null = null;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued = false;
  let lastDelivery = -Infinity;
  // Whether every transaction since the last delivery was made by this page.
  let onlyLocal = true;

  const flush = (): void => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    timer = undefined;
    const snapshot = pending;
    pending = null;
    onlyLocal = true;
    if (!snapshot) return;
    lastDelivery = performance.now();
    onChange(snapshot);
  };
  const schedule = (): void => {
    if (timer !== undefined || queued) return;
    if (performance.now() - lastDelivery >= QUIET_MS) {
      queued = true;
      queueMicrotask(() => {
        queued = false;
        flush();
      });
      return;
    }
    frame = requestAnimationFrame(flush);
    timer = setTimeout(flush, FALLBACK_MS);
  };

  // Emitted before the observers of the same transaction (so before observeBoard's callback).
  const noteOrigin = (transaction: Y.Transaction): void => {
    if (!transaction.local) onlyLocal = false;
  };
  doc.on('beforeObserverCalls', noteOrigin);
  const stopDragEnd = onLocalDragEnd(doc, () => {
    if (pending) schedule();
  });

  const stop = observeBoard(doc, (snapshot) => {
    if (initial) {
      onChange(snapshot);
      return;
    }
    pending = snapshot;
    if (onlyLocal && isLocalDrag(doc)) return;
    schedule();
  });
  initial = false;

  return () => {
    stop();
    stopDragEnd();
    doc.off('beforeObserverCalls', noteOrigin);
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    pending = null;
  };
}
