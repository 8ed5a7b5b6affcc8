import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';
import type { DragFrame } from '../view/dragFrame.ts';

/** The part of React Flow's store API this needs (`useStoreApi()`). */
interface FlowStoreApi {
  getState(): ReactFlowState<BoardFlowNode, BoardFlowEdge>;
  setState(partial: Partial<ReactFlowState<BoardFlowNode, BoardFlowEdge>>): void;
}

/** React Flow's wrapper element of each node being dragged, looked up once per drag. */
export type NodeElements = Map<string, HTMLElement | null>;

/** React Flow's wrapper element of node `id`, looked up once per drag (`elements`). */
export function nodeWrapper(
  flow: Pick<FlowStoreApi, 'getState'>,
  elements: NodeElements,
  id: string,
): HTMLElement | null {
  let element = elements.get(id);
  if (element === undefined || (element !== null && !element.isConnected)) {
    element =
      flow.getState().domNode?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ??
      null;
    elements.set(id, element);
  }
  return element;
}

/**
 * Moves the dragged nodes for one drag frame without setting any store's
 * state. Setting React Flow's state re-ran the store selectors of all 1,300
 * node wrappers (and every other subscriber) on every frame; instead:
 * - each dragged node's record in React Flow's `nodeLookup` is replaced by one
 *   at the new position (so React Flow itself, its handles and anything that
 *   reads the lookup see where the node is, and the wrapper renders there
 *   whenever it renders next);
 * - its wrapper element is moved at once (the transform React Flow would write);
 * - the caller then tells `liveDrag` (`boardViewStore`), which re-renders only
 *   the dragged nodes' edges (`useEdgeEnds`) and the layers that follow a drag.
 * Each record keeps its user node (`internals.userNode`), so a `nodes` array
 * that arrives mid-drag without a new object for it keeps it; one with a new
 * object carries the live position (`boardViewStore`). The drop's final
 * change goes through the controlled array as before.
 *
 * While React Flow shows its box around a rectangle selection
 * (`nodesSelectionActive`), that box follows the nodes through the store:
 * then state is set as well, as React Flow's own drag would.
 *
 * Board nodes have no parents and React Flow's default node origin [0, 0] and
 * unbounded extent, so the absolute position is the position.
 */
export function moveDraggedNodes(flow: FlowStoreApi, frame: DragFrame, elements: NodeElements): void {
  const { nodeLookup, nodes, nodesSelectionActive } = flow.getState();
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
    const wrapper = nodeWrapper(flow, elements, id);
    if (wrapper) wrapper.style.transform = `translate(${position.x}px,${position.y}px)`;
  }
  if (moved.size === 0 || !nodesSelectionActive) return;
  flow.setState({ nodes: nodes.map((node) => moved.get(node.id) ?? node) });
}
