import type { BoardFlowNode } from '../view/flowTypes.ts';
import type { DragFrame } from '../view/dragFrame.ts';
import type { FlowStore } from './flowState.ts';
import { nodeWrapper, placeWrapper, recordAt } from './nodeRecords.ts';
import type { NodeElements } from './nodeRecords.ts';

/**
 * Shows one frame of this page's drag in React Flow without setting its
 * state (which would re-run every node wrapper's selectors): each dragged
 * node's record in `nodeLookup` is replaced by one at the new position,
 * marked dragging, and its wrapper element is moved at once. While React
 * Flow shows its box around a rectangle selection (`nodesSelectionActive`),
 * that box follows the nodes only through the store: then state is set too,
 * as React Flow's own drag would.
 */
export function moveDraggedNodes(flow: FlowStore, frame: DragFrame, elements: NodeElements): void {
  const { nodeLookup, nodes, nodesSelectionActive } = flow.getState();
  const moved = new Map<string, BoardFlowNode>();
  for (const { id, position } of frame) {
    const node = nodeLookup.get(id);
    if (!node) continue;
    const at = node.internals.positionAbsolute;
    if (at.x === position.x && at.y === position.y && node.dragging) continue;
    nodeLookup.set(id, recordAt(node, position, true));
    moved.set(id, { ...node.internals.userNode, position, dragging: true });
    placeWrapper(nodeWrapper(flow, elements, id), position);
  }
  if (moved.size === 0 || !nodesSelectionActive) return;
  flow.setState({ nodes: nodes.map((node) => moved.get(node.id) ?? node) });
}
