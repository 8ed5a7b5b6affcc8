import { useMemo } from 'react';
import { useStore, useStoreApi } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useBoardView, usePresence } from '../BoardViewContext.ts';
import type { BoardFlowEdge } from '../store/flowTypes.ts';
import { selectIsTiny } from './levelOfDetail.ts';
import { overviewEdgePaths } from './overviewEdgePaths.ts';
import { ViewportLayer } from './ViewportLayer.tsx';

/** Boards with more nodes than this are drawn with the overview layer below `TINY_ZOOM`. */
export const OVERVIEW_LAYER_ABOVE = 300;

const NO_EDGES: BoardFlowEdge[] = [];
const selectRemoteIds = (state: { selectors: ReadonlyMap<string, unknown> }): string =>
  [...state.selectors.keys()].join('\n');

/**
 * Below `TINY_ZOOM` on a large board, React Flow gets only the edges someone
 * has selected; all others are drawn by `<OverviewEdges>` as a few batched
 * paths. React Flow runs every edge wrapper's store selectors on every pan,
 * drag and remote-move frame and paints each edge as its own elements; at the
 * overview all of a large board's edges are on screen, so that was most of
 * the frame (and most of the first render). Names are not painted at that
 * zoom and lines are under a pixel or two wide, so they are not clickable
 * there; zooming in past `TINY_ZOOM` brings React Flow's edges back.
 *
 * `overview` is true while the layer is in use: the whole board is on screen
 * then, so React Flow should render every node rather than work out which are
 * visible on every pan frame (and unmount and remount the cards at the edges
 * of the screen as the view moves).
 *
 * @returns the edges for React Flow and those for the overview layer.
 */
export function useOverviewEdgeSplit(
  edges: BoardFlowEdge[],
  nodeCount: number,
): { flowEdges: BoardFlowEdge[]; layerEdges: BoardFlowEdge[]; overview: boolean } {
  const tiny = useStore(selectIsTiny) && nodeCount > OVERVIEW_LAYER_ABOVE;
  // A string, not the map: presence makes a new map on every awareness change (every cursor move).
  const remoteIds = usePresence(selectRemoteIds);
  return useMemo(() => {
    if (!tiny) return { flowEdges: edges, layerEdges: NO_EDGES, overview: false };
    const remote = new Set(remoteIds.split('\n'));
    const flowEdges: BoardFlowEdge[] = [];
    const layerEdges: BoardFlowEdge[] = [];
    for (const edge of edges) {
      (edge.selected || remote.has(edge.id) ? flowEdges : layerEdges).push(edge);
    }
    return { flowEdges, layerEdges, overview: true };
  }, [tiny, edges, remoteIds]);
}

const selectNodes = (state: ReactFlowState) => state.nodes;

/**
 * The edges React Flow does not draw at the overview (see
 * `useOverviewEdgeSplit`), as one path per colour and width, in the viewport
 * above the project areas and under the nodes. Recomputed when React Flow's
 * nodes change (a drag or remote move: one pass over the edges, no per-edge
 * components), never on pan or zoom.
 */
export function OverviewEdges({ edges }: { edges: BoardFlowEdge[] }) {
  const store = useStoreApi();
  const nodes = useStore(selectNodes);
  const byHealth = useBoardView((s) => s.colourByHealth);
  const health = useBoardView((s) => (byHealth ? s.snapshot.health : null));
  const groups = useMemo(
    () => (edges.length === 0 ? [] : overviewEdgePaths(edges, store.getState().nodeLookup, health)),
    // `nodes` changes whenever a node moves or is measured; the lookup is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [edges, nodes, health, store],
  );
  if (groups.length === 0) return null;
  return (
    <ViewportLayer>
      <svg className="ip-overview-edges" aria-hidden="true" data-testid="overview-edges">
        {groups.map((group) => (
          <g key={group.key} fill={group.colour}>
            <path
              d={group.d}
              fill="none"
              stroke={group.colour}
              strokeWidth={group.width}
              strokeLinecap="round"
            />
            {group.arrows !== '' && <path d={group.arrows} />}
          </g>
        ))}
      </svg>
    </ViewportLayer>
  );
}
