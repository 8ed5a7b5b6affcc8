import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';

const selectDomNode = (state: ReactFlowState) => state.domNode;

/**
 * React Flow's `<ViewportPortal>`, with the target element looked up once.
 * `ViewportPortal`'s store selector is a `querySelector` on the whole map,
 * which runs on every store change (every pan, zoom and drag frame): on a
 * large board that was ~1 ms per portal per frame in the profile.
 */
export function ViewportLayer({ children }: { children: ReactNode }) {
  const domNode = useStore(selectDomNode);
  const target = useMemo(() => domNode?.querySelector('.react-flow__viewport-portal') ?? null, [domNode]);
  return target ? createPortal(children, target) : null;
}
