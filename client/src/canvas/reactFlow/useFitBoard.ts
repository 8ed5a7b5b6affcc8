import { useCallback } from 'react';
import { getViewportForBounds } from '@xyflow/react';
import { useMapContext } from '../MapContext.ts';
import { boardBounds } from '../boardBounds.ts';
import { useFlowStore } from './flowState.ts';
import type { FitPadding } from '../fitPadding.ts';

export interface FitBoardOptions {
  readonly padding: FitPadding;
  readonly maxZoom?: number;
  readonly duration?: number;
}

/** Shows the whole map, notes included (`boardBounds`); nothing happens on an empty board. */
export function useFitBoard(): (options: FitBoardOptions) => void {
  const { store } = useMapContext();
  const flow = useFlowStore();
  return useCallback(
    ({ padding, maxZoom = Infinity, duration }) => {
      const { nodes, snapshot } = store.getState();
      const bounds = boardBounds(nodes, snapshot);
      const { panZoom, width, height, minZoom, maxZoom: flowMaxZoom } = flow.getState();
      if (!bounds || !panZoom || width === 0 || height === 0) return;
      const viewport = getViewportForBounds(
        bounds,
        width,
        height,
        minZoom,
        Math.min(maxZoom, flowMaxZoom),
        padding,
      );
      void panZoom.setViewport(viewport, duration ? { duration } : undefined);
    },
    [flow, store],
  );
}
