import { useMemo, useRef } from 'react';
import { useMapPresence } from '../MapContext.ts';
import { useFlowView } from '../reactFlow/flowState.ts';
import { useNodeBoxes } from '../reactFlow/useNodeBoxes.ts';
import type { BoardFlowEdge } from '../view/flowTypes.ts';
import { useLiveDragPositions } from '../view/useLiveDragPositions.ts';
import { selectIsTiny } from './levelOfDetail.ts';
import { trackMovingNodes } from './movingNodes.ts';
import type { MovingNodes } from './movingNodes.ts';
import { overviewEdgePaths } from './overviewEdgePaths.ts';
import type { StrokeGroup } from './overviewEdgePaths.ts';
import { ViewportLayer } from '../reactFlow/ViewportLayer.tsx';

/** Boards with more nodes than this are drawn with the overview layer below `TINY_ZOOM`. */
export const OVERVIEW_LAYER_ABOVE = 300;

const NO_EDGES: BoardFlowEdge[] = [];
const NOT_TRACKING: MovingNodes = { seen: new Map(), moving: new Set(), generation: 0 };
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
  const tiny = useFlowView(selectIsTiny) && nodeCount > OVERVIEW_LAYER_ABOVE;
  // A string, not the map: presence makes a new map on every awareness change (every cursor move).
  const remoteIds = useMapPresence(selectRemoteIds);
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

/**
 * The edges React Flow does not draw at the overview (see
 * `useOverviewEdgeSplit`), as one path per colour and width, in the viewport
 * above the project areas and under the nodes. Never recomputed on pan or
 * zoom. When nodes move (a drag, or someone else's), the lines of the nodes
 * that moved are drawn as separate small paths (`movingNodes.ts`) and only
 * those are rebuilt per move: rebuilding the batched paths redrew (and made
 * the browser repaint) every line of the board for every remote move.
 */
export function OverviewEdges({ edges }: { edges: BoardFlowEdge[] }) {
  const boxes = useNodeBoxes();
  // A local drag moves its nodes in React Flow's lookup without new nodes for it (`useFlowMirror`).
  const live = useLiveDragPositions(edges.length > 0);
  const tracked = useRef<MovingNodes | null>(null);
  const { moving, generation } = useMemo(
    () => {
      // Zoomed in, the layer draws nothing: no tracking cost on every drag frame there.
      tracked.current = edges.length === 0 ? null : trackMovingNodes(tracked.current, boxes.all());
      return tracked.current ?? NOT_TRACKING;
    },
    // `boxes` (or `live`) changes whenever a node moves or is measured; the boxes are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [boxes, live, edges.length === 0],
  );
  const split = useMemo(() => {
    const still: BoardFlowEdge[] = [];
    const moved: BoardFlowEdge[] = [];
    for (const edge of edges) (moving.has(edge.source) || moving.has(edge.target) ? moved : still).push(edge);
    return { still, moved };
  }, [edges, moving]);
  const stillGroups = useMemo(
    () => (split.still.length === 0 ? [] : overviewEdgePaths(split.still, boxes.get)),
    // `generation` changes when every line must be redrawn (many nodes moved at once).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [split.still, generation],
  );
  const movedGroups = useMemo(
    () => (split.moved.length === 0 ? [] : overviewEdgePaths(split.moved, boxes.get)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [split.moved, boxes, live],
  );
  if (stillGroups.length === 0 && movedGroups.length === 0) return null;
  const draw = (prefix: string, group: StrokeGroup) => (
    <g key={prefix + group.key} fill={group.colour} opacity={group.faded ? 0.25 : undefined}>
      <path d={group.d} fill="none" stroke={group.colour} strokeWidth={group.width} strokeLinecap="round" />
      {group.arrows !== '' && <path d={group.arrows} />}
    </g>
  );
  return (
    <ViewportLayer>
      <svg className="ip-overview-edges" aria-hidden="true" data-testid="overview-edges">
        {stillGroups.map((group) => draw('still:', group))}
        {movedGroups.map((group) => draw('moved:', group))}
      </svg>
    </ViewportLayer>
  );
}
