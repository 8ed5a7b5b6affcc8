import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { UndoManager } from 'yjs';
import type { BoardSession } from '../sync/BoardSession.ts';
import type { MapContextValue } from './MapContext.ts';
import type { BoardViewActions, BoardViewState } from './view/boardViewStore.ts';

/**
 * The live board as the panels and layers around the map see it: the map's
 * context (view store, permissions) with the session it came from. The
 * board page provides it (`app/board/LiveBoardMap.tsx`); the map itself reads
 * only `MapContext`, so it can show a board state without a session.
 */
export interface BoardView extends MapContextValue {
  readonly session: BoardSession;
  /** Null until created (it is created in an effect so it can be destroyed). */
  readonly undoManager: UndoManager | null;
}

export const BoardViewContext = createContext<BoardView | null>(null);

/** The open board's view context; throws outside the live board page. */
export function useBoardViewContext(): BoardView {
  const view = useContext(BoardViewContext);
  if (!view) throw new Error('useBoardViewContext must be used inside the live board (LiveBoardMap)');
  return view;
}

/**
 * Reads the canvas view store through a selector (use module-level selectors so
 * components re-render only when their slice changes).
 * @example const selection = useBoardView(selectSelection);
 */
export function useBoardView<T>(selector: (state: BoardViewState & BoardViewActions) => T): T {
  return useStore(useBoardViewContext().store, selector);
}
