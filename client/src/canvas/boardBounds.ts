import { getNodesBounds } from '@xyflow/react';
import type { Rect } from '@xyflow/react';
import type { BoardSnapshot, Thread } from '@interplay/shared';
import { PROJECT_AREA_PADDING, PROJECT_LABEL } from './projects/projectAreaLayout.ts';
import type { BoardFlowNode } from './view/flowTypes.ts';

/** Free notes on the map (threads with a position). */
export function freeNotes(annotations: BoardSnapshot['annotations']): Thread[] {
  return [...annotations.values()].filter((thread) => thread.position !== null && !thread.orphaned);
}

/**
 * The room a closed note takes (`.ip-note`: 220 px wide; a few lines of text):
 * enough for fitting the view, where the padding absorbs the difference.
 */
export const NOTE_FOOTPRINT = { width: 220, height: 110 } as const;

/**
 * How far a project's name tag can reach above or below its area: its whole height, when it is pushed
 * out of the area to clear a card (`placeProjectLabels`).
 */
export const PROJECT_LABEL_OVERHANG = PROJECT_LABEL.height + 2;

/**
 * What "the whole map" covers: every node, the project areas drawn around
 * them (with their names above), and every free note, in flow coordinates, or
 * null on an empty board. React Flow's own fit knows only nodes, so a note left
 * beside the map or a project's name would stay out of view.
 */
export function boardBounds(
  nodes: readonly BoardFlowNode[],
  snapshot: Pick<BoardSnapshot, 'annotations' | 'projects'>,
): Rect | null {
  const rects: Rect[] = freeNotes(snapshot.annotations).flatMap((note) =>
    note.position ? [{ ...note.position, ...NOTE_FOOTPRINT }] : [],
  );
  if (nodes.length > 0) rects.push(getNodesBounds([...nodes]));
  if (snapshot.projects.size > 0) {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    for (const project of snapshot.projects.values()) {
      const members = project.memberIds.flatMap((id) => byId.get(id) ?? []);
      if (members.length === 0) continue;
      const area = getNodesBounds(members);
      const reach = PROJECT_AREA_PADDING + PROJECT_LABEL_OVERHANG;
      rects.push({
        x: area.x - PROJECT_AREA_PADDING,
        y: area.y - reach,
        width: area.width + 2 * PROJECT_AREA_PADDING,
        height: area.height + 2 * reach,
      });
    }
  }
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
