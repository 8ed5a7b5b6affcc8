import { useEffect, useMemo } from 'react';
import { readBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type { Doc } from 'yjs';
import { createBoardViewStore } from './boardViewStore.ts';
import type { BoardViewStore } from './boardViewStore.ts';
import type { MapView } from './mapView.ts';
import { observeBoardByFrame } from './observeBoardByFrame.ts';

/** A board state the map can show: the live document, or a state given to it. */
export interface BoardSource {
  /** The board as it is now. */
  read(): BoardSnapshot;
  /** Calls `onChange` with each new state of the board. @returns an unsubscribe function. */
  observe(onChange: (snapshot: BoardSnapshot) => void): () => void;
}

/** The live document, delivered at most about once per animation frame (`observeBoardByFrame`). */
export function liveBoard(doc: Doc): BoardSource {
  return { read: () => readBoard(doc), observe: (onChange) => observeBoardByFrame(doc, onChange) };
}

/** A board state that never changes (a stored state, a past moment): shown read-only. */
export function fixedBoard(snapshot: BoardSnapshot): BoardSource {
  return { read: () => snapshot, observe: () => () => {} };
}

/** The view store of a board source (shown under `view` at first), following it while the caller is mounted. */
export function useBoardViewStore(source: BoardSource, view?: MapView): BoardViewStore {
  // The view is the first one only: later views go through the store's `setView`.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const store = useMemo(() => createBoardViewStore(source.read(), view), [source]);
  useEffect(() => source.observe((snapshot) => store.getState().setSnapshot(snapshot)), [source, store]);
  return store;
}
