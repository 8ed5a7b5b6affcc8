import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * The nodes at the ends of the edges React Flow itself draws while the map is tiny (at the
 * overview of a large board only selected and remote-selected edges; `OverviewEdges` draws the
 * rest). React Flow draws an edge only between handles it has measured, so those nodes' tiny
 * bodies keep their handles (`useTinyHandles`). A store with a per-node subscription: a change
 * re-renders only the nodes whose answer changed, never the whole board.
 */
export interface EdgeEnds {
  has(id: string): boolean;
  subscribe(listener: () => void): () => void;
}

const NONE: EdgeEnds = { has: () => false, subscribe: () => () => {} };

export const EdgeEndsContext = createContext<EdgeEnds>(NONE);

/** Whether node `id` is the end of an edge React Flow draws at the tiny level of detail. */
export function useIsEdgeEnd(id: string): boolean {
  const ends = useContext(EdgeEndsContext);
  return useSyncExternalStore(ends.subscribe, () => ends.has(id));
}

/** A mutable `EdgeEnds` for the provider: `set` replaces the ids (as one newline-joined key) and notifies. */
export function createEdgeEnds(): EdgeEnds & { set(key: string): void } {
  let ids = new Set<string>();
  let current = '';
  const listeners = new Set<() => void>();
  return {
    has: (id) => ids.has(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(key) {
      if (key === current) return;
      current = key;
      ids = new Set(key === '' ? [] : key.split('\n'));
      for (const listener of listeners) listener();
    },
  };
}
