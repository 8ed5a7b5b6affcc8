import type { FitViewOptions } from '@xyflow/react';

export type FitPadding = NonNullable<FitViewOptions['padding']>;

/**
 * Room left around the whole board when the view is fitted (opening, F,
 * after an import): clear of the tool bar and the search bar under it floating at the top and of the
 * legend and session tools at the bottom, so no card or project name opens
 * hidden under them. Pixels, since those controls do not grow with the screen.
 */
export const BOARD_FIT_PADDING: FitPadding = { top: '130px', bottom: '72px', left: '28px', right: '28px' };

/**
 * In present mode: the board's title above the map, the projector legend at its right
 * (`.ip-present-legend`, at most 300 px wide), and no other controls.
 */
export const PRESENT_FIT_PADDING: FitPadding = { top: '76px', bottom: '20px', left: '20px', right: '330px' };

let fitPadding: FitPadding = BOARD_FIT_PADDING;

/** The room the fit (F, the fit button, an import) leaves around the map now. */
export function boardFitPadding(): FitPadding {
  return fitPadding;
}

/** Set by whatever changes the controls over the map (present mode); `null` goes back to the default. */
export function setBoardFitPadding(padding: FitPadding | null): void {
  fitPadding = padding ?? BOARD_FIT_PADDING;
}

/**
 * Marks an element floating over the map outside React Flow's panels (the session bar): a fit keeps the
 * cards clear of it, as of the panels (`fitClearOfOverlays`).
 */
export const MAP_OVERLAY_ATTRIBUTE = 'data-map-overlay';
