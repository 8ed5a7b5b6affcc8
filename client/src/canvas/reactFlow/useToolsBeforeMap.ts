import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The id of the container of the map's tools: the board page's skip link moves the focus there. */
export const MAP_TOOLS_ID = 'ip-map-tools';

/**
 * A container that React Flow's root holds before its renderer, for the map's tool bar and controls
 * (portalled there). They stay in React Flow's stacking context, drawn as before, but come first in
 * Tab order: before the map's cards, not after hundreds of them.
 * WARNING: adds an element React does not own to React Flow's root (`.react-flow`, checked in
 * reactFlowInternals.test.ts); React Flow renders its own children after it.
 */
export function useToolsBeforeMap(canvas: RefObject<HTMLElement | null>): HTMLElement | null {
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const root = canvas.current?.querySelector<HTMLElement>(':scope > .react-flow');
    if (!root) return;
    const element = document.createElement('div');
    element.id = MAP_TOOLS_ID;
    element.className = 'ip-map-tools';
    element.tabIndex = -1;
    root.prepend(element);
    setContainer(element);
    return () => {
      element.remove();
      setContainer(null);
    };
  }, [canvas]);
  return container;
}
