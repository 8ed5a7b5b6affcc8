import { useMemo } from 'react';
import { watchNames } from '@interplay/shared';
import { HistoryContext } from '../../history/HistoryContext.ts';
import type { HistoryAccess } from '../../history/HistoryContext.ts';
import { PastBoardView } from '../../history/PastBoardView.tsx';
import { TimelinePanel } from '../../history/TimelinePanel.tsx';
import { useHistoryView } from '../../history/useHistoryView.ts';
import { useMoments } from '../../history/useMoments.ts';
import type { BoardSession } from '../../sync/BoardSession.ts';
import { LiveBoardMap } from './LiveBoardMap.tsx';
import { useUndoManager } from './useUndoManager.ts';

/**
 * The board page's main area: the live map, or the map as it was at a moment (read-only, with the way back),
 * and the timeline beside either (the map narrows while it is open).
 */
export function BoardMain({
  session,
  boardKey,
  timelineOpen,
  onCloseTimeline,
}: {
  session: BoardSession;
  boardKey: string;
  timelineOpen: boolean;
  onCloseTimeline: () => void;
}) {
  const endpoint = useMemo(() => ({ boardId: session.boardId, key: boardKey }), [session.boardId, boardKey]);
  const list = useMoments(endpoint, timelineOpen);
  const history = useHistoryView(endpoint, session.doc);
  const undoManager = useUndoManager(session);
  const { loadBoard } = history;
  const access: HistoryAccess = useMemo(() => ({ endpoint, loadBoard }), [endpoint, loadBoard]);
  return (
    <main className="board-page__canvas board-main">
      <div className="board-main__map">
        {history.past === null ? (
          // The anonymised view has no history (the server refuses it: moments hold names).
          <HistoryContext.Provider value={session.role === 'anonymous' ? null : access}>
            <LiveBoardMap session={session} undoManager={undoManager} />
          </HistoryContext.Provider>
        ) : (
          <PastBoardView past={history.past} boardTitle={session.title} onBackToLive={history.backToLive} />
        )}
      </div>
      {timelineOpen && (
        <TimelinePanel
          names={watchNames(session.doc)}
          endpoint={endpoint}
          role={session.role}
          boardTitle={session.title}
          list={list}
          view={history}
          onClose={onCloseTimeline}
        />
      )}
    </main>
  );
}
