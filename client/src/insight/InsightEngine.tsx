import { useEffect } from 'react';
import { useMapContext } from '../canvas/MapContext.ts';
import { useInsight, useInsightStore } from './InsightContext.ts';
import { useSharedView } from './useSharedView.ts';
import { applyInsightView } from './view/applyInsightView.ts';
import { startFiguresService } from './worker/figuresService.ts';

/**
 * The insight state at work on the map: its view (or the facilitator's shared one) shown through the map's
 * view, and the figures computed in a worker while anything on the page needs them. Draws nothing.
 */
export function InsightEngine() {
  const { store: board } = useMapContext();
  const insight = useInsightStore();
  const needed = useInsight((s) => s.figureUsers > 0);
  const colouring = useInsight((s) => s.view.colourByCluster);
  useEffect(() => applyInsightView(board, insight), [board, insight]);
  useSharedView(insight);
  useEffect(() => (needed ? startFiguresService(board, insight) : undefined), [needed, board, insight]);
  // Colouring by cluster needs the clusters kept live even while the panel is closed.
  useEffect(() => (colouring ? insight.getState().holdFigures() : undefined), [colouring, insight]);
  return null;
}
