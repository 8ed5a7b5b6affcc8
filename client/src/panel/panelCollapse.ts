import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

const STORAGE_KEY = 'interplay.sidePanelCollapsed';

/** Below this window width the side panel starts collapsed until the user opens it (it would take a third of a laptop's map). */
export const COLLAPSE_BELOW_WIDTH = 1200;

function initiallyCollapsed(): boolean {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'true' || stored === 'false') return stored === 'true';
  } catch {
    // Storage refused (privacy mode): decide by the window alone.
  }
  return typeof window !== 'undefined' && window.innerWidth < COLLAPSE_BELOW_WIDTH;
}

/** Whether the side panel is collapsed to its edge: this browser's choice, remembered across boards. */
export const panelCollapseStore = createStore<{ collapsed: boolean }>(() => ({
  collapsed: initiallyCollapsed(),
}));

export function setPanelCollapsed(collapsed: boolean): void {
  panelCollapseStore.setState({ collapsed });
  try {
    localStorage.setItem(STORAGE_KEY, String(collapsed));
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}

export function usePanelCollapsed(): boolean {
  return useStore(panelCollapseStore, (state) => state.collapsed);
}
