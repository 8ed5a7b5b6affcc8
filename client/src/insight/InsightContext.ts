import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { InsightActions, InsightState, InsightStore } from './insightStore.ts';

/** The board page's insight state; the page provides it around the map and its panels. */
export const InsightContext = createContext<InsightStore | null>(null);

/** The open board's insight store; throws outside the live board page. */
export function useInsightStore(): InsightStore {
  const store = useContext(InsightContext);
  if (!store) throw new Error('useInsightStore must be used inside the live board (LiveBoardMap)');
  return store;
}

/**
 * Reads the insight state through a selector (module-level selectors keep re-renders to what changed).
 * @example const filters = useInsight((s) => s.view.filters);
 */
export function useInsight<T>(selector: (state: InsightState & InsightActions) => T): T {
  return useStore(useInsightStore(), selector);
}
