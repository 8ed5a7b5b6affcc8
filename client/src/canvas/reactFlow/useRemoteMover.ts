import { useEffect } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { BoardViewStore } from '../view/boardViewStore.ts';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';
import type { NodeElements } from './moveDraggedNodes.ts';
import { moveRemoteNodes } from './moveRemoteNodes.ts';

/**
 * Lets the view store show other people's moves directly in this map's React
 * Flow (`moveRemoteNodes`, the remote fast path of `setSnapshot`) while it is
 * mounted. Must run inside the map's React Flow provider. `notifyFlow`: see
 * `moveRemoteNodes` (true while React Flow's own minimap is shown).
 */
export function useRemoteMover(store: BoardViewStore, notifyFlow: boolean): void {
  const flow = useStoreApi<BoardFlowNode, BoardFlowEdge>();
  useEffect(() => {
    // Wrapper elements of moved nodes, looked up once (re-looked up when React Flow remounts one).
    const elements: NodeElements = new Map();
    store.getState().setRemoteMover((frame) => moveRemoteNodes(flow, frame, elements, notifyFlow));
    return () => store.getState().setRemoteMover(null);
  }, [flow, notifyFlow, store]);
}
