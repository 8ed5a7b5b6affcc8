import { useCallback } from 'react';
import { useMapContext } from '../MapContext.ts';
import { boardBounds } from '../boardBounds.ts';
import { useFlowStore } from './flowState.ts';
import { fitViewport } from './fitViewport.ts';
import type { FitPadding } from '../fitPadding.ts';

export interface FitBoardOptions {
  readonly padding: FitPadding;
  readonly maxZoom?: number;
  readonly duration?: number;
}

/**
 * Shows the whole map, notes included (`boardBounds`), with no card under the tool bar, the controls, the
 * minimap or the bars (`fitViewport`); nothing happens on an empty board.
 */
export function useFitBoard(): (options: FitBoardOptions) => void {
  const { store } = useMapContext();
  const flow = useFlowStore();
  return useCallback(
    ({ padding, maxZoom = Infinity, duration }) => {
      const { nodes, snapshot } = store.getState();
      const bounds = boardBounds(nodes, snapshot);
      const state = flow.getState();
      const { panZoom, width, height } = state;
      if (!bounds || !panZoom || width === 0 || height === 0) return;
      const viewport = fitViewport(state, bounds, nodes, padding, maxZoom);
      void panZoom.setViewport(viewport, duration ? { duration } : undefined);
    },
    [flow, store],
  );
}
