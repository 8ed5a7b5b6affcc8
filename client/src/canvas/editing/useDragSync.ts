import { useEffect, useMemo, useRef } from 'react';
import type { NodeChange, OnNodeDrag, XYPosition } from '@xyflow/react';
import { beginUndoGesture, endUndoGesture, moveNodes } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import type { UndoManager } from 'yjs';
import type { Doc } from 'yjs';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { setLocalDrag } from '../view/localDrag.ts';
import type { BoardViewStore } from '../view/boardViewStore.ts';
import { dragFrameOf } from '../view/dragFrame.ts';
import { useDragPointerCapture } from '../reactFlow/useDragPointerCapture.ts';
import { createDragWriteThrottle } from './dragWriteThrottle.ts';

function movesOf(nodes: readonly BoardFlowNode[]): Array<{ id: NodeId; position: { x: number; y: number } }> {
  return nodes.map((node) => ({
    id: node.id as NodeId,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
  }));
}

/**
 * Writes dragged positions to the document: throttled while dragging
 * (`dragWriteThrottle.ts`: at most ~30 a second, the freshest), all
 * dragged nodes in one transaction, and the final position on drop. The
 * whole drag is one undo step: capturing stops at the start, the capture
 * window is held open during the drag (a pause must not split it), and
 * capturing stops again on drop. While a drag is in progress the echo of
 * these writes is not re-applied to the map (`view/localDrag.ts`), and
 * `onDragFrame` hands each frame to the view store's live positions
 * (`view/liveDrag.ts`), the one place a dragged node's position is held
 * until the drop: no new controlled `nodes` array, no store state.
 */
export function useDragSync(
  /** The live document; null where this page never edits (then nothing is dragged). */
  doc: Doc | null,
  store: BoardViewStore,
  undoManager: UndoManager | null,
  /** False while a lock forbids moving: a drag in flight when the lock arrives writes nothing (it would be refused). */
  canMove = true,
): {
  onNodeDragStart: OnNodeDrag<BoardFlowNode>;
  onNodeDrag: OnNodeDrag<BoardFlowNode>;
  onNodeDragStop: OnNodeDrag<BoardFlowNode>;
  /** Takes a drag frame out of `onNodesChange` (returns true), or leaves other changes to it (false). */
  onDragFrame(changes: NodeChange<BoardFlowNode>[]): boolean;
} {
  // Drag positions not yet shown: React Flow reports every pointer move (often two per frame).
  const unshown = useRef<{ positions: Map<string, XYPosition>; request: number } | null>(null);
  const capturePointer = useDragPointerCapture();
  // A map unmounted mid-drag must not leave the document's snapshots held back.
  useEffect(() => () => (doc ? setLocalDrag(doc, false) : undefined), [doc]);
  useEffect(
    () => () => {
      if (unshown.current) cancelAnimationFrame(unshown.current.request);
      unshown.current = null;
    },
    [],
  );

  const write = useMemo(
    () =>
      (nodes: readonly BoardFlowNode[]): void => {
        if (!canMove || !doc) return;
        moveNodes(doc, movesOf(nodes));
      },
    [canMove, doc],
  );
  const throttle = useMemo(() => createDragWriteThrottle(write), [write]);
  // A position held back for a lock that has since arrived (or a map that went away) must not go out.
  useEffect(() => () => throttle.cancel(), [throttle]);

  return useMemo(() => {
    /**
     * Shows the latest drag positions: once per animation frame (before it is painted, so no later
     * on screen; React Flow reports every pointer move, often two per frame), and at once before
     * any other change (a drop, a selection) goes through the controlled nodes.
     */
    const show = (): void => {
      const entry = unshown.current;
      if (!entry) return;
      cancelAnimationFrame(entry.request);
      unshown.current = null;
      // The view store holds the live positions; its mirror shows them in React Flow.
      store.getState().dragNodes([...entry.positions].map(([id, position]) => ({ id, position })));
    };
    return {
      onDragFrame(changes) {
        const frame = dragFrameOf(changes);
        if (!frame) {
          show();
          return false;
        }
        unshown.current ??= { positions: new Map(), request: requestAnimationFrame(show) };
        for (const { id, position } of frame) unshown.current.positions.set(id, position);
        return true;
      },
      onNodeDragStart(_event, node) {
        if (undoManager) beginUndoGesture(undoManager);
        throttle.reset();
        capturePointer(node.id);
        if (doc) setLocalDrag(doc, true);
      },
      onNodeDrag(_event, _node, nodes) {
        throttle.offer(nodes);
      },
      onNodeDragStop(_event, _node, nodes) {
        throttle.cancel();
        write(nodes);
        // The drop's position change has normally ended the live drag already.
        store.getState().endLiveDrag();
        if (doc) setLocalDrag(doc, false);
        if (undoManager) endUndoGesture(undoManager);
      },
    };
  }, [capturePointer, doc, store, throttle, undoManager, write]);
}
