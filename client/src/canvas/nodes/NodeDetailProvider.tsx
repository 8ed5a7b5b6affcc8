import { useLayoutEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { selectNodeDetail } from '../layers/levelOfDetail.ts';
import { useFlowView } from '../reactFlow/flowState.ts';
import { useQuietSizeReports } from '../reactFlow/quietSizeReports.ts';
import { useTinyEdgeEnds } from '../reactFlow/useTinyEdgeEnds.ts';
import { NodeDetailContext } from './NodeDetailContext.ts';
import { EdgeEndsContext, createEdgeEnds } from './EdgeEndsContext.ts';

/**
 * Provides the node level of detail (`NodeDetailContext`) from React Flow's
 * zoom. One subscription with a threshold selector: it re-renders, and with
 * it every node, only when the zoom crosses `OVERVIEW_ZOOM` or `TINY_ZOOM`, never per pan or
 * zoom frame (a subscription in each node would run a selector per node per frame).
 * Also provides which tiny nodes must keep their handles (`EdgeEndsContext`), and has React
 * Flow skip measuring nodes whose size it already knows (`quietSizeReports`).
 * Render it inside `<ReactFlowProvider>`, around the map.
 */
export function NodeDetailProvider({ children }: { children: ReactNode }) {
  useQuietSizeReports();
  const detail = useFlowView(selectNodeDetail);
  const endsKey = useTinyEdgeEnds();
  const [ends] = useState(createEdgeEnds);
  // Before paint, so a node that just became an edge end mounts its handles in the same frame.
  useLayoutEffect(() => ends.set(endsKey), [ends, endsKey]);
  return (
    <NodeDetailContext.Provider value={detail}>
      <EdgeEndsContext.Provider value={ends}>{children}</EdgeEndsContext.Provider>
    </NodeDetailContext.Provider>
  );
}
