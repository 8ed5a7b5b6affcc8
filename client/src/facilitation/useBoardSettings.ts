import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { observeSettings, readSettings, type BoardSettings } from '@interplay/shared';
import type { Doc } from 'yjs';

// One store per document, shared by every component that asks (the header bar lives outside the canvas).
const stores = new WeakMap<Doc, StoreApi<BoardSettings>>();

/**
 * The board's settings (locks, phase…) as a store that follows the document:
 * one model observer per document (`observeSettings`), which reports only a
 * real change, so components re-render only then.
 */
export function boardSettingsStore(doc: Doc): StoreApi<BoardSettings> {
  const existing = stores.get(doc);
  if (existing) return existing;
  const store = createStore<BoardSettings>(() => readSettings(doc));
  // Follows the document for its whole life: a destroyed document drops its listeners.
  observeSettings(doc, (settings) => store.setState(settings, true));
  stores.set(doc, store);
  return store;
}

/** The board's current settings; re-renders when one changes. */
export function useBoardSettings(doc: Doc): BoardSettings {
  return useStore(boardSettingsStore(doc));
}
