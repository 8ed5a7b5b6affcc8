import { useCallback, useEffect, useRef, useState } from 'react';
import { readBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import { docFromParts } from '@interplay/shared/board/history';
import { compareBoards } from '@interplay/shared/history/compareBoards';
import type { BoardComparison } from '@interplay/shared/history/compareBoards';
import type { Moment } from '@interplay/shared/history/moment';
import type { Doc } from 'yjs';
import { changeMarks, withRemoved } from './changeMarks.tsx';
import type { ChangeMarks } from './changeMarks.tsx';
import { fetchMomentState } from './historyApi.ts';
import type { HistoryEndpoint } from './historyApi.ts';

/** A past state, loaded: its document (for the export) and the board it holds. */
interface LoadedState {
  readonly doc: Doc;
  readonly snapshot: BoardSnapshot;
}

export interface Comparison {
  readonly from: Moment;
  readonly result: BoardComparison;
  readonly marks: ChangeMarks;
  /** The later state with what was removed put back (ghosted on the map). */
  readonly shown: BoardSnapshot;
}

/** What the board page shows instead of the live map: a moment (or now, compared with a moment). */
export interface PastView {
  /** The moment shown; `now` when the live board is compared with a moment. */
  readonly at: Moment | 'now';
  readonly status: 'loading' | 'ready' | 'failed';
  readonly state: LoadedState | null;
  readonly comparison: Comparison | null;
  /** Bumps with every new state asked for; a comparison's map is mounted afresh for each. */
  readonly version: number;
}

export interface HistoryView {
  readonly past: PastView | null;
  show(moment: Moment): void;
  /** Compares `from` with what is shown now (a moment, or the live board). */
  compare(from: Moment): void;
  backToLive(): void;
  /** The board at a moment, fetched once per page. */
  loadBoard(moment: Moment): Promise<BoardSnapshot>;
  /** Starts fetching a moment the user is about to open (the pointer is on its View button). */
  prefetch(moment: Moment): void;
}

/**
 * Which past state the board page shows, if any. Loaded states are kept while the page is open (a moment's
 * state never changes), so scrubbing the time slider back and forth fetches each once.
 */
export function useHistoryView(endpoint: HistoryEndpoint, liveDoc: Doc): HistoryView {
  const [past, setPast] = useState<PastView | null>(null);
  const cache = useRef(new Map<string, Promise<LoadedState>>());
  const version = useRef(0);

  useEffect(() => {
    const states = cache.current;
    return () => {
      for (const state of states.values())
        void state.then(
          ({ doc }) => doc.destroy(),
          () => undefined,
        );
      states.clear();
    };
  }, []);

  const load = useCallback(
    (moment: Moment): Promise<LoadedState> => {
      let state = cache.current.get(moment.id);
      if (state === undefined) {
        state = fetchMomentState(endpoint, moment.id).then((update) => {
          // Marks for bench:history, which splits the time to open a moment into fetch, decode and drawing.
          performance.mark('interplay:history:fetched');
          const doc = docFromParts([update]);
          const snapshot = readBoard(doc);
          performance.mark('interplay:history:decoded');
          return { doc, snapshot };
        });
        state.catch(() => cache.current.delete(moment.id));
        cache.current.set(moment.id, state);
      }
      return state;
    },
    [endpoint],
  );

  const show = useCallback(
    (moment: Moment) => {
      const mine = ++version.current;
      // The map shown so far stays while the next state loads (scrubbing the slider does not blink).
      setPast((shown) => ({
        at: moment,
        status: 'loading',
        state: shown?.comparison === null ? shown.state : null,
        comparison: null,
        version: mine,
      }));
      load(moment).then(
        (state) => {
          if (version.current === mine)
            setPast({ at: moment, status: 'ready', state, comparison: null, version: mine });
        },
        () => {
          if (version.current === mine)
            setPast({ at: moment, status: 'failed', state: null, comparison: null, version: mine });
        },
      );
    },
    [load],
  );

  const compare = useCallback(
    (from: Moment) => {
      const at = past?.at ?? 'now';
      const mine = ++version.current;
      const later: Promise<{ state: LoadedState | null; snapshot: BoardSnapshot }> =
        at === 'now'
          ? Promise.resolve({ state: null, snapshot: readBoard(liveDoc) })
          : load(at).then((state) => ({ state, snapshot: state.snapshot }));
      setPast({ at, status: 'loading', state: null, comparison: null, version: mine });
      Promise.all([load(from), later]).then(
        ([before, { state, snapshot }]) => {
          if (version.current !== mine) return;
          const result = compareBoards(before.snapshot, snapshot);
          const shown = withRemoved(before.snapshot, snapshot);
          const comparison = { from, result, marks: changeMarks(result), shown };
          setPast({ at, status: 'ready', state, comparison, version: mine });
        },
        () => {
          if (version.current === mine)
            setPast({ at, status: 'failed', state: null, comparison: null, version: mine });
        },
      );
    },
    [past, load, liveDoc],
  );

  const backToLive = useCallback(() => {
    version.current += 1;
    setPast(null);
  }, []);

  const loadBoard = useCallback((moment: Moment) => load(moment).then((state) => state.snapshot), [load]);

  const prefetch = useCallback((moment: Moment) => void load(moment).catch(() => undefined), [load]);

  return { past, show, compare, backToLive, loadBoard, prefetch };
}
