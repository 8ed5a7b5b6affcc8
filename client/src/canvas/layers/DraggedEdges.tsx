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
 * over it then becomes a layer too (the overlap rule): cheap with a few dozen cards on screen, too
 * costly zoomed out, where hundreds are.
 */
const LAYER_ZOOM = 0.5;

/**
 * From this zoom up to `LAYER_ZOOM` the dragged lines are a layer drawn ABOVE the cards that are not
 * selected, for the drag only: no card is painted over it, and the dashed lines and cards under the
 * moving lines are not repainted every frame. The price: during the drag its lines cross over the
 * cards they pass. Below `FAR_ZOOM` lines are solid and cheap to repaint in the map's own layer.
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
 * (`useEdgeEnds`). React Flow wraps every edge in its own `<svg>`, so a
 * dragged card's lines would be as many compositing layers; here they are
 * one (from `LIFTED_ZOOM` up, above the cards below `LAYER_ZOOM`), cut to
 * the view (`selectDragClipRect`).
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
