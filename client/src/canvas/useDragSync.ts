import { useEffect, useMemo, useRef } from 'react';
import type { OnNodeDrag } from '@xyflow/react';
import { moveNodes } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import type { UndoManager } from 'yjs';
import type { Doc } from 'yjs';
import type { BoardFlowNode } from './store/flowTypes.ts';
import { setLocalDrag } from './perf/localDrag.ts';

/** Positions go out at most this often while dragging (≈30 per second). */
export const DRAG_WRITE_INTERVAL_MS = 33;

function movesOf(nodes: readonly BoardFlowNode[]): Array<{ id: NodeId; position: { x: number; y: number } }> {
  return nodes.map((node) => ({
    id: node.id as NodeId,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
  }));
}

/**
 * Writes dragged positions to the document: throttled while dragging, all
 * dragged nodes in one transaction, and the final position on drop. The
 * whole drag is one undo step: capturing stops at the start, the capture
 * window is held open during the drag (a pause must not split it), and
 * capturing stops again on drop. While a drag is in progress the echo of
 * these writes is not re-applied to the map (`perf/localDrag.ts`).
 */
export function useDragSync(
  doc: Doc,
  undoManager: UndoManager | null,
  /** False while a lock forbids moving: a drag in flight when the lock arrives writes nothing (it would be refused). */
  canMove = true,
): {
  onNodeDragStart: OnNodeDrag<BoardFlowNode>;
  onNodeDrag: OnNodeDrag<BoardFlowNode>;
  onNodeDragStop: OnNodeDrag<BoardFlowNode>;
} {
  const lastWrite = useRef(0);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; nodes: BoardFlowNode[] } | null>(null);
  const savedTimeout = useRef<number | null>(null);
  // A map unmounted mid-drag must not leave the document's snapshots held back.
  useEffect(() => () => setLocalDrag(doc, false), [doc]);

  return useMemo(() => {
    const write = (nodes: readonly BoardFlowNode[]): void => {
      if (!canMove) return;
      lastWrite.current = performance.now();
      moveNodes(doc, movesOf(nodes));
    };
    const cancelPending = (): void => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = null;
    };
    return {
      onNodeDragStart() {
        if (undoManager) {
          undoManager.stopCapturing();
          savedTimeout.current = undoManager.captureTimeout;
          undoManager.captureTimeout = Number.MAX_SAFE_INTEGER;
        }
        lastWrite.current = 0;
        setLocalDrag(doc, true);
      },
      onNodeDrag(_event, _node, nodes) {
        const wait = DRAG_WRITE_INTERVAL_MS - (performance.now() - lastWrite.current);
        if (wait <= 0) {
          cancelPending();
          write(nodes);
        } else if (pending.current) {
          pending.current.nodes = nodes;
        } else {
          const entry = {
            nodes,
            timer: setTimeout(() => {
              pending.current = null;
              write(entry.nodes);
            }, wait),
          };
          pending.current = entry;
        }
      },
      onNodeDragStop(_event, _node, nodes) {
        cancelPending();
        write(nodes);
        setLocalDrag(doc, false);
        if (undoManager) {
          undoManager.captureTimeout = savedTimeout.current ?? undoManager.captureTimeout;
          undoManager.stopCapturing();
        }
      },
    };
  }, [canMove, doc, undoManager]);
}
