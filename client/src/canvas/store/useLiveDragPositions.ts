import { useSyncExternalStore } from 'react';
import type { XYPosition } from '@xyflow/react';
import { useBoardViewContext } from '../BoardViewContext.ts';

const noSubscription = (): (() => void) => () => {};

/**
 * The live positions of the nodes this page is dragging (`liveDrag`), or
 * null; re-renders on every drag frame. With `follow` false it reads them
 * without re-rendering (a layer that draws nothing at this zoom).
 */
export function useLiveDragPositions(follow = true): ReadonlyMap<string, XYPosition> | null {
  const { liveDrag } = useBoardViewContext().store.getState();
  return useSyncExternalStore(follow ? liveDrag.subscribe : noSubscription, liveDrag.positions);
}
