import { useMemo } from 'react';
import type { NodeBox } from '../edges/floatingGeometry.ts';
import { useFlowState, useFlowStore } from './flowState.ts';
import type { FlowState } from './flowState.ts';
import { nodeBoxes, nodeBoxOf } from './nodeBoxes.ts';

/** Where React Flow holds the map's nodes, read when asked. */
export interface NodeBoxReader {
  /** Changes whenever React Flow is given new nodes (a move, a measure, a new board state). */
  readonly version: unknown;
  all(): Map<string, NodeBox>;
  get(id: string): NodeBox | undefined;
}

const selectNodes = (state: FlowState) => state.nodes;

/** The map's nodes as React Flow holds them (`nodeBoxes.ts`); re-renders when React Flow's nodes change. */
export function useNodeBoxes(): NodeBoxReader {
  const flow = useFlowStore();
  const version = useFlowState(selectNodes);
  return useMemo(
    () => ({
      version,
      all: () => nodeBoxes(flow.getState().nodeLookup),
      get(id) {
        const node = flow.getState().nodeLookup.get(id);
        return node && nodeBoxOf(node);
      },
    }),
    [flow, version],
  );
}
