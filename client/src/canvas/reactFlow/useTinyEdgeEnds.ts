import type { Edge } from '@xyflow/react';
import { selectIsTiny } from '../layers/levelOfDetail.ts';
import { useFlowState } from './flowState.ts';
import type { FlowState } from './flowState.ts';

let lastEdges: Edge[] | null = null;
let lastKey = '';

/**
 * While tiny: the ids at the ends of React Flow's edges as one sorted key (a string, so the
 * subscriber re-renders only when the set changes); '' otherwise. Runs on every React Flow store
 * change (every pan frame), so it reuses its answer while the edges array is the same.
 */
function selectTinyEdgeEnds(state: FlowState): string {
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
 * The nodes at the ends of the edges React Flow itself draws while the map is tiny, as one
 * newline-joined key ('' when not tiny): those keep their handles (`useTinyHandles`).
 */
export function useTinyEdgeEnds(): string {
  return useFlowState(selectTinyEdgeEnds);
}
