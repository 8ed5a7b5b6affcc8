import type { DragFrame } from '../view/dragFrame.ts';
import type { FlowStore } from './flowState.ts';
import { nodeWrapper, placeWrapper, recordAt } from './nodeRecords.ts';
import type { NodeElements } from './nodeRecords.ts';

/**
 * Shows someone else's move of a few nodes in React Flow without a new
 * nodes array, as `moveDraggedNodes` does for this page's drag, but the
 * nodes are not marked dragging (their lines keep drawing themselves). With
 * `notifyFlow` React Flow's subscribers are told as well (no new state): its
 * own `<MiniMap>` follows nodes only through the store.
 *
 * @returns false, having changed nothing, for a node React Flow does not
 * hold, one this page is dragging, or while a rectangle selection's box is
 * shown (it follows the nodes only through React Flow's state).
 */
export function moveRemoteNodes(
  flow: FlowStore,
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
    const node = nodeLookup.get(id);
    if (!node) continue;
    nodeLookup.set(id, recordAt(node, position, undefined));
    placeWrapper(nodeWrapper(flow, elements, id), position);
  }
  if (notifyFlow) flow.setState({});
  return true;
}
