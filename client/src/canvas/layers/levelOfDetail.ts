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
