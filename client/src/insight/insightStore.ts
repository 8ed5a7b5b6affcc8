import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { SharedView } from '@interplay/shared';
import type { InsightFigures } from './figures/figureTypes.ts';
import { hasFilters, NO_FILTERS } from './view/filters.ts';
import type { Filters } from './view/filters.ts';
import { PLAIN_INSIGHT_VIEW } from './view/insightView.ts';
import type { InsightView, NeighbourhoodView, ShownCounts } from './view/insightView.ts';

/**
 * This page's insight state: its own view of the map (filters, neighbourhood, highlight, clusters) and the
 * figures the worker computed last. Nothing here is in the board document.
 */
export interface InsightState {
  readonly view: InsightView;
  readonly figures: InsightFigures | null;
  /** How long the worker took for `figures`, in milliseconds. */
  readonly computeMs: number | null;
  /** What the map shows under the view, of how much there is (null before the view was first applied). */
  readonly counts: ShownCounts | null;
  /** How many parts of the page need the figures (the panel, colouring by cluster): none, no work. */
  readonly figureUsers: number;
  /** Participant: the view the facilitator shows to everyone, and their name; null when none. */
  readonly shared: { readonly view: SharedView; readonly name: string } | null;
  /** Participant: stepped out of the facilitator's shared view (until it ends or they step back in). */
  readonly steppedOut: boolean;
}

export interface InsightActions {
  setFilters(filters: Filters): void;
  setMode(mode: InsightView['mode']): void;
  setNeighbourhood(neighbourhood: NeighbourhoodView | null): void;
  setHighlight(ids: readonly string[] | null): void;
  setColourByCluster(on: boolean): void;
  /** Clears filters, neighbourhood and highlight (colouring stays). */
  clearView(): void;
  setFigures(figures: InsightFigures, computeMs: number): void;
  setCounts(counts: ShownCounts | null): void;
  setShared(shared: InsightState['shared']): void;
  setSteppedOut(steppedOut: boolean): void;
  /** Registers a user of the figures; returns its release. */
  holdFigures(): () => void;
}

export type InsightStore = StoreApi<InsightState & InsightActions>;

const sameView = (a: SharedView, b: SharedView): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The view this page shows: the facilitator's shared one while following it, else its own. */
export function effectiveView(state: InsightState): InsightView {
  if (!state.shared || state.steppedOut) return state.view;
  return { ...state.view, ...state.shared.view };
}

/** A fresh insight state (one per board page). */
export function createInsightStore(): InsightStore {
  return createStore<InsightState & InsightActions>()((set, get) => {
    const setView = (patch: Partial<InsightView>): void => set({ view: { ...get().view, ...patch } });
    return {
      view: PLAIN_INSIGHT_VIEW,
      figures: null,
      computeMs: null,
      counts: null,
      figureUsers: 0,
      shared: null,
      steppedOut: false,
      setShared(shared) {
        const known = get().shared;
        if (
          shared === known ||
          (shared && known && shared.name === known.name && sameView(shared.view, known.view))
        ) {
          return;
        }
        // A newly shown view is followed again by everyone, as a new "follow me" is.
        set(known === null || shared === null ? { shared, steppedOut: false } : { shared });
      },
      setSteppedOut: (steppedOut) => set({ steppedOut }),
      setFilters: (filters) => setView({ filters: hasFilters(filters) ? filters : NO_FILTERS }),
      setMode: (mode) => setView({ mode }),
      setNeighbourhood: (neighbourhood) => setView({ neighbourhood }),
      setHighlight: (ids) => setView({ highlight: ids && ids.length > 0 ? ids : null }),
      setColourByCluster: (colourByCluster) => setView({ colourByCluster }),
      clearView: () => setView({ filters: NO_FILTERS, neighbourhood: null, highlight: null }),
      setFigures: (figures, computeMs) => set({ figures, computeMs }),
      setCounts(counts) {
        const known = get().counts;
        const same =
          counts !== null &&
          known !== null &&
          (['organisations', 'people', 'relationships'] as const).every(
            (kind) => counts[kind][0] === known[kind][0] && counts[kind][1] === known[kind][1],
          );
        if (!same && counts !== known) set({ counts });
      },
      holdFigures() {
        set({ figureUsers: get().figureUsers + 1 });
        let released = false;
        return () => {
          if (released) return;
          released = true;
          set({ figureUsers: get().figureUsers - 1 });
        };
      },
    };
  });
}
