import { useCallback, useEffect, useState } from 'react';
import type { Moment } from '@interplay/shared/history/moment';
import type { ApiFailure } from '../app/api/boardApi.ts';
import { fetchMoments } from './historyApi.ts';
import type { HistoryEndpoint } from './historyApi.ts';

/** How often an open timeline asks for moments others named meanwhile. */
const POLL_MS = 5_000;

export interface MomentList {
  readonly moments: readonly Moment[] | null;
  readonly failure: ApiFailure | null;
  reload(): void;
}

/** The board's timeline, read when `active` turns on and then every few seconds while it stays on. */
export function useMoments(endpoint: HistoryEndpoint, active: boolean): MomentList {
  const [moments, setMoments] = useState<readonly Moment[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const read = (): void => {
      void fetchMoments(endpoint).then((result) => {
        if (stopped) return;
        if (result.ok) {
          setMoments(result.value);
          setFailure(null);
        } else setFailure(result.failure);
      });
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [endpoint, active, tick]);

  return { moments, failure, reload };
}
