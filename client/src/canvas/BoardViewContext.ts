import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { UndoManager } from 'yjs';
import type { BoardSession } from '../sync/BoardSession.ts';
import type { BoardPermissionsView } from '../facilitation/useBoardPermissions.ts';
import type { PresenceState, PresenceStore } from '../presence/presenceStore.ts';
import type { BoardViewActions, BoardViewState, BoardViewStore } from './view/boardViewStore.ts';

/** Everything the canvas, panel and legend share for one open board. */
export interface BoardView {
  readonly session: BoardSession;
  readonly store: BoardViewStore;
  readonly presence: PresenceStore;
  /** Null until created (it is created in an effect so it can be destroyed). */
  readonly undoManager: UndoManager | null;
  /**
   * Nothing can be changed here now: a view-only link, or a participant while
   * the facilitator has locked the board. Finer rules are in `permissions`.
   */
  readonly readOnly: boolean;
  /** What this page may do under the board's live settings, and why not (facilitation). */
  readonly permissions: BoardPermissionsView;
}

export const BoardViewContext = createContext<BoardView | null>(null);

/** The open board's view context; throws outside `BoardCanvas`. */
export function useBoardViewContext(): BoardView {
  const view = useContext(BoardViewContext);
  if (!view) throw new Error('useBoardViewContext must be used inside <BoardCanvas>');
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

/** Reads remote presence through a selector. */
export function usePresence<T>(selector: (state: PresenceState) => T): T {
  return useStore(useBoardViewContext().presence, selector);
}
