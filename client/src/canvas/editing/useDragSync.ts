import { useEffect, useMemo, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { NodeChange, OnNodeDrag, XYPosition } from '@xyflow/react';
import { moveNodes } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import type { UndoManager } from 'yjs';
import type { Doc } from 'yjs';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';
import { setLocalDrag } from '../view/localDrag.ts';
import type { BoardViewStore } from '../view/boardViewStore.ts';
import { dragFrameOf } from '../view/dragFrame.ts';
import { moveDraggedNodes, nodeWrapper } from '../reactFlow/moveDraggedNodes.ts';
import { useDragPointerCapture } from '../reactFlow/useDragPointerCapture.ts';
import type { NodeElements } from '../reactFlow/moveDraggedNodes.ts';
import { createDragWriteThrottle } from './dragWriteThrottle.ts';

function movesOf(nodes: readonly BoardFlowNode[]): Array<{ id: NodeId; position: { x: number; y: number } }> {
  return nodes.map((node) => ({
    id: node.id as NodeId,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
  }));
}

/**
 * Writes dragged positions to the document: throttled while dragging
 * (`perf/dragWriteThrottle.ts`: at most ~30 a second, the freshest), all
 * dragged nodes in one transaction, and the final position on drop. The
 * whole drag is one undo step: capturing stops at the start, the capture
 * window is held open during the drag (a pause must not split it), and
 * capturing stops again on drop. While a drag is in progress the echo of
 * these writes is not re-applied to the map (`perf/localDrag.ts`), and
 * `onDragFrame` moves the dragged nodes and their edges directly, without a
 * new controlled `nodes` array or any store update (`store/moveDraggedNodes.ts`,
 * `store/liveDrag.ts`).
 */
export function useDragSync(
  doc: Doc,
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
  const flow = useStoreApi<BoardFlowNode, BoardFlowEdge>();
  const savedTimeout = useRef<number | null>(null);
  // Drag positions not yet shown: React Flow reports every pointer move (often two per frame).
  const unshown = useRef<{ positions: Map<string, XYPosition>; request: number } | null>(null);
  // The dragged nodes' wrapper elements, found once per drag.
  const elements = useRef<NodeElements>(new Map());
  const capturePointer = useDragPointerCapture();
  // A map unmounted mid-drag must not leave the document's snapshots held back.
  useEffect(() => () => setLocalDrag(doc, false), [doc]);
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
        if (!canMove) return;
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
      const frame = [...entry.positions].map(([id, position]) => ({ id, position }));
      moveDraggedNodes(flow, frame, elements.current);
      store.getState().dragNodes(frame);
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
        if (undoManager) {
          undoManager.stopCapturing();
          savedTimeout.current = undoManager.captureTimeout;
          undoManager.captureTimeout = Number.MAX_SAFE_INTEGER;
        }
        throttle.reset();
        elements.current = new Map();
        capturePointer(nodeWrapper(flow, elements.current, node.id));
        setLocalDrag(doc, true);
      },
      onNodeDrag(_event, _node, nodes) {
        throttle.offer(nodes);
      },
      onNodeDragStop(_event, _node, nodes) {
        throttle.cancel();
        write(nodes);
        // The drop's position change has normally ended the live drag already.
        store.getState().endLiveDrag();
        setLocalDrag(doc, false);
        if (undoManager) {
          undoManager.captureTimeout = savedTimeout.current ?? undoManager.captureTimeout;
          undoManager.stopCapturing();
        }
      },
    };
  }, [capturePointer, doc, flow, store, throttle, undoManager, write]);
}
