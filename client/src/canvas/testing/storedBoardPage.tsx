/**
 * A page entry for browser tests: shows a board read-only from a stored state
 * (the Yjs update a server or an offline copy keeps), through the same map and
 * view pipeline as the live board, with no session and no websocket. It is
 * built into a separate bundle by `test/browser/support/storedBoardPage.ts`
 * and is never part of the app's build.
 */
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createStore } from 'zustand/vanilla';
import '@fontsource-variable/inter/wght.css';
import { readBoard } from '@interplay/shared';
import { applyUpdate, Doc } from 'yjs';
import '../../styles/tokens.css';
import '../../styles/global.css';
import '../../styles/boardPage.css';
import { BoardCanvas } from '../BoardCanvas.tsx';
import { boardPermissions } from '../editing/boardPermissions.ts';
import { FlowCanvas } from '../FlowCanvas.tsx';
import type { MapContextValue, MapPresenceState } from '../MapContext.ts';
import { fixedBoard, useBoardViewStore } from '../view/boardSource.ts';
import type { BoardSource } from '../view/boardSource.ts';
import { mapView } from '../view/mapView.ts';
import type {} from './storedBoardInput.ts';
import type { MapView } from '../view/mapView.ts';

const NOBODY = createStore<MapPresenceState>(() => ({ selectors: new Map() }));

function StoredBoard({ source, view }: { source: BoardSource; view: MapView }) {
  const store = useBoardViewStore(source, view);
  const settings = store.getState().snapshot.settings;
  const map: MapContextValue = useMemo(
    () => ({
      store,
      presence: NOBODY,
      readOnly: true,
      permissions: boardPermissions('viewer', settings),
      editing: null,
      decorations: {},
    }),
    [store, settings],
  );
  return (
    <div className="board-page">
      <main className="board-page__canvas">
        <BoardCanvas map={map}>
          <FlowCanvas />
        </BoardCanvas>
      </main>
    </div>
  );
}

const input = window.__storedBoard;
if (!input) throw new Error('window.__storedBoard is not set');
const doc = new Doc();
applyUpdate(doc, Uint8Array.from(input.update));
const source = fixedBoard(readBoard(doc));
const view = mapView({ hidden: new Set(input.hidden ?? []), dimmed: new Set(input.dimmed ?? []) });
const root = document.createElement('div');
root.id = 'root';
document.body.append(root);
createRoot(root).render(
  <StrictMode>
    <StoredBoard source={source} view={view} />
  </StrictMode>,
);
