import { useLayoutEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore, useStoreApi } from '@xyflow/react';
import type { Edge, ReactFlowState } from '@xyflow/react';
import { selectIsTiny } from '../layers/levelOfDetail.ts';
import { NodeDetailContext } from './NodeDetailContext.ts';
import { EdgeEndsContext, createEdgeEnds } from './EdgeEndsContext.ts';
import { quietSizeReports } from '../reactFlow/quietSizeReports.ts';

let lastEdges: Edge[] | null = null;
let lastKey = '';

/**
 * While tiny: the ids at the ends of React Flow's edges as one sorted key (a string, so the
 * subscriber re-renders only when the set changes); '' otherwise. Runs on every React Flow store
 * change (every pan frame), so it reuses its answer while the edges array is the same.
 */
function selectTinyEdgeEnds(state: ReactFlowState): string {
  if (!selectIsTiny(state)) return '';
  if (state.edges !== lastEdges) {
    lastEdges = state.edges;
    const ids = new Set<string>();
    for (const edge of state.edges) ids.add(edge.source).add(edge.target);
    lastKey = [...ids].sort().join('\n');
  }
  return lastKey;
}

/**
 * Provides the node level of detail (`NodeDetailContext`) from React Flow's
 * zoom. One subscription with a threshold selector: it re-renders, and with
 * it every node, only when the zoom crosses `TINY_ZOOM`, never per pan or
 * zoom frame (a subscription in each node would run 1,300 selectors a frame).
 * Also provides which tiny nodes must keep their handles (`EdgeEndsContext`), and has React
 * Flow skip measuring nodes whose size it already knows (`quietSizeReports`).
 * Render it inside `<ReactFlowProvider>`, around the map.
 */
export function NodeDetailProvider({ children }: { children: ReactNode }) {
  const flow = useStoreApi();
  // Before the map below mounts: React Flow's node renderer keeps the measuring function it finds then.
  useState(() => quietSizeReports(flow));
  const tiny = useStore(selectIsTiny);
  const endsKey = useStore(selectTinyEdgeEnds);
  const [ends] = useState(createEdgeEnds);
  // Before paint, so a node that just became an edge end mounts its handles in the same frame.
  useLayoutEffect(() => ends.set(endsKey), [ends, endsKey]);
  return (
    <NodeDetailContext.Provider value={tiny ? 'tiny' : 'full'}>
      <EdgeEndsContext.Provider value={ends}>{children}</EdgeEndsContext.Provider>
    </NodeDetailContext.Provider>
  );
}
