import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createUndoManager, readBoard } from '@interplay/shared';
import type { UndoManager } from 'yjs';
import type { BoardSession } from '../sync/BoardSession.ts';
import { createPresenceStore, followAwareness } from '../presence/presenceStore.ts';
import { usePublishSelection } from '../presence/usePublishSelection.ts';
import { SidePanel } from '../panel/SidePanel.tsx';
import { useBoardPermissions } from '../facilitation/useBoardPermissions.ts';
import { BoardViewContext } from './BoardViewContext.ts';
import type { BoardView } from './BoardViewContext.ts';
import { FlowCanvas } from './FlowCanvas.tsx';
import { createBoardViewStore } from './view/boardViewStore.ts';
import { observeBoardByFrame } from './view/observeBoardByFrame.ts';
import { NodeDetailProvider } from './nodes/NodeDetailProvider.tsx';
import './canvas.css';

/**
 * The live network map of one board: the React Flow canvas, the side panel
 * for the selection and the legend. Reads the board through `observeBoard`
 * (at most once per animation frame, `observeBoardByFrame`)
 * and changes it only through the model's commands.
 */
export function BoardCanvas({ session }: { session: BoardSession }) {
  const store = useMemo(() => createBoardViewStore(readBoard(session.doc)), [session.doc]);
  const presence = useMemo(() => createPresenceStore(), []);
  const [undoManager, setUndoManager] = useState<UndoManager | null>(null);
  const permissions = useBoardPermissions(session);
  const viewer = session.role === 'viewer';
  // A board lock makes a participant's page read-only too; the undo history survives it (keyed on `viewer`).
  const readOnly = !permissions.edit;

  useEffect(
    () => observeBoardByFrame(session.doc, (snapshot) => store.getState().setSnapshot(snapshot)),
    [session.doc, store],
  );

  useEffect(() => {
    if (viewer) return;
    const manager = createUndoManager(session.doc);
    // Every command from the map or the panel is one transaction and should be one undo step;
    // merging by time would glue quick successive edits (create, rename, set sector…) together.
    // A drag keeps its capture window open explicitly (useDragSync), so it stays one step.
    manager.captureTimeout = 0;
    setUndoManager(manager);
    return () => {
      manager.destroy();
      setUndoManager(null);
    };
  }, [viewer, session.doc]);

  useEffect(() => followAwareness(presence, session.awareness), [presence, session.awareness]);

  usePublishSelection(session.awareness, store);

  const view: BoardView = useMemo(
    () => ({ session, store, presence, undoManager, readOnly, permissions }),
    [session, store, presence, undoManager, readOnly, permissions],
  );

  return (
    <BoardViewContext.Provider value={view}>
      <ReactFlowProvider>
        <NodeDetailProvider>
          <div className="ip-board" data-read-only={readOnly || undefined}>
            <FlowCanvas />
            <SidePanel />
          </div>
        </NodeDetailProvider>
      </ReactFlowProvider>
    </BoardViewContext.Provider>
  );
}
