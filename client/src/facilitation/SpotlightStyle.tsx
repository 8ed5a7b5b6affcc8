import { useEffect, useMemo } from 'react';
import { useBoardView } from '../canvas/BoardViewContext.ts';
import { selectSnapshot } from '../canvas/view/selectors.ts';
import { selectDomNode, useFlowView } from '../canvas/reactFlow/flowState.ts';
import { spotlightNeighbourhood } from './spotlightNeighbourhood.ts';

const attr = (name: string, id: string): string => `[${name}="${CSS.escape(id)}"]`;

/**
 * Dims everything but the spotlighted entities and their neighbourhood. It
 * never touches the nodes or the document: it marks the React Flow root with
 * `data-spotlight` and writes one stylesheet listing what stays lit, so a
 * spotlight costs no node re-render, whatever the board's size.
 * Must be rendered inside React Flow.
 */
export function SpotlightStyle({ ids }: { ids: readonly string[] | null }) {
  const snapshot = useBoardView(selectSnapshot);
  const root = useFlowView(selectDomNode);
  const active = ids !== null && ids.length > 0;

  useEffect(() => {
    if (!root) return;
    if (active) root.setAttribute('data-spotlight', 'on');
    else root.removeAttribute('data-spotlight');
    return () => root.removeAttribute('data-spotlight');
  }, [root, active]);

  const css = useMemo(() => {
    if (!ids || ids.length === 0) return null;
    const lit = spotlightNeighbourhood(snapshot, ids);
    const scope = '.react-flow[data-spotlight]';
    const litSelectors = [
      ...[...lit.nodes].map((id) => `${scope} .react-flow__node${attr('data-id', id)}`),
      ...[...lit.edges].map((id) => `${scope} .react-flow__edge${attr('data-id', id)}`),
      ...[...lit.projects].map((id) => `${scope} ${attr('data-project-id', id)}`),
    ];
    const focus = ids.map((id) => `${scope} .react-flow__node${attr('data-id', id)}`);
    return [
      litSelectors.length > 0 ? `${litSelectors.join(',\n')} { opacity: 1; }` : '',
      `${focus.join(',\n')} { filter: drop-shadow(0 0 10px rgba(245, 158, 11, 0.95)); }`,
    ].join('\n');
  }, [ids, snapshot]);

  return css === null ? null : <style data-testid="spotlight-style">{css}</style>;
}
