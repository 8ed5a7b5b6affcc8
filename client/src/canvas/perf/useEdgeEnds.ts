import { useMemo } from 'react';
import { useStore } from '@xyflow/react';
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { selectClipRect } from './edgeClip.ts';
import type { ClipRect } from './edgeClip.ts';

/** The window of an edge that is never cut (`withClip` false): it then never re-renders for panning. */
const NO_CLIP: ClipRect = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

export interface EdgeEnds {
  readonly source: InternalNode | undefined;
  readonly target: InternalNode | undefined;
  /** The clip window of `selectClipRect`. */
  readonly clip: ClipRect;
}

/**
 * An edge's two nodes and the clip window in ONE subscription to React
 * Flow's store, instead of `useInternalNode` twice plus `useStore` for the
 * window. Every pan, zoom or drag frame runs every subscriber's selector, so
 * on a board with thousands of edges the number of subscriptions per edge is
 * what the frame pays for. The selector returns the same object while the
 * three parts keep their identity (React Flow keeps an unchanged node's
 * internal object), so the edge re-renders only when one of them changes.
 */
export function useEdgeEnds(source: string, target: string, withClip = true): EdgeEnds {
  const selector = useMemo(() => {
    let last: EdgeEnds | null = null;
    return (state: ReactFlowState): EdgeEnds => {
      const sourceNode = state.nodeLookup.get(source);
      const targetNode = state.nodeLookup.get(target);
      const clip = withClip ? selectClipRect(state) : NO_CLIP;
      if (last && last.source === sourceNode && last.target === targetNode && last.clip === clip) return last;
      last = { source: sourceNode, target: targetNode, clip };
      return last;
    };
  }, [source, target, withClip]);
  return useStore(selector);
}
