import type { FlowView } from '../reactFlow/flowState.ts';
import { FAR_ZOOM } from './levelOfDetail.ts';

/**
 * The part of the map that is rendered at working zoom on a large board: the
 * view widened by 0.3 of a view on every side (a quarter below FAR_ZOOM), in flow coordinates.
 *
 * React Flow's `onlyRenderVisibleElements` mounts and unmounts nodes and edges
 * at the exact border of the screen on every pan frame, and each edge that
 * mounts or unmounts makes the browser raster again every tile its line
 * crosses (software raster here: the bulk of a working-zoom pan frame). The
 * window instead stays put while the view moves inside it (hysteresis): a pan
 * mounts nothing until the view comes near the window's border, and then the
 * window is re-centred on the view, which mounts a margin's worth at once.
 * The edge clip window (`edgeClip.ts`) is the same rectangle, so edges are not
 * re-cut while the window stays.
 */
export interface FlowRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Margin on each side, as a fraction of the view's width/height, at working zoom (from `FAR_ZOOM`). Not
 * more: every mounted edge costs store selector calls on every pan frame.
 */
const MARGIN = 0.3;
/**
 * Below `FAR_ZOOM` the view already holds most of a large board: a smaller margin there, so the window does
 * not mount nearly every edge (each mounted edge adds to every layerization).
 */
const FAR_MARGIN = 0.25;
/**
 * The window is re-centred when the view comes this close (fraction of the view) to its border, not only
 * once it crosses it: the content of the new window then mounts while the old one still covers the screen.
 */
const SLACK = 0.1;
/** Zooming in this far (view this much smaller) re-centres too, so the window does not stay needlessly large. */
const ZOOM_IN_RECENTRE = 1.6;

let cached: FlowRect = { left: 0, top: 0, right: 0, bottom: 0 };
let cachedZoom = 0;

/** The window `view` lies in: the previous one while `view` is inside it (and the zoom has not grown much). */
export function nextRenderWindow(
  previous: FlowRect,
  previousZoom: number,
  view: FlowRect,
  zoom: number,
): FlowRect {
  const sx = (view.right - view.left) * SLACK;
  const sy = (view.bottom - view.top) * SLACK;
  const inside =
    view.left - sx >= previous.left &&
    view.top - sy >= previous.top &&
    view.right + sx <= previous.right &&
    view.bottom + sy <= previous.bottom;
  if (inside && zoom <= previousZoom * ZOOM_IN_RECENTRE) return previous;
  const margin = zoom >= FAR_ZOOM ? MARGIN : FAR_MARGIN;
  const mx = (view.right - view.left) * margin;
  const my = (view.bottom - view.top) * margin;
  return { left: view.left - mx, top: view.top - my, right: view.right + mx, bottom: view.bottom + my };
}

/** Module-level selector: the render window, the same object until it moves. */
export function selectRenderWindow(state: FlowView): FlowRect {
  const [tx, ty, zoom] = state.transform;
  const width = Math.max(state.width, 1);
  const height = Math.max(state.height, 1);
  const view = {
    left: -tx / zoom,
    top: -ty / zoom,
    right: (width - tx) / zoom,
    bottom: (height - ty) / zoom,
  };
  const next = nextRenderWindow(cached, cachedZoom, view, zoom);
  if (next !== cached) {
    cached = next;
    cachedZoom = zoom;
  }
  return cached;
}

/** Whether two rectangles overlap (touching counts). */
export function overlaps(a: FlowRect, b: FlowRect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
