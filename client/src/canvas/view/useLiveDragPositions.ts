import { useSyncExternalStore } from 'react';
import type { XYPosition } from '@xyflow/react';
import { useMapContext } from '../MapContext.ts';

const noSubscription = (): (() => void) => () => {};

/**
 * The live positions of the nodes this page is dragging and of other people's
 * moves not yet in the nodes array (`liveMoves`), or null; re-renders on every
 * drag frame and remote move. With `follow` false it reads them without
 * re-rendering (a layer that draws nothing at this zoom).
 */
export function useLiveDragPositions(follow = true): ReadonlyMap<string, XYPosition> | null {
  const { liveMoves } = useMapContext().store.getState();
  return useSyncExternalStore(follow ? liveMoves.subscribe : noSubscription, liveMoves.positions);
}
