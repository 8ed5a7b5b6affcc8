import { useEffect } from 'react';

/**
 * Captures the pointer on React Flow's pane when a pan starts on it. While a
 * pointer is captured Chromium sends its moves to the capturing element
 * without hit-testing the page; otherwise every mouse move of a pan hit-tests
 * the map under the pointer (at the overview of a large board, every card).
 * The pane has no children, so click and double-click targets do not change;
 * React Flow's own selection box (Shift+drag) captures the same way.
 */
export function usePanePointerCapture(domNode: HTMLDivElement | null): void {
  useEffect(() => {
    if (!domNode) return;
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target;
      if (
        event.button !== 0 ||
        !(target instanceof Element) ||
        !target.classList.contains('react-flow__pane')
      ) {
        return;
      }
      if (!target.hasPointerCapture(event.pointerId)) target.setPointerCapture(event.pointerId);
    };
    domNode.addEventListener('pointerdown', onPointerDown);
    return () => domNode.removeEventListener('pointerdown', onPointerDown);
  }, [domNode]);
}
