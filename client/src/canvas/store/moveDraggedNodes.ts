import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { BoardFlowEdge, BoardFlowNode } from './flowTypes.ts';
import type { DragFrame } from './dragFrame.ts';

/** The part of React Flow's store API this needs (`useStoreApi()`). */
interface FlowStoreApi {
  getState(): ReactFlowState<BoardFlowNode, BoardFlowEdge>;
  setState(partial: Partial<ReactFlowState<BoardFlowNode, BoardFlowEdge>>): void;
}

/**
 * Moves the dragged nodes inside React Flow's own store for one drag frame.
 * A controlled `nodes` array would make React Flow re-adopt all 1,300 nodes
 * on every pointer move (and every component reading our nodes re-render);
 * here only the dragged nodes get new internal objects, so only they, their
 * edges and React Flow's visibility selectors update. Each keeps its user
 * node (`internals.userNode`), so a `nodes` array that arrives mid-drag
 * without a new object for it does not reset it; one with a new object
 * carries the live position (`boardViewStore`). The drop's final change goes
 * through the controlled array as before.
 *
 * Board nodes have no parents and React Flow's default node origin [0, 0] and
 * unbounded extent, so the absolute position is the position.
 */
export function moveDraggedNodes(flow: FlowStoreApi, frame: DragFrame): void {
  const { nodeLookup, nodes } = flow.getState();
  const moved = new Map<string, BoardFlowNode>();
  for (const { id, position } of frame) {
    const node: InternalNode<BoardFlowNode> | undefined = nodeLookup.get(id);
    if (!node) continue;
    const at = node.internals.positionAbsolute;
    if (at.x === position.x && at.y === position.y && node.dragging) continue;
    nodeLookup.set(id, {
      ...node,
      position,
      dragging: true,
      internals: { ...node.internals, positionAbsolute: { x: position.x, y: position.y } },
    } as InternalNode<BoardFlowNode>);
    moved.set(id, { ...node.internals.userNode, position, dragging: true } as BoardFlowNode);
  }
  if (moved.size === 0) return;
  // React Flow's `nodes` (what `getNodes()` and the overview edge layer read) shows the drag too,
  // as it would in an uncontrolled flow; the next controlled array replaces it. Setting state makes
  // every `useStore` selector of React Flow (and ours) look again, as its own updates do.
  flow.setState({ nodes: nodes.map((node) => moved.get(node.id) ?? node) });
}
