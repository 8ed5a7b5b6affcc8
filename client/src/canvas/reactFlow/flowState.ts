import { useMemo } from 'react';
import { useStore, useStoreApi } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';

/**
 * The fields of React Flow's store that the map reads. They are React Flow
 * internals, not its documented API: `reactFlow.test.ts` checks each of them,
 * so an upgrade that changes one fails there, by name.
 */
export interface FlowView {
  /** The viewport as `[x, y, zoom]`: a flow point p is on screen at p * zoom + (x, y). */
  readonly transform: readonly [number, number, number];
  /** The size of the map's element in pixels (0 until measured). */
  readonly width: number;
  readonly height: number;
  /** React Flow's root element, once mounted. */
  readonly domNode: HTMLDivElement | null;
  /** True while the pane is dragged (a pan). */
  readonly paneDragging: boolean;
}

/** React Flow's store with the map's own node and edge types (only for this folder). */
export type FlowState = ReactFlowState<BoardFlowNode, BoardFlowEdge>;

/** The part of React Flow's store API this folder uses (`useStoreApi()`). */
export interface FlowStore {
  getState(): FlowState;
  setState(partial: Partial<FlowState>): void;
  subscribe(listener: (state: FlowState, previous: FlowState) => void): () => void;
}

/** React Flow's store of the map around the caller. Only for this folder. */
export function useFlowStore(): FlowStore {
  return useStoreApi<BoardFlowNode, BoardFlowEdge>();
}

/**
 * Reads React Flow's view state through a selector; the component re-renders
 * when the selector's result changes. Use module-level selectors: they run
 * on every pan, zoom and drag frame.
 * @example const zoom = useFlowView(selectZoom);
 */
export function useFlowView<T>(selector: (view: FlowView) => T): T {
  return useStore<T>(selector);
}

/** `useFlowView` over the whole of React Flow's store, for this folder. */
export function useFlowState<T>(selector: (state: FlowState) => T): T {
  return useStore<T>(selector as unknown as (state: ReactFlowState) => T);
}

export const selectZoom = (view: FlowView): number => view.transform[2];
export const selectDomNode = (view: FlowView): HTMLDivElement | null => view.domNode;
export const selectPaneDragging = (view: FlowView): boolean => view.paneDragging;

/** A viewport to move to: the flow point at the screen's top left is (-x / zoom, -y / zoom). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The map's viewport outside React's render: read it, follow it, move it. */
export interface FlowViewport {
  view(): FlowView;
  /** Calls `listener` on every change of React Flow's store. @returns an unsubscribe function. */
  subscribe(listener: (view: FlowView, previous: FlowView) => void): () => void;
  /** Moves the view (animated over `duration` ms); nothing happens before the map has mounted. */
  setViewport(viewport: Viewport, duration?: number): void;
  /** The flow point in the middle of the map's element. */
  centre(): { x: number; y: number };
}

/** The viewport of the map around the caller (see `FlowViewport`). */
export function useFlowViewport(): FlowViewport {
  const flow = useFlowStore();
  return useMemo(
    () => ({
      view: () => flow.getState(),
      subscribe: (listener) => flow.subscribe(listener),
      setViewport(viewport, duration) {
        void flow.getState().panZoom?.setViewport(viewport, duration ? { duration } : undefined);
      },
      centre() {
        const { width, height, transform } = flow.getState();
        const [tx, ty, zoom] = transform;
        return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
      },
    }),
    [flow],
  );
}
