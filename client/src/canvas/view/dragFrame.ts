import type { NodeChange, XYPosition } from '@xyflow/react';
import type { BoardFlowNode } from './flowTypes.ts';

/** The positions of the dragged nodes in one frame of a drag. */
export type DragFrame = ReadonlyArray<{ readonly id: string; readonly position: XYPosition }>;

/**
 * The changes React Flow reports on each pointer move of a drag, as a frame,
 * or null for anything else (the drop, a selection, a measurement, an
 * arrow-key move), which goes through the controlled `nodes` array.
 */
export function dragFrameOf(changes: readonly NodeChange<BoardFlowNode>[]): DragFrame | null {
  const frame: Array<{ id: string; position: XYPosition }> = [];
  for (const change of changes) {
    if (change.type !== 'position' || !change.dragging || !change.position) return null;
    frame.push({ id: change.id, position: change.position });
  }
  return frame.length > 0 ? frame : null;
}
