import { isReadOnlyRole } from '@interplay/shared';
import { labelledBoard } from '../../anonymous/labelledBoard.ts';
import { anonymousWords } from '../../anonymous/anonymousWords.ts';
import { useEffect, useMemo } from 'react';
import { Panel } from '@xyflow/react';
import type { UndoManager } from 'yjs';
import { CommentBadge } from '../../annotations/CommentBadge.tsx';
import { NotesLayer } from '../../annotations/NotesLayer.tsx';
import { useAddNote } from '../../annotations/useAddNote.ts';
import { BoardCanvas } from '../../canvas/BoardCanvas.tsx';
import { BoardViewContext } from '../../canvas/BoardViewContext.ts';
import type { BoardView } from '../../canvas/BoardViewContext.ts';
import { FlowCanvas } from '../../canvas/FlowCanvas.tsx';
import type { MapDecorations } from '../../canvas/MapContext.ts';
import { liveBoard, useBoardViewStore } from '../../canvas/view/boardSource.ts';
import { ExportImportButtons } from '../../export/dialog/ExportImportButtons.tsx';
import { FacilitationLayer } from '../../facilitation/FacilitationLayer.tsx';
import { useBoardPermissions } from '../../facilitation/useBoardPermissions.ts';
import { BoardInsights } from '../../health/BoardInsights.tsx';
import { RelationshipEdgeBadges } from '../../health/RelationshipEdgeBadges.tsx';
import { InsightBar } from '../../insight/InsightBar.tsx';
import { InsightContext } from '../../insight/InsightContext.ts';
import { InsightEngine } from '../../insight/InsightEngine.tsx';
import { createInsightStore } from '../../insight/insightStore.ts';
import { Legend } from '../../legend/Legend.tsx';
import { SidePanel } from '../../panel/SidePanel.tsx';
import { createPresenceStore, followAwareness } from '../../presence/presenceStore.ts';
import type { PresenceStore } from '../../presence/presenceStore.ts';
import { RemoteCursors } from '../../presence/RemoteCursors.tsx';
import { useCursorBroadcast } from '../../presence/useCursorBroadcast.ts';
import { usePublishSelection } from '../../presence/usePublishSelection.ts';
import type { BoardSession } from '../../sync/BoardSession.ts';
import { useT } from '../../i18n/index.ts';

/** What the features draw into the map's own nodes and lines: comment counts and health markers. */
const DECORATIONS: MapDecorations = { NodeBadge: CommentBadge, EdgeBadges: RelationshipEdgeBadges };

/**
 * The live board's map: the canvas showing the session's document, composed
 * with its layers (notes, cursors, facilitation, the session bar, the legend),
 * the export buttons and the side panel. Changes go through the model's
 * commands only (the canvas's actions, which check this page's permissions).
 */
export function LiveBoardMap({
  session,
  undoManager,
}: {
  session: BoardSession;
  /** This page's undo history, kept by the page (`useUndoManager`) so it outlives the map. */
  undoManager: UndoManager | null;
}) {
  const t = useT();
  const anonymous = session.role === 'anonymous';
  const source = useMemo(
    () => (anonymous ? labelledBoard(liveBoard(session.doc), anonymousWords(t)) : liveBoard(session.doc)),
    [session.doc, anonymous, t],
  );
  const store = useBoardViewStore(source);
  const presence = useMemo(() => createPresenceStore(), []);
  const insight = useMemo(() => createInsightStore(), []);
  const permissions = useBoardPermissions(session);
  const viewer = isReadOnlyRole(session.role);

  useEffect(() => {
    const { view, setView } = store.getState();
    setView({
      ...view,
      relationshipLabel: (source, target) => t('canvas.relationshipLabel', { source, target }),
    });
  }, [store, t]);

  useEffect(() => followAwareness(presence, session.awareness), [presence, session.awareness]);
  usePublishSelection(session.awareness, store);

  const board: BoardView = useMemo(
    () => ({
      session,
      store,
      presence,
      undoManager,
      // A board lock makes a participant's page read-only too; the undo history survives it (keyed on `viewer`).
      readOnly: !permissions.edit,
      permissions,
      editing: viewer ? null : { doc: session.doc, undoManager },
      decorations: DECORATIONS,
    }),
    [session, store, presence, undoManager, permissions, viewer],
  );

  return (
    <BoardViewContext.Provider value={board}>
      <InsightContext.Provider value={insight}>
        <BoardCanvas map={board}>
          <LiveMap session={session} presence={presence} />
          <SidePanel />
        </BoardCanvas>
      </InsightContext.Provider>
    </BoardViewContext.Provider>
  );
}

/** The map with the live board's layers; inside the canvas's React Flow provider. */
function LiveMap({ session, presence }: { session: BoardSession; presence: PresenceStore }) {
  const cursor = useCursorBroadcast(session.awareness);
  const addNote = useAddNote();
  return (
    <FlowCanvas
      layers={
        <>
          <NotesLayer />
          <RemoteCursors presence={presence} />
          <FacilitationLayer />
          <BoardInsights />
          <InsightEngine />
        </>
      }
      panels={
        <Panel position="bottom-left" className="ip-legend-panel">
          <Legend />
        </Panel>
      }
      underToolbar={<InsightBar />}
      controls={<ExportImportButtons />}
      onPointerMove={cursor.onPointerMove}
      onPointerLeave={cursor.onPointerLeave}
      onAltDoubleClick={addNote}
      onSized={session.showBoard}
    />
  );
}
