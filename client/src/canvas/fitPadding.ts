import type { FitViewOptions } from '@xyflow/react';

export type FitPadding = NonNullable<FitViewOptions['padding']>;

/**
 * Room left around the whole board when the view is fitted (opening, F,
 * after an import): clear of the tool bar and the search bar under it floating at the top and of the
 * legend and session tools at the bottom, so no card or project name opens
 * hidden under them. Pixels, since those controls do not grow with the screen.
 */
export const BOARD_FIT_PADDING: FitPadding = { top: '130px', bottom: '72px', left: '28px', right: '28px' };
