import type { InternalNode, XYPosition } from '@xyflow/react';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import type { FlowState } from './flowState.ts';

/** React Flow's wrapper elements of moving nodes, looked up once (again when React Flow remounts one). */
export type NodeElements = Map<string, HTMLElement | null>;

/** React Flow's wrapper element of node `id`, found in its root by class and `data-id`. */
export function nodeWrapper(
  flow: { getState(): Pick<FlowState, 'domNode'> },
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

/** Puts a node's wrapper where React Flow's node wrapper would render it (its `transform`, in its format). */
export function placeWrapper(element: HTMLElement | null, position: XYPosition): void {
  if (element) element.style.transform = `translate(${position.x}px,${position.y}px)`;
}

/**
 * A copy of React Flow's record of a node at `position`: what its node
 * wrapper, its edges and its own hit tests read. The record keeps its user
 * node (`internals.userNode`), so React Flow keeps the record while it is
 * given the same node object.
 */
export function recordAt(
  node: InternalNode<BoardFlowNode>,
  position: XYPosition,
  dragging: boolean | undefined,
): InternalNode<BoardFlowNode> {
  const record = {
    ...node,
    position,
    internals: { ...node.internals, positionAbsolute: { x: position.x, y: position.y } },
  };
  if (dragging !== undefined) record.dragging = dragging;
  return record;
}
