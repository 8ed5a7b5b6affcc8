import { useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { selectDomNode, useFlowView } from './flowState.ts';

/**
 * React Flow's `<ViewportPortal>`, with the target element looked up once:
 * `ViewportPortal`'s store selector is a `querySelector` on the whole map,
 * run on every pan, zoom and drag frame.
 */
export function ViewportLayer({ children }: { children: ReactNode }) {
  const domNode = useFlowView(selectDomNode);
  const target = useMemo(() => domNode?.querySelector('.react-flow__viewport-portal') ?? null, [domNode]);
  return target ? createPortal(children, target) : null;
}

/** Draws `children` in React Flow's edge container (after its edges, so under the cards). */
export function EdgeLayer({ children }: { children: ReactNode }) {
  const domNode = useFlowView(selectDomNode);
  const container = useRef<Element | null>(null);
  if (!domNode) return null;
  if (!container.current?.isConnected) container.current = domNode.querySelector('.react-flow__edges');
  return container.current ? createPortal(children, container.current) : null;
}
