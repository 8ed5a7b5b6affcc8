import { useMapContext } from '../MapContext.ts';
import { AffiliationLine } from '../edges/AffiliationEdge.tsx';
import { RelationshipDrawing } from '../edges/RelationshipEdge.tsx';
import { useFlowView } from '../reactFlow/flowState.ts';
import type { FlowView } from '../reactFlow/flowState.ts';
import { useDraggedLines } from '../reactFlow/useDraggedLines.ts';
import { EdgeLayer } from '../reactFlow/ViewportLayer.tsx';
import { selectDragClipRect } from './edgeClip.ts';
import { FAR_ZOOM } from './levelOfDetail.ts';

/**
 * - `under`: a compositing layer of their own, beneath the cards as when not dragged;
 * - `lifted`: a compositing layer of their own above the cards that are not selected (the dragged
 *   card is selected, and stays above its lines);
 * - `none`: drawn in the map's own layer.
 */
type DragLayer = 'under' | 'lifted' | 'none';

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

const selectLayer = (view: FlowView): DragLayer => dragLayerAt(view.transform[2]);

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
  const { liveDrag } = useMapContext().store.getState();
  const { lines } = useDraggedLines(liveDrag);
  const clip = useFlowView(selectDragClipRect);
  const layer = useFlowView(selectLayer);
  if (lines.length === 0) return null;
  return (
    <EdgeLayer>
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
      </svg>
    </EdgeLayer>
  );
}
