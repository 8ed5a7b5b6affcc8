import type { InternalNode } from '@xyflow/react';
import type { NodeBox } from '../edges/floatingGeometry.ts';

const boxes = new WeakMap<InternalNode, NodeBox>();

/**
 * Where React Flow holds a node (its record in `nodeLookup`): the same box
 * object for as long as React Flow keeps the same record, so what compares
 * boxes by identity redraws only for nodes that moved or changed size.
 * Board nodes have no parents, so the absolute position is the position.
 */
export function nodeBoxOf(node: InternalNode): NodeBox {
  let box = boxes.get(node);
  if (!box) {
    const { x, y } = node.internals.positionAbsolute;
    box = { type: node.type, x, y, width: node.measured.width, height: node.measured.height };
    boxes.set(node, box);
  }
  return box;
}

/** Every node React Flow holds, as boxes (see `nodeBoxOf`). */
export function nodeBoxes(nodeLookup: ReadonlyMap<string, InternalNode>): Map<string, NodeBox> {
  const result = new Map<string, NodeBox>();
  for (const [id, node] of nodeLookup) result.set(id, nodeBoxOf(node));
  return result;
}
