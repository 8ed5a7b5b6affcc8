import { createContext, useContext } from 'react';
import type { BoardSnapshot } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';
import type { HistoryEndpoint } from './historyApi.ts';

/** What panels of the live board may read of the board's history (the health trend). */
export interface HistoryAccess {
  readonly endpoint: HistoryEndpoint;
  /** The board at a moment; each moment is fetched once per page. */
  loadBoard(moment: Moment): Promise<BoardSnapshot>;
}

export const HistoryContext = createContext<HistoryAccess | null>(null);

/** The board's history, or null outside a live board page that offers it. */
export function useHistoryAccess(): HistoryAccess | null {
  return useContext(HistoryContext);
}
