import type { ReactNode } from 'react';
import { useStore } from '@xyflow/react';
import { selectIsTiny } from '../perf/levelOfDetail.ts';
import { NodeDetailContext } from './NodeDetailContext.ts';

/**
 * Provides the node level of detail (`NodeDetailContext`) from React Flow's
 * zoom. One subscription with a threshold selector: it re-renders, and with
 * it every node, only when the zoom crosses `TINY_ZOOM`, never per pan or
 * zoom frame (a subscription in each node would run 1,300 selectors a frame).
 * Render it inside `<ReactFlowProvider>`, around the map.
 */
export function NodeDetailProvider({ children }: { children: ReactNode }) {
  const tiny = useStore(selectIsTiny);
  return <NodeDetailContext.Provider value={tiny ? 'tiny' : 'full'}>{children}</NodeDetailContext.Provider>;
}
