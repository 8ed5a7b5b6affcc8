import { useMemo } from 'react';
import { useFlowView } from '../reactFlow/flowState.ts';
import type { FlowView } from '../reactFlow/flowState.ts';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';
import { overlaps, selectRenderWindow } from './renderWindow.ts';
import type { FlowRect } from './renderWindow.ts';

/** Class of a node outside the render window: mounted, not displayed (see paint.css). */
export const OFF_WINDOW_CLASS = 'ip-off-window';

const selectNoWindow = (_view: FlowView): null => null;

/** The same copy of a node outside the window for as long as the node object is the same (React Flow skips it). */
const offWindowCopies = new WeakMap<BoardFlowNode, BoardFlowNode>();

function offWindow(node: BoardFlowNode): BoardFlowNode {
  let copy = offWindowCopies.get(node);
  if (!copy) {
    copy = {
      ...node,
      className: node.className ? `${node.className} ${OFF_WINDOW_CLASS}` : OFF_WINDOW_CLASS,
    };
    offWindowCopies.set(node, copy);
  }
  return copy;
}

function nodeRect(node: BoardFlowNode): FlowRect {
  const width = node.measured?.width ?? node.width ?? 0;
  const height = node.measured?.height ?? node.height ?? 0;
  return {
    left: node.position.x,
    top: node.position.y,
    right: node.position.x + width,
    bottom: node.position.y + height,
  };
}

export interface WindowedFlow {
  readonly nodes: BoardFlowNode[];
  readonly edges: BoardFlowEdge[];
}

/**
 * What React Flow gets on a large board at working zoom (`enabled`), instead
 * of its `onlyRenderVisibleElements`: every node stays mounted, those outside
 * the render window (`renderWindow.ts`) are not displayed (`OFF_WINDOW_CLASS`);
 * only edges whose two nodes' bounding box meets the window are passed (the
 * test React Flow uses for the screen). Both change only when the window
 * moves (a pan of about a fifth of a screen) or the nodes or edges change, so a pan
 * inside the window mounts, unmounts and repaints nothing. Nodes stay mounted
 * because mounting a card costs far more than keeping it unpainted, and so
 * that React Flow keeps measuring them (fit, selection box and minimap are
 * unchanged). When not enabled, nodes and edges pass through.
 */
export function useRenderWindow(
  nodes: BoardFlowNode[],
  edges: BoardFlowEdge[],
  enabled: boolean,
): WindowedFlow {
  const area = useFlowView(enabled ? selectRenderWindow : selectNoWindow);
  return useMemo(() => {
    if (!area) return { nodes, edges };
    const rects = new Map<string, FlowRect>();
    // Selected nodes stay displayed wherever they are: a drag that auto-pans the view carries them past the
    // window while this array still holds their positions from before the drag.
    const selected = new Set<string>();
    const windowed = nodes.map((node) => {
      const rect = nodeRect(node);
      rects.set(node.id, rect);
      if (node.selected === true) selected.add(node.id);
      return node.selected === true || overlaps(rect, area) ? node : offWindow(node);
    });
    const shown = edges.filter((edge) => {
      const a = rects.get(edge.source);
      const b = rects.get(edge.target);
      if (!a || !b) return false;
      const box = {
        left: Math.min(a.left, b.left),
        top: Math.min(a.top, b.top),
        right: Math.max(a.right, b.right),
        bottom: Math.max(a.bottom, b.bottom),
      };
      return (
        edge.selected === true ||
        selected.has(edge.source) ||
        selected.has(edge.target) ||
        overlaps(box, area)
      );
    });
    return { nodes: windowed, edges: shown };
  }, [area, nodes, edges]);
}
