import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { PRESENT_FIT_PADDING, setBoardFitPadding } from '../canvas/fitPadding.ts';

/** Present mode is this page's own view (anyone may present locally); it outlives the board's session. */
export const presentModeStore = createStore<{ present: boolean }>(() => ({ present: false }));

/** Enters or leaves present mode; the map's fit then leaves room for present mode's title and legend. */
export function setPresentMode(present: boolean): void {
  setBoardFitPadding(present ? PRESENT_FIT_PADDING : null);
  presentModeStore.setState({ present });
}

export function usePresentMode(): boolean {
  return useStore(presentModeStore, (state) => state.present);
}
