import type { Doc } from 'yjs';

interface LocalDrag {
  active: boolean;
  readonly onEnd: Set<() => void>;
}

const drags = new WeakMap<Doc, LocalDrag>();

function dragOf(doc: Doc): LocalDrag {
  let drag = drags.get(doc);
  if (!drag) {
    drag = { active: false, onEnd: new Set() };
    drags.set(doc, drag);
  }
  return drag;
}

/**
 * Marks that this page is dragging nodes of `doc` (set by `useDragSync`).
 * While it is, `observeBoardByFrame` holds back snapshots made only of this
 * page's own writes: React Flow already shows the dragged positions, and
 * deriving every node from the echo of each throttled write and handing
 * them to React Flow again would cost a large share of each drag frame.
 */
export function setLocalDrag(doc: Doc, active: boolean): void {
  const drag = dragOf(doc);
  if (drag.active === active) return;
  drag.active = active;
  if (!active) for (const listener of [...drag.onEnd]) listener();
}

export function isLocalDrag(doc: Doc): boolean {
  return drags.get(doc)?.active ?? false;
}

/** Calls `listener` whenever a local drag of `doc` ends. @returns an unsubscribe function. */
export function onLocalDragEnd(doc: Doc, listener: () => void): () => void {
  const drag = dragOf(doc);
  drag.onEnd.add(listener);
  return () => drag.onEnd.delete(listener);
}
