import type { Position } from '@interplay/shared';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { DEFAULT_ORGANISATION_SIZE, DEFAULT_PERSON_SIZE } from '../view/flowTypes.ts';

const MARGIN = 24;
const STEP = 48;
const MAX_RINGS = 30;

/**
 * The position nearest to `wanted` (searching outward in square rings) where
 * a new node of `size` overlaps no existing node, so new cards never land on
 * top of others. Falls back to `wanted` when the neighbourhood is full.
 */
export function freeSpot(
  wanted: Position,
  size: { width: number; height: number },
  nodes: readonly BoardFlowNode[],
): Position {
  const boxes = nodes.map((node) => {
    const fallback = node.type === 'person' ? DEFAULT_PERSON_SIZE : DEFAULT_ORGANISATION_SIZE;
    return {
      x: node.position.x - MARGIN,
      y: node.position.y - MARGIN,
      right: node.position.x + (node.measured?.width ?? fallback.width) + MARGIN,
      bottom: node.position.y + (node.measured?.height ?? fallback.height) + MARGIN,
    };
  });
  const fits = (x: number, y: number): boolean =>
    boxes.every((b) => x + size.width <= b.x || x >= b.right || y + size.height <= b.y || y >= b.bottom);
  if (fits(wanted.x, wanted.y)) return wanted;
  for (let ring = 1; ring <= MAX_RINGS; ring += 1) {
    for (let i = -ring; i <= ring; i += 1) {
      const candidates: Array<[number, number]> = [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ];
      for (const [dx, dy] of candidates) {
        const x = wanted.x + dx * STEP;
        const y = wanted.y + dy * STEP;
        if (fits(x, y)) return { x, y };
      }
    }
  }
  return wanted;
}
