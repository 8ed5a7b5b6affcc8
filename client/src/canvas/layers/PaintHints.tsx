import { useEffect } from 'react';
import { selectDomNode, selectPaneDragging, useFlowView } from '../reactFlow/flowState.ts';
import { usePanePointerCapture } from '../reactFlow/usePanePointerCapture.ts';
import { FAR_CLASS, selectIsFar, selectIsTiny, TINY_CLASS } from './levelOfDetail.ts';

/** Class on the React Flow root while the map is being panned by dragging. */
export const PANNING_CLASS = 'ip-panning';

function useRootClass(domNode: HTMLDivElement | null, className: string, on: boolean): void {
  useEffect(() => {
    if (!domNode) return;
    domNode.classList.toggle(className, on);
    return () => domNode.classList.remove(className);
  }, [domNode, className, on]);
}

/**
 * Paint-only switches on the React Flow root, so that no node or edge
 * component re-renders for them (see `paint.css`):
 * - `ip-lod-far` below `FAR_ZOOM`: the cheap "far" drawing; `ip-lod-tiny` below
 *   `TINY_ZOOM`: names not painted either;
 * - `ip-panning` while the pane is dragged: the viewport becomes its own
 *   compositing layer, so a pan moves painted tiles instead of repainting every
 *   card and line. Only while panning (see `paint.css`): a layer keeps the
 *   scale it was painted at, so after a zoom it would stay blurred.
 * It also captures the pointer of a pan (`usePanePointerCapture`).
 * Render it inside `<ReactFlow>`; it draws nothing.
 */
export function PaintHints() {
  const domNode = useFlowView(selectDomNode);
  usePanePointerCapture(domNode);
  useRootClass(domNode, FAR_CLASS, useFlowView(selectIsFar));
  useRootClass(domNode, TINY_CLASS, useFlowView(selectIsTiny));
  useRootClass(domNode, PANNING_CLASS, useFlowView(selectPaneDragging));
  return null;
}
