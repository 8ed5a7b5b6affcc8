import { useCallback, useEffect, useRef } from 'react';
import { selectDomNode, useFlowStore, useFlowView } from './flowState.ts';
import { nodeWrapper } from './nodeRecords.ts';

/**
 * Captures the pointer on a dragged node's wrapper once its drag has started
 * (like `usePanePointerCapture` for pans). While a pointer is captured
 * Chromium sends its moves to the capturing element without hit-testing the
 * page; otherwise every move of a drag hit-tests the map under the pointer
 * (every mounted edge's wide, invisible click path). Not on press, so a click still reaches whatever inside the
 * card was pressed (a badge, the name); after a drag React Flow swallows the click.
 * @returns `capture(nodeId)`, to call when the drag of that node starts.
 */
export function useDragPointerCapture(): (nodeId: string) => void {
  const flow = useFlowStore();
  const domNode = useFlowView(selectDomNode);
  // Mouse events (which React Flow's drag reports) carry no pointer id: remember it from the press.
  const pressed = useRef<number | null>(null);
  useEffect(() => {
    if (!domNode) return;
    const onPointerDown = (event: PointerEvent): void => {
      pressed.current = event.button === 0 ? event.pointerId : null;
    };
    domNode.addEventListener('pointerdown', onPointerDown, { capture: true });
    return () => domNode.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, [domNode]);
  return useCallback(
    (nodeId) => {
      const element = nodeWrapper(flow, new Map(), nodeId);
      const pointerId = pressed.current;
      if (!element || pointerId === null || element.hasPointerCapture(pointerId)) return;
      try {
        element.setPointerCapture(pointerId);
      } catch {
        // The pointer is no longer down (released in the same task): nothing to capture.
      }
    },
    [flow],
  );
}
