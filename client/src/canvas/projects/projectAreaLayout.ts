/**
 * Project area geometry shared by the canvas (`ProjectAreas.tsx`) and the
 * image export, so an exported area has exactly the canvas's shape. React-free.
 */

/** Space (flow px) between a member's box and its project area's edge. */
export const PROJECT_AREA_PADDING = 26;

/** Labels closer than this (flow px) to an earlier label are pushed down so overlapping projects stay readable. */
export const PROJECT_LABEL_SPACING = 34;
