import type { FlowView } from '../reactFlow/flowState.ts';

/**
 * Below this zoom the map is drawn in its cheap "far" form (see `paint.css`, `PaintHints.tsx`):
 * relationship dashes and badges would be smaller than a pixel or two there
 * anyway, and dashing thousands of long lines is what makes a large board slow
 * to paint. At 0.4 and above every line shows its form (dotted/dashed/solid).
 */
export const FAR_ZOOM = 0.4;

/** Class on the React Flow root while zoomed out below `FAR_ZOOM`. */
export const FAR_CLASS = 'ip-lod-far';

/**
 * Module-level selector: true while zoomed out. Subscribers re-render only when
 * the threshold is crossed, never on every pan or zoom frame.
 */
export const selectIsFar = (view: FlowView): boolean => view.transform[2] < FAR_ZOOM;

/**
 * Below this zoom names are under 4 px tall: unreadable, but costly to draw for
 * a whole board. Cards and circles keep their size and colour; names are not painted.
 */
export const TINY_ZOOM = 0.25;

/** Class on the React Flow root while zoomed out below `TINY_ZOOM`. */
export const TINY_CLASS = 'ip-lod-tiny';

/** Module-level selector: true while zoomed out below `TINY_ZOOM`. */
export const selectIsTiny = (view: FlowView): boolean => view.transform[2] < TINY_ZOOM;

/**
 * Below this zoom (and above `TINY_ZOOM`) a card's name would be under 8 px tall, as on a laptop's fitted view
 * of a board of some forty cards (zoom 0.3–0.4): the card then shows its name alone, large (see
 * `OrganisationNode`'s overview body), in its own box, so names stay readable without zooming in.
 */
export const OVERVIEW_ZOOM = 0.5;

/** How much a node draws at the current zoom (see `NodeDetailContext`). */
export const selectNodeDetail = (view: FlowView): 'full' | 'overview' | 'tiny' => {
  const zoom = view.transform[2];
  return zoom < TINY_ZOOM ? 'tiny' : zoom < OVERVIEW_ZOOM ? 'overview' : 'full';
};
