import { useMemo, useSyncExternalStore } from 'react';
import type { NodeBox } from '../edges/floatingGeometry.ts';
import type { BoardFlowEdge } from '../view/flowTypes.ts';
import type { LivePositions } from '../view/liveDrag.ts';
import { useFlowStore } from './flowState.ts';
import { nodeBoxOf } from './nodeBoxes.ts';

export interface DraggedLine {
  readonly edge: BoardFlowEdge;
  readonly source: NodeBox;
  readonly target: NodeBox;
}

export interface DraggedLines {
  /** The nodes React Flow's lookup holds as dragged on this page. */
  readonly ids: readonly string[];
  /** React Flow's edges of those nodes, with both ends as the lookup holds them now. */
  readonly lines: readonly DraggedLine[];
}

const NOTHING: DraggedLines = { ids: [], lines: [] };

const byNodeOf = new WeakMap<readonly BoardFlowEdge[], Map<string, BoardFlowEdge[]>>();

/** React Flow's edges by node, built once per edges array (only while something is dragged). */
function edgesByNode(edges: readonly BoardFlowEdge[]): Map<string, BoardFlowEdge[]> {
  let byNode = byNodeOf.get(edges);
  if (!byNode) {
    byNode = new Map();
    for (const edge of edges) {
      for (const id of edge.source === edge.target ? [edge.source] : [edge.source, edge.target]) {
        const list = byNode.get(id);
        if (list) list.push(edge);
        else byNode.set(id, [edge]);
      }
    }
    byNodeOf.set(edges, byNode);
  }
  return byNode;
}

const sameLines = (a: readonly DraggedLine[], b: readonly DraggedLine[]): boolean =>
  a.length === b.length &&
  a.every(
    (line, i) => line.edge === b[i]?.edge && line.source === b[i].source && line.target === b[i].target,
  );

/**
 * The lines of the nodes this page is dragging, as the lookup holds them.
 * Which nodes: those in `liveDrag`, and those drawn last time while React
 * Flow's lookup still marks them dragged. The drop ends the live drag before
 * React Flow has taken the dropped position; the lines stay here until it
 * has, and then leave in the same store update in which their edges draw
 * themselves again (`useEdgeEnds`), so no frame shows them twice or not at all.
 */
export function useDraggedLines(liveDrag: LivePositions): DraggedLines {
  const flow = useFlowStore();
  const { subscribe, snapshot } = useMemo(() => {
    let last = NOTHING;
    return {
      subscribe(onChange: () => void): () => void {
        const stopFlow = flow.subscribe(onChange);
        const stopLive = liveDrag.subscribe(onChange);
        return () => {
          stopFlow();
          stopLive();
        };
      },
      snapshot(): DraggedLines {
        const live = liveDrag.positions();
        // Every pan and zoom frame asks: nothing is dragged most of the time.
        if (!live && last.ids.length === 0) return last;
        const state = flow.getState();
        const { nodeLookup } = state;
        const ids = [...new Set([...(live?.keys() ?? []), ...last.ids])].filter(
          (id) => nodeLookup.get(id)?.dragging === true,
        );
        if (ids.length === 0) {
          last = NOTHING;
          return last;
        }
        const byNode = edgesByNode(state.edges as BoardFlowEdge[]);
        const seen = new Set<string>();
        const lines: DraggedLine[] = [];
        for (const id of ids) {
          for (const edge of byNode.get(id) ?? []) {
            if (seen.has(edge.id)) continue;
            seen.add(edge.id);
            const source = nodeLookup.get(edge.source);
            const target = nodeLookup.get(edge.target);
            if (source && target) lines.push({ edge, source: nodeBoxOf(source), target: nodeBoxOf(target) });
          }
        }
        if (sameLines(lines, last.lines) && ids.join('\n') === last.ids.join('\n')) return last;
        last = { ids, lines };
        return last;
      },
    };
  }, [flow, liveDrag]);
  return useSyncExternalStore(subscribe, snapshot);
}
