import { useMemo, useSyncExternalStore } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { InternalNode } from '@xyflow/react';
import { useBoardViewContext } from '../BoardViewContext.ts';
import { selectClipRect, selectDragClipRect } from './edgeClip.ts';
import type { ClipRect } from './edgeClip.ts';

/** The window of an edge that is never cut (`withClip` false): it then never re-renders for panning. */
const NO_CLIP: ClipRect = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

export interface EdgeEnds {
  readonly source: InternalNode | undefined;
  readonly target: InternalNode | undefined;
  /** The clip window of `selectClipRect`, or of `selectDragClipRect` while one of the nodes is dragged here. */
  readonly clip: ClipRect;
}

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
 * (`moveDraggedNodes`) and tells `liveDrag`: the edge also listens there, to
 * its own two nodes only, so a drag frame re-renders just the dragged nodes' edges.
 */
export function useEdgeEnds(source: string, target: string, withClip = true): EdgeEnds {
  const flow = useStoreApi();
  const { liveDrag } = useBoardViewContext().store.getState();
  const { subscribe, snapshot } = useMemo(() => {
    let last: EdgeEnds | null = null;
    return {
      subscribe(onChange: () => void): () => void {
        const stopFlow = flow.subscribe(onChange);
        const stopLive = liveDrag.subscribeNodes([source, target], onChange);
        return () => {
          stopFlow();
          stopLive();
        };
      },
      snapshot(): EdgeEnds {
        const state = flow.getState();
        const sourceNode = state.nodeLookup.get(source);
        const targetNode = state.nodeLookup.get(target);
        const dragged = sourceNode?.dragging === true || targetNode?.dragging === true;
        const clip = !withClip ? NO_CLIP : dragged ? selectDragClipRect(state) : selectClipRect(state);
        if (last && last.source === sourceNode && last.target === targetNode && last.clip === clip)
          return last;
        last = { source: sourceNode, target: targetNode, clip };
        return last;
      },
    };
  }, [flow, liveDrag, source, target, withClip]);
  return useSyncExternalStore(subscribe, snapshot);
}
