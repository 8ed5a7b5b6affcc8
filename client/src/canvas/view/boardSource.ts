import { useEffect, useMemo } from 'react';
import { readBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type { Doc } from 'yjs';
import { createBoardViewStore } from './boardViewStore.ts';
import type { BoardViewStore } from './boardViewStore.ts';
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

/** The view store of a board source, following it for as long as the caller is mounted. */
export function useBoardViewStore(source: BoardSource): BoardViewStore {
  const store = useMemo(() => createBoardViewStore(source.read()), [source]);
  useEffect(() => source.observe((snapshot) => store.getState().setSnapshot(snapshot)), [source, store]);
  return store;
}
