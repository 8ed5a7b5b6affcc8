import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';
import type { DragFrame } from '../view/dragFrame.ts';
import { nodeWrapper } from './moveDraggedNodes.ts';
import type { NodeElements } from './moveDraggedNodes.ts';

/** The part of React Flow's store API this needs (`useStoreApi()`). */
interface FlowStoreApi {
  getState(): ReactFlowState<BoardFlowNode, BoardFlowEdge>;
  setState(partial: Partial<ReactFlowState<BoardFlowNode, BoardFlowEdge>>): void;
}

/**
 * Shows someone else's move of a few nodes without a new nodes array for
 * React Flow (the remote fast path, `boardViewStore.setSnapshot`): each
 * node's record in React Flow's `nodeLookup` is replaced by one at the new
 * position and its wrapper element is moved at once, as `moveDraggedNodes`
 * does for this page's drag (but the node is not marked dragging: its lines
 * keep drawing themselves). A new nodes array made React Flow run all 1,300
 * node wrappers' store selectors and context checks, then the overview lines
 * and project areas, on every remote move: ~10 ms of a watching page's main
 * thread, most of each remote move's delay. The record keeps its user node,
 * so a nodes array that arrives meanwhile without a new object for the node
 * keeps the moved record; the caller brings the nodes array up to date later.
 *
 * With `notifyFlow` React Flow's store subscribers are told as well (no new
 * state): on a board small enough for React Flow's own `<MiniMap>`, which
 * only follows the store; there a notification costs little.
 *
 * @returns false, having changed nothing, when the fast path does not apply:
 * a node React Flow does not render here (outside the render window), one
 * this page is dragging, or React Flow's box around a rectangle selection
 * (which follows the nodes only through its store).
 */
export function moveRemoteNodes(
  flow: FlowStoreApi,
  frame: DragFrame,
  elements: NodeElements,
  notifyFlow = false,
): boolean {
  const { nodeLookup, nodesSelectionActive } = flow.getState();
  if (nodesSelectionActive) return false;
  for (const { id } of frame) {
    const node = nodeLookup.get(id);
    if (!node || node.dragging || node.parentId) return false;
  }
  for (const { id, position } of frame) {
    const node = nodeLookup.get(id) as InternalNode<BoardFlowNode>;
    nodeLookup.set(id, {
      ...node,
      position,
      internals: { ...node.internals, positionAbsolute: { x: position.x, y: position.y } },
    } as InternalNode<BoardFlowNode>);
    const wrapper = nodeWrapper(flow, elements, id);
    // The transform React Flow's node wrapper writes, in its format.
    if (wrapper) wrapper.style.transform = `translate(${position.x}px,${position.y}px)`;
  }
  if (notifyFlow) flow.setState({});
  return true;
}
