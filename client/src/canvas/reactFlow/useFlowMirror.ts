import { useEffect } from 'react';
import type { BoardViewStore } from '../view/boardViewStore.ts';
import { useFlowStore } from './flowState.ts';
import { moveDraggedNodes } from './moveDraggedNodes.ts';
import { moveRemoteNodes } from './moveRemoteNodes.ts';
import type { NodeElements } from './nodeRecords.ts';

/**
 * Lets the view store show live positions (this page's drag, other people's
 * moves) in this map's React Flow while it is mounted: the view store holds
 * them, and this copies each change into React Flow's records and the node
 * elements (`moveDraggedNodes`, `moveRemoteNodes`). `notifyFlow`: see
 * `moveRemoteNodes` (true while React Flow's own minimap is shown).
 */
export function useFlowMirror(store: BoardViewStore, notifyFlow: boolean): void {
  const flow = useFlowStore();
  useEffect(() => {
    let dragged: NodeElements = new Map();
    const moved: NodeElements = new Map();
    store.getState().setFlowMirror({
      showDrag(frame, first) {
        if (first) dragged = new Map();
        moveDraggedNodes(flow, frame, dragged);
      },
      showRemote: (frame) => moveRemoteNodes(flow, frame, moved, notifyFlow),
    });
    return () => store.getState().setFlowMirror(null);
  }, [flow, notifyFlow, store]);
}
