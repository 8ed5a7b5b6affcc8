import { useMemo, useSyncExternalStore } from 'react';
import type { InternalNode } from '@xyflow/react';
import type { NodeBox } from '../edges/floatingGeometry.ts';
import { selectClipRect } from '../layers/edgeClip.ts';
import type { ClipRect } from '../layers/edgeClip.ts';
import { useMapContext } from '../MapContext.ts';
import { useFlowStore } from './flowState.ts';
import { nodeBoxOf } from './nodeBoxes.ts';

/** The window of an edge that is never cut (`withClip` false): it then never re-renders for panning. */
const NO_CLIP: ClipRect = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

export interface EdgeEnds {
  readonly source: NodeBox | undefined;
  readonly target: NodeBox | undefined;
  /** The clip window of `selectClipRect`. */
  readonly clip: ClipRect;
  /**
   * One of the nodes is being dragged on this page: `<DraggedEdges>` draws the edge meanwhile, and
   * the edge draws nothing (then `source` and `target` are undefined, and the value is the same
   * object on every frame, so the edge does not re-render while the drag lasts).
   */
  readonly dragged: boolean;
}

const DRAGGED: EdgeEnds = { source: undefined, target: undefined, clip: NO_CLIP, dragged: true };

/**
 * An edge's two nodes and the clip window in ONE subscription to React
 * Flow's store, instead of `useInternalNode` twice plus `useStore` for the
 * window. Every pan, zoom or remote-move frame runs every subscriber's
 * selector, so on a board with thousands of edges the number of
 * subscriptions per edge is what the frame pays for. The snapshot is the
 * same object while the three parts keep their identity (React Flow keeps an
 * unchanged node's internal object), so the edge re-renders only when one of
 * them changes.
 *
 * A local drag moves its nodes in React Flow's lookup without setting state
 * (`moveDraggedNodes`) and tells `liveDrag`; a remote move shown by the fast
 * path (`moveRemoteNodes`) does the same through `remoteMoves`. The edge listens
 * to both (`liveMoves`), to its own two nodes only: it redraws at a remote
 * move, and hands itself to `<DraggedEdges>` when a local drag
 * starts (`dragged`) and takes itself back when React Flow's lookup holds the
 * dropped node (in the same commit in which `<DraggedEdges>` lets it go).
 */
export function useEdgeEnds(source: string, target: string, withClip = true): EdgeEnds {
  const flow = useFlowStore();
  const { liveMoves } = useMapContext().store.getState();
  const { subscribe, snapshot } = useMemo(() => {
    let last: EdgeEnds | null = null;
    // The records the last answer was made from: React Flow keeps an unchanged node's record.
    let from: [InternalNode | undefined, InternalNode | undefined] = [undefined, undefined];
    return {
      subscribe(onChange: () => void): () => void {
        const stopFlow = flow.subscribe(onChange);
        const stopLive = liveMoves.subscribeNodes([source, target], onChange);
        return () => {
          stopFlow();
          stopLive();
        };
      },
      snapshot(): EdgeEnds {
        const state = flow.getState();
        const sourceNode = state.nodeLookup.get(source);
        const targetNode = state.nodeLookup.get(target);
        if (sourceNode?.dragging === true || targetNode?.dragging === true) return DRAGGED;
        const clip = withClip ? selectClipRect(state) : NO_CLIP;
        if (last && from[0] === sourceNode && from[1] === targetNode && last.clip === clip) return last;
        from = [sourceNode, targetNode];
        last = {
          source: sourceNode && nodeBoxOf(sourceNode),
          target: targetNode && nodeBoxOf(targetNode),
          clip,
          dragged: false,
        };
        return last;
      },
    };
  }, [flow, liveMoves, source, target, withClip]);
  return useSyncExternalStore(subscribe, snapshot);
}
