/** Positions go out at most this often while dragging (≈30 per second). */
export const DRAG_WRITE_INTERVAL_MS = 33;
/**
 * A position held back by the interval goes out this long after the interval
 * has passed, unless a newer pointer move comes first (about a frame): that
 * move then goes out at once, fresh.
 */
export const TRAILING_WRITE_GRACE_MS = 17;

export interface DragWriteThrottle<T> {
  /** The latest drag positions: written now when the interval has passed, else held back. */
  offer(value: T): void;
  /** Drops what is held back (the drop writes its own final positions). */
  cancel(): void;
  /** A new drag: the next offer is written at once. */
  reset(): void;
}

/**
 * Throttles a drag's position writes to one per `DRAG_WRITE_INTERVAL_MS`.
 * Pointer moves arrive once per frame (~16–20 ms apart): writing a held-back
 * position exactly when the interval ends sent one from up to a frame before;
 * the next pointer move, a few ms later, has the position the pointer is at
 * now. So a held-back position waits a frame longer (`TRAILING_WRITE_GRACE_MS`)
 * and is only written when no newer move came (the pointer stopped): a remote
 * page then shows positions a few ms old instead of up to a frame old, at the
 * same ≤ 30 writes a second (25 when moves come every 20 ms).
 */
export function createDragWriteThrottle<T>(
  write: (value: T) => void,
  now: () => number = () => performance.now(),
): DragWriteThrottle<T> {
  let last = -Infinity;
  let held: { value: T; timer: ReturnType<typeof setTimeout> } | null = null;
  const writeNow = (value: T): void => {
    last = now();
    write(value);
  };
  const cancel = (): void => {
    if (held) clearTimeout(held.timer);
    held = null;
  };
  return {
    offer(value) {
      const wait = DRAG_WRITE_INTERVAL_MS - (now() - last);
      if (wait <= 0) {
        cancel();
        writeNow(value);
      } else if (held) {
        held.value = value;
      } else {
        const entry: { value: T; timer: ReturnType<typeof setTimeout> } = {
          value,
          timer: setTimeout(() => {
            held = null;
            writeNow(entry.value);
          }, wait + TRAILING_WRITE_GRACE_MS),
        };
        held = entry;
      }
    },
    cancel,
    reset() {
      cancel();
      last = -Infinity;
    },
  };
}
