import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Present mode is this page's own view (anyone may present locally); it outlives the board's session. */
export const presentModeStore = createStore<{ present: boolean }>(() => ({ present: false }));

export function setPresentMode(present: boolean): void {
  presentModeStore.setState({ present });
}

export function usePresentMode(): boolean {
  return useStore(presentModeStore, (state) => state.present);
}
