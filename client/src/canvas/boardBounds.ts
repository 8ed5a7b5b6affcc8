import { getNodesBounds } from '@xyflow/react';
import type { Rect } from '@xyflow/react';
import type { BoardSnapshot } from '@interplay/shared';
import { freeNotes } from '../annotations/threadQueries.ts';
import type { BoardFlowNode } from './store/flowTypes.ts';

/**
 * The room a closed note takes (`.ip-note`: 220 px wide; a few lines of text):
 * enough for fitting the view, where the padding absorbs the difference.
 */
export const NOTE_FOOTPRINT = { width: 220, height: 110 } as const;

/**
 * What "the whole map" covers: every node and every free note, in flow
 * coordinates, or null on an empty board. React Flow's own fit knows only nodes,
 * so a note left beside the map would stay out of view.
 */
export function boardBounds(
  nodes: readonly BoardFlowNode[],
  annotations: BoardSnapshot['annotations'],
): Rect | null {
  const rects: Rect[] = freeNotes(annotations).flatMap((note) =>
    note.position ? [{ ...note.position, ...NOTE_FOOTPRINT }] : [],
  );
  if (nodes.length > 0) rects.push(getNodesBounds([...nodes]));
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
