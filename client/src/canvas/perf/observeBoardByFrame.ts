import { observeBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type * as Y from 'yjs';

/** Deliver within this long even when animation frames do not run (a hidden tab). */
const FALLBACK_MS = 100;

/**
 * `observeBoard`, but delivering at most one snapshot per animation frame (the
 * latest). During a remote drag the document changes up to ~30 times a second
 * per person; deriving React Flow's nodes and rendering once per change made a
 * page on a large board fall further and further behind. The first snapshot
 * is delivered at once, synchronously, like `observeBoard`'s.
 *
 * @returns an unsubscribe function that also drops a pending snapshot.
 */
export function observeBoardByFrame(doc: Y.Doc, onChange: (snapshot: BoardSnapshot) => void): () => void {
  let initial = true;
  let pending: BoardSnapshot | null = null;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    timer = undefined;
    const snapshot = pending;
    pending = null;
    if (snapshot) onChange(snapshot);
  };

  const stop = observeBoard(doc, (snapshot) => {
    if (initial) {
      onChange(snapshot);
      return;
    }
    pending = snapshot;
    if (timer !== undefined) return;
    frame = requestAnimationFrame(flush);
    timer = setTimeout(flush, FALLBACK_MS);
  });
  initial = false;

  return () => {
    stop();
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    pending = null;
  };
}
