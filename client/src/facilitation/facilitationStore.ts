import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SharedView } from '@interplay/shared';

/**
 * This page's facilitation state. Nothing here is in the board document:
 * the facilitator's choices travel to the others through awareness
 * (`publishFacilitation`), a participant's own choices stay on their page.
 */
export interface FacilitationLocalState {
  /** Facilitator: participants' views follow mine. */
  follow: boolean;
  /** Facilitator: entity ids in the spotlight, or null. */
  spotlight: readonly string[] | null;
  /** Facilitator: increases on each "Bring everyone here". */
  summonNonce: number;
  /** Participant: stepped out of following the facilitator (until they follow again). */
  steppedOut: boolean;
  /** Facilitator: my view of the map (filters, neighbours, highlight) is shown to everyone. */
  sharing: boolean;
  /** Facilitator: the view of the map shown to everyone while sharing, or null. */
  view: SharedView | null;
  /** Facilitator: everyone's lines are coloured by health ("for everyone" in the bottom bar). */
  healthForAll: boolean;
  /** Facilitator: my own lines are coloured by health while my view is shared, so everyone's are. */
  sharedHealth: boolean;
}

export interface FacilitationActions {
  setFollow(on: boolean): void;
  setSpotlight(ids: readonly string[] | null): void;
  summon(): void;
  setSteppedOut(steppedOut: boolean): void;
  setSharing(sharing: boolean): void;
  setView(view: SharedView | null): void;
  setHealthForAll(on: boolean): void;
  setSharedHealth(on: boolean): void;
}

export type FacilitationStore = StoreApi<FacilitationLocalState & FacilitationActions>;

// Keyed by board, not by session: a new session for the same board (the board page remounted) keeps the person's choices.
const stores = new Map<string, FacilitationStore>();

/** The facilitation state of one board on this page. */
export function facilitationStore(boardId: string): FacilitationStore {
  const existing = stores.get(boardId);
  if (existing) return existing;
  const store: FacilitationStore = createStore<FacilitationLocalState & FacilitationActions>((set) => ({
    follow: false,
    spotlight: null,
    summonNonce: 0,
    steppedOut: false,
    sharing: false,
    view: null,
    healthForAll: false,
    sharedHealth: false,
    setFollow: (follow) => set({ follow }),
    setSpotlight: (ids) => set({ spotlight: ids && ids.length > 0 ? [...ids] : null }),
    summon: () => set((state) => ({ summonNonce: state.summonNonce + 1 })),
    setSteppedOut: (steppedOut) => set({ steppedOut }),
    setSharing: (sharing) => set({ sharing }),
    setView: (view) => set({ view }),
    setHealthForAll: (healthForAll) => set({ healthForAll }),
    setSharedHealth: (sharedHealth) => set({ sharedHealth }),
  }));
  stores.set(boardId, store);
  return store;
}

/** Reads this board's facilitation state through a selector. */
export function useFacilitation<T>(
  boardId: string,
  selector: (state: FacilitationLocalState & FacilitationActions) => T,
): T {
  return useStore(facilitationStore(boardId), selector);
}
