import { useEffect, useMemo, useRef, useState } from 'react';
import { Panel } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { BoardSnapshot } from '@interplay/shared';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { boardPermissions } from '../canvas/editing/boardPermissions.ts';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import type { MapContextValue, MapPresenceState } from '../canvas/MapContext.ts';
import { createBoardViewStore } from '../canvas/view/boardViewStore.ts';
import { mapView } from '../canvas/view/mapView.ts';
import { Legend } from '../legend/Legend.tsx';
import { CHANGE_DECORATIONS, ChangeMarksContext } from './changeMarks.tsx';
import type { ChangeMarks } from './changeMarks.tsx';

const NOBODY = createStore<MapPresenceState>(() => ({ selectors: new Map() }));

const removedIds = (marks: ChangeMarks | null): ReadonlySet<string> =>
  new Set(marks === null ? [] : [...marks].filter(([, change]) => change === 'removed').map(([id]) => id));

/**
 * The map of a past state (or of a comparison), read-only: the same canvas and view pipeline as the live
 * board, given a fixed board state. With `marks`, what was added is outlined green, what was removed is
 * drawn ghosted and outlined red, and what changed is outlined amber. A new state given to a mounted map is
 * shown in place, like a change of the live board (scrubbing the time slider keeps the view where it is).
 */
export function PastBoardMap({ snapshot, marks }: { snapshot: BoardSnapshot; marks: ChangeMarks | null }) {
  const view = useMemo(() => mapView({ dimmed: removedIds(marks) }), [marks]);
  const [store] = useState(() => createBoardViewStore(snapshot, view));
  const shown = useRef(snapshot);
  useEffect(() => {
    if (shown.current === snapshot) return;
    shown.current = snapshot;
    store.getState().setSnapshot(snapshot);
  }, [store, snapshot]);
  useEffect(() => {
    if (store.getState().view !== view) store.getState().setView(view);
  }, [store, view]);
  const map: MapContextValue = useMemo(
    () => ({
      store,
      presence: NOBODY,
      readOnly: true,
      permissions: boardPermissions('viewer', snapshot.settings),
      editing: null,
      decorations: marks === null ? {} : CHANGE_DECORATIONS,
    }),
    [store, snapshot.settings, marks],
  );
  return (
    <ChangeMarksContext.Provider value={marks}>
      <BoardCanvas map={map}>
        <FlowCanvas
          panels={
            <Panel position="bottom-left" className="ip-legend-panel">
              <Legend />
            </Panel>
          }
        />
      </BoardCanvas>
    </ChangeMarksContext.Provider>
  );
}
