import { createContext, useContext } from 'react';
import type { ComponentType } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Relationship } from '@interplay/shared';
import type { EdgeGeometry } from './edges/floatingGeometry.ts';
import type { Doc, UndoManager } from 'yjs';
import type { BoardPermissionsView } from './editing/boardPermissions.ts';
import type { BoardViewActions, BoardViewState, BoardViewStore } from './view/boardViewStore.ts';

/** Who else selected an entity: the outline colour and the names for its tooltip. */
export interface RemoteSelection {
  readonly colour: string;
  readonly names: string;
}

/** Other people's selections, by entity id (unchanged entries keep their identity). */
export interface MapPresenceState {
  readonly selectors: ReadonlyMap<string, RemoteSelection>;
}

/**
 * What a feature adds to the drawings of the map's own elements (comment
 * counts, health markers). Each is drawn inside the node or edge it names.
 */
export interface MapDecorations {
  /** Drawn in an organisation card, a person's circle and a project label. */
  readonly NodeBadge?: ComponentType<{ targetId: string; className?: string }>;
  /**
   * Drawn at the middle of a relationship (`x`, `y`), above its line; `line` is the whole line, for badges
   * that move along it off the cards (`useLineBadgeSpot`).
   */
  readonly EdgeBadges?: ComponentType<{
    relationship: Relationship;
    x: number;
    y: number;
    line: EdgeGeometry;
  }>;
}

/** How this page changes the board it shows: its live document and its undo history. */
export interface MapEditing {
  readonly doc: Doc;
  /** Null until created (it is created in an effect so it can be destroyed). */
  readonly undoManager: UndoManager | null;
}

/** Everything the map's own components read, for one shown board. */
export interface MapContextValue {
  readonly store: BoardViewStore;
  readonly presence: StoreApi<MapPresenceState>;
  /**
   * Nothing can be changed here now: a view-only link, a participant while
   * the board is locked, or a board state shown read-only. Finer rules are in `permissions`.
   */
  readonly readOnly: boolean;
  /** What this page may do under the board's settings, and why not. */
  readonly permissions: BoardPermissionsView;
  /** Null when this page never edits the board (a view-only link, a stored board state). */
  readonly editing: MapEditing | null;
  readonly decorations: MapDecorations;
}

export const MapContext = createContext<MapContextValue | null>(null);

/** The shown board's map context; throws outside `<BoardCanvas>`. */
export function useMapContext(): MapContextValue {
  const map = useContext(MapContext);
  if (!map) throw new Error('useMapContext must be used inside <BoardCanvas>');
  return map;
}

/**
 * Reads the view store through a selector (use module-level selectors so
 * components re-render only when their slice changes).
 * @example const selection = useMapView(selectSelection);
 */
export function useMapView<T>(selector: (state: BoardViewState & BoardViewActions) => T): T {
  return useStore(useMapContext().store, selector);
}

/** Reads other people's selections through a selector. */
export function useMapPresence<T>(selector: (state: MapPresenceState) => T): T {
  return useStore(useMapContext().presence, selector);
}
