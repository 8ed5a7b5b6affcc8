import { useEffect } from 'react';
import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { FAR_CLASS, selectIsFar } from './levelOfDetail.ts';

/** Class on the React Flow root while the map is being panned by dragging. */
export const PANNING_CLASS = 'ip-panning';

const selectDomNode = (state: ReactFlowState) => state.domNode;
const selectPanning = (state: ReactFlowState) => state.paneDragging;

function useRootClass(domNode: HTMLDivElement | null, className: string, on: boolean): void {
  useEffect(() => {
    if (!domNode) return;
    domNode.classList.toggle(className, on);
    return () => domNode.classList.remove(className);
  }, [domNode, className, on]);
}

/**
 * Paint-only switches on the React Flow root, so that no node or edge
 * component re-renders for them (see `perf.css`):
 * - `ip-lod-far` below `FAR_ZOOM`: the cheap "far" drawing;
 * - `ip-panning` while the pane is dragged: the viewport becomes its own
 *   compositing layer, so a pan moves painted tiles instead of repainting every
 *   line. Only while panning: a layer keeps the scale it was painted at, so
 *   after a zoom it would stay blurred, and at the overview it would paint far
 *   more pixels than are shown.
 * Render it inside `<ReactFlow>`; it draws nothing.
 */
export function PaintHints() {
  const domNode = useStore(selectDomNode);
  useRootClass(domNode, FAR_CLASS, useStore(selectIsFar));
  useRootClass(domNode, PANNING_CLASS, useStore(selectPanning));
  return null;
}
