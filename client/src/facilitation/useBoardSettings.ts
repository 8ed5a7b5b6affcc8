import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readSettings, type BoardSettings } from '@interplay/shared';
import type { Doc } from 'yjs';

function sameSettings(a: BoardSettings, b: BoardSettings): boolean {
  return (
    a.layoutLocked === b.layoutLocked &&
    a.boardLocked === b.boardLocked &&
    a.phase === b.phase &&
    a.staleAfterDays === b.staleAfterDays &&
    a.viewersMayComment === b.viewersMayComment
  );
}

// One store per document, shared by every component that asks (the header bar lives outside the canvas).
const stores = new WeakMap<Doc, StoreApi<BoardSettings>>();

/**
 * The board's settings (locks, phase…) as a store that follows the document:
 * one `afterTransaction` listener per document, and a new object only when a
 * setting actually changed, so components re-render only then.
 */
export function boardSettingsStore(doc: Doc): StoreApi<BoardSettings> {
  const existing = stores.get(doc);
  if (existing) return existing;
  const store = createStore<BoardSettings>(() => readSettings(doc));
  const refresh = (): void => {
    const next = readSettings(doc);
    if (!sameSettings(store.getState(), next)) store.setState(next, true);
  };
  doc.on('afterTransaction', refresh);
  doc.once('destroy', () => doc.off('afterTransaction', refresh));
  stores.set(doc, store);
  return store;
}

/** The board's current settings; re-renders when one changes. */
export function useBoardSettings(doc: Doc): BoardSettings {
  return useStore(boardSettingsStore(doc));
}
