import { useMemo, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useStore, useStoreApi } from '@xyflow/react';
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { useBoardViewContext } from '../BoardViewContext.ts';
import { AffiliationLine } from '../edges/AffiliationEdge.tsx';
import { RelationshipDrawing } from '../edges/RelationshipEdge.tsx';
import type { BoardFlowEdge } from '../view/flowTypes.ts';
import { selectDragClipRect } from './edgeClip.ts';
import type { ClipRect } from './edgeClip.ts';
import { FAR_ZOOM } from './levelOfDetail.ts';

interface DraggedLine {
  readonly edge: BoardFlowEdge;
  readonly source: InternalNode;
  readonly target: InternalNode;
}

interface Dragged {
  /** The nodes React Flow's lookup holds as dragged on this page. */
  readonly ids: readonly string[];
  /** React Flow's edges of those nodes, with both ends as the lookup holds them now. */
  readonly lines: readonly DraggedLine[];
  readonly clip: ClipRect;
  /** How the lines are drawn: see `LAYER_ZOOM` and `LIFTED_ZOOM`. */
  readonly layer: DragLayer;
}

/**
 * - `under`: a compositing layer of their own, beneath the cards as when not dragged;
 * - `lifted`: a compositing layer of their own above the cards that are not selected (the dragged
 *   card is selected, and stays above its lines);
 * - `none`: drawn in the map's own layer.
 */
type DragLayer = 'under' | 'lifted' | 'none';

const NOTHING: Dragged = {
  ids: [],
  lines: [],
  clip: { left: 0, top: 0, right: 0, bottom: 0 },
  layer: 'none',
};

/**
 * At and above this zoom the dragged lines are a compositing layer of their own. Each card painted
 * over such a layer must then be composited apart from the rest (the overlap rule): at zoom 1 that
 * is a few dozen layers and a far cheaper frame (bench board, paintProbe: 49 fps, CPU 21 ms a frame,
 * against 18 fps, 66 ms drawn in the map's own layer); zoomed out to 0.4, with hundreds of cards on
 * screen, laying out those layers took most of the frame (16 fps against 20 fps); even at 0.6.
 */
const LAYER_ZOOM = 0.5;

/**
 * From this zoom up to `LAYER_ZOOM` the dragged lines are a layer of their own drawn ABOVE the cards
 * that are not selected, for the drag only: nothing of the map is then painted over the layer, so no
 * card needs a layer of its own, and the map is not repainted under the moving lines either. Drawn in
 * the map's layer there, every frame repainted all the dashed lines and cards in the area the dragged
 * lines swept (bench board at 0.4 and 0.45, dragProbe: 24–25 fps, frames of 60–70 ms; paintProbe trace:
 * raster 23 ms a frame, CPU 59 ms; lifted: 56–58 fps, raster 3 ms, CPU 22 ms, as at 0.3 and 1).
 * Below `FAR_ZOOM` lines are solid and cheap to repaint (57–59 fps either way): unchanged.
 * The price is that, while the drag lasts, its lines cross over the cards they pass instead of under.
 */
const LIFTED_ZOOM = FAR_ZOOM;

function dragLayerAt(zoom: number): DragLayer {
  if (zoom >= LAYER_ZOOM) return 'under';
  return zoom >= LIFTED_ZOOM ? 'lifted' : 'none';
}

const LAYER_CLASS: Record<DragLayer, string> = {
  under: 'ip-dragged-edges ip-dragged-edges--layer',
  lifted: 'ip-dragged-edges ip-dragged-edges--layer ip-dragged-edges--lifted',
  none: 'ip-dragged-edges',
};

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
function useDragged(): Dragged {
  const flow = useStoreApi();
  const { liveDrag } = useBoardViewContext().store.getState();
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
      snapshot(): Dragged {
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
        // React Flow's edges are the ones this map gave it (FlowCanvas).
        const byNode = edgesByNode(state.edges as BoardFlowEdge[]);
        const seen = new Set<string>();
        const lines: DraggedLine[] = [];
        for (const id of ids) {
          for (const edge of byNode.get(id) ?? []) {
            if (seen.has(edge.id)) continue;
            seen.add(edge.id);
            const source = nodeLookup.get(edge.source);
            const target = nodeLookup.get(edge.target);
            if (source && target) lines.push({ edge, source, target });
          }
        }
        const clip = selectDragClipRect(state);
        const layer = dragLayerAt(state.transform[2]);
        if (
          clip === last.clip &&
          layer === last.layer &&
          sameLines(lines, last.lines) &&
          ids.join('\n') === last.ids.join('\n')
        ) {
          return last;
        }
        last = { ids, lines, clip, layer };
        return last;
      },
    };
  }, [flow, liveDrag]);
  return useSyncExternalStore(subscribe, snapshot);
}

const selectDomNode = (state: ReactFlowState) => state.domNode;

/**
 * Draws the lines of the nodes this page is dragging (relationships with
 * their arrowheads, outlines, badges and label; person links) in ONE `<svg>`
 * inside React Flow's edge container, after its edges and so under the
 * cards; React Flow's copies of those lines draw nothing meanwhile
 * (`useEdgeEnds`). React Flow wraps every edge in its own `<svg>`, and a
 * line redrawn on every frame had to be its own compositing layer (or the
 * browser repainted every card and dashed line in the tiles it crossed): a
 * dragged card's ten lines were ten layers, and Chromium's software
 * compositor spent ~30 ms a frame drawing their overlapping tiles. Here the
 * dragged lines are one layer (from `LIFTED_ZOOM` up, above the cards below
 * `LAYER_ZOOM`), cut to the view (`selectDragClipRect`).
 */
export function DraggedEdges() {
  const { lines, clip, layer } = useDragged();
  const domNode = useStore(selectDomNode);
  const container = useRef<Element | null>(null);
  if (lines.length === 0 || !domNode) return null;
  if (!container.current?.isConnected) container.current = domNode.querySelector('.react-flow__edges');
  if (!container.current) return null;
  return createPortal(
    <svg className={LAYER_CLASS[layer]} data-testid="dragged-edges" data-layer={layer}>
      {lines.map(({ edge, source, target }) => (
        <g
          key={edge.id}
          // React Flow's classes and id, so what styles its edges (spotlight, selection) styles these too.
          className={`react-flow__edge react-flow__edge-${edge.type}${edge.selected ? ' selected' : ''}`}
          data-id={edge.id}
        >
          {edge.type === 'relationship' ? (
            edge.data && (
              <RelationshipDrawing
                id={edge.id}
                data={edge.data}
                selected={edge.selected === true}
                sourceNode={source}
                targetNode={target}
                clip={clip}
                moving
              />
            )
          ) : (
            <AffiliationLine person={source} organisation={target} moving />
          )}
        </g>
      ))}
    </svg>,
    container.current,
  );
}
