import { useState } from 'react';
import { useIsEdgeEnd } from './EdgeEndsContext.ts';

/**
 * Whether a tiny node body mounts its connection handles. Two React Flow handles per node were
 * a large part of opening a large board at the overview (their components, store subscriptions,
 * elements, styles, and React Flow measuring their bounds), yet at that zoom they are invisible
 * until a card is hovered. So a tiny body mounts them when it is hovered (also while a
 * relationship is being drawn over it: the drop needs the target handle), selected, or at the end
 * of an edge React Flow draws (it needs their bounds); once mounted they stay. `NodeHandles` has
 * React Flow measure them when they come after the node was measured.
 */
export function useTinyHandles(
  id: string,
  selected: boolean,
): { handles: boolean; onPointerEnter: (() => void) | undefined } {
  const [hovered, setHovered] = useState(false);
  const edgeEnd = useIsEdgeEnd(id);
  const handles = hovered || selected || edgeEnd;
  return { handles, onPointerEnter: hovered ? undefined : () => setHovered(true) };
}
