import type { XYPosition } from '@xyflow/react';
import type { BoardFlowNode } from './flowTypes.ts';
import { DEFAULT_ORGANISATION_SIZE, DEFAULT_PERSON_SIZE } from './flowTypes.ts';
import type { Box } from '../projects/projectShape.ts';

/** A node's box in flow coordinates: its live position while dragged, its measured size (or the default). */
export function nodeBox(node: BoardFlowNode, live: ReadonlyMap<string, XYPosition> | null): Box {
  const fallback = node.type === 'person' ? DEFAULT_PERSON_SIZE : DEFAULT_ORGANISATION_SIZE;
  const position = live?.get(node.id) ?? node.position;
  return {
    x: position.x,
    y: position.y,
    width: node.measured?.width ?? fallback.width,
    height: node.measured?.height ?? fallback.height,
  };
}
