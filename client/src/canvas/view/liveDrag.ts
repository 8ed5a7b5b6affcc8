import type { XYPosition } from '@xyflow/react';
import type { DragFrame } from './dragFrame.ts';

/**
 * Where the nodes this page is dragging are right now, outside every store
 * that many components read. A drag frame notifies only what follows those
 * nodes: the edges of the dragged nodes (`subscribeNodes`) and the few
 * layers that draw the whole board (`subscribe`: project areas, minimap,
 * overview edges). Setting React Flow's or the view store's state instead
 * would re-run the selectors of every node wrapper and card on every frame.
 *
 * This is the one place where this page's drag (and another person's move
 * not yet in the nodes array) is held: React Flow's records and the node
 * elements only mirror it (`reactFlow/useFlowMirror.ts`), and new node
 * objects take their position from it (`boardViewStore`).
 */
export interface LivePositions {
  /** The live positions, or null when there are none; a new map after every change. */
  positions(): ReadonlyMap<string, XYPosition> | null;
  /** Calls `listener` on every change. @returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Calls `listener` when one of `ids` moves or ends. @returns an unsubscribe function. */
  subscribeNodes(ids: readonly string[], listener: () => void): () => void;
}

export interface LiveDrag extends LivePositions {
  /** Records one frame of a drag. */
  move(frame: DragFrame): void;
  /** Forgets these nodes (dropped), or all when `ids` is omitted (the drag ended). */
  end(ids?: Iterable<string>): void;
}

export function createLiveDrag(): LiveDrag {
  let positions: ReadonlyMap<string, XYPosition> | null = null;
  const everyChange = new Set<() => void>();
  const byNode = new Map<string, Set<() => void>>();

  const notify = (ids: Iterable<string>): void => {
    const called = new Set<() => void>();
    for (const id of ids) {
      for (const listener of byNode.get(id) ?? []) {
        // An edge from a dragged node to another dragged node listens to both: call it once.
        if (called.has(listener)) continue;
        called.add(listener);
        listener();
      }
    }
    for (const listener of [...everyChange]) listener();
  };

  return {
    positions: () => positions,
    move(frame) {
      if (frame.length === 0) return;
      const next = new Map(positions ?? []);
      for (const { id, position } of frame) next.set(id, position);
      positions = next;
      notify(frame.map(({ id }) => id));
    },
    end(ids) {
      if (!positions) return;
      const ended = ids ? [...ids].filter((id) => positions?.has(id)) : [...positions.keys()];
      if (ended.length === 0) return;
      const next = new Map(positions);
      for (const id of ended) next.delete(id);
      positions = next.size > 0 ? next : null;
      notify(ended);
    },
    subscribe(listener) {
      everyChange.add(listener);
      return () => everyChange.delete(listener);
    },
    subscribeNodes(ids, listener) {
      for (const id of ids) {
        let listeners = byNode.get(id);
        if (!listeners) {
          listeners = new Set();
          byNode.set(id, listeners);
        }
        listeners.add(listener);
      }
      return () => {
        for (const id of ids) {
          const listeners = byNode.get(id);
          listeners?.delete(listener);
          if (listeners?.size === 0) byNode.delete(id);
        }
      };
    },
  };
}

/**
 * Both sets of positions that React Flow's nodes array does not hold yet: this page's drag
 * (`local`) and other people's moves shown by the remote fast path (`remote`, `setSnapshot`).
 * What follows moving nodes (edges, project areas, minimap, overview lines) listens here; where
 * both have a node, this page's drag wins.
 */
export function combineLive(local: LivePositions, remote: LivePositions): LivePositions {
  let from: [ReadonlyMap<string, XYPosition> | null, ReadonlyMap<string, XYPosition> | null] = [null, null];
  let union: ReadonlyMap<string, XYPosition> | null = null;
  return {
    positions() {
      const a = local.positions();
      const b = remote.positions();
      if (a !== from[0] || b !== from[1]) {
        from = [a, b];
        union = !a ? b : !b ? a : new Map([...b, ...a]);
      }
      return union;
    },
    subscribe(listener) {
      const stopLocal = local.subscribe(listener);
      const stopRemote = remote.subscribe(listener);
      return () => {
        stopLocal();
        stopRemote();
      };
    },
    subscribeNodes(ids, listener) {
      const stopLocal = local.subscribeNodes(ids, listener);
      const stopRemote = remote.subscribeNodes(ids, listener);
      return () => {
        stopLocal();
        stopRemote();
      };
    },
  };
}
