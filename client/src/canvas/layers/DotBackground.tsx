import { selectZoom, useFlowView } from '../reactFlow/flowState.ts';
import { ViewportLayer } from '../reactFlow/ViewportLayer.tsx';
import { selectRenderWindow } from './renderWindow.ts';

/** Below this zoom the dots are closer than ~6 px and smaller than a pixel: a grey haze, not a grid. */
const DOTS_FROM_ZOOM = 0.25;

/**
 * React Flow's dotted background, drawn so that panning does not touch it.
 *
 * `<Background>` is an SVG pattern whose offset changes on every pan frame,
 * so the whole screen of dots is rasterised again each frame, and a layer of
 * its own under all the cards made every pan frame's layerization dearer. Here
 * the dots are a CSS gradient on one element inside React Flow's viewport, under
 * the project areas, in flow coordinates: they move with the map for free
 * (the same painted layer while panning) and the element only changes when
 * the render window (`renderWindow.ts`, which always contains the view)
 * moves or the zoom changes. The dots sit where React Flow's pattern puts
 * them: every `gap` flow units, the pattern's tiles starting at `size / 2`.
 * Render it inside `<ReactFlow>`.
 */
export function DotBackground({ gap, size, colour }: { gap: number; size: number; colour: string }) {
  const area = useFlowView(selectRenderWindow);
  const zoom = useFlowView(selectZoom);
  if (zoom < DOTS_FROM_ZOOM) return null;
  const radius = size / 2;
  // Snapped to the pattern's grid so the tiles, and so the dots, do not move when the element does.
  const left = Math.floor((area.left - radius) / gap) * gap + radius;
  const top = Math.floor((area.top - radius) / gap) * gap + radius;
  const right = Math.ceil((area.right - radius) / gap) * gap + radius;
  const bottom = Math.ceil((area.bottom - radius) / gap) * gap + radius;
  // The soft edge is 0.6 screen pixels at any zoom, as React Flow's pattern draws it.
  const edge = radius + 0.6 / zoom;
  return (
    <ViewportLayer>
      <div
        className="react-flow__background ip-dot-background"
        aria-hidden="true"
        style={{
          left,
          top,
          width: right - left,
          height: bottom - top,
          backgroundImage: `radial-gradient(circle at center, ${colour} ${radius.toFixed(2)}px, transparent ${edge.toFixed(2)}px)`,
          backgroundSize: `${gap}px ${gap}px`,
        }}
      />
    </ViewportLayer>
  );
}
