import { useEffect, useState } from 'react';
import { isReadOnlyRole, publishPresence } from '@interplay/shared';
import { useT, type MessageKey, type Translate } from '../../i18n/index.ts';
import type { BoardSession } from '../../sync/BoardSession.ts';
import type { ClosedReason } from '../../sync/connectionStatus.ts';
import { useConnectionStatus } from '../../sync/useConnectionStatus.ts';
import { BoardMain } from './BoardMain.tsx';
import { FacilitationBar } from '../../facilitation/FacilitationBar.tsx';
import type { ApiFailure, BoardInfo } from '../api/boardApi.ts';
import { MessagePage } from '../common/MessagePage.tsx';
import { colourOnBoard, saveIdentity, useIdentity } from '../identity/userIdentity.ts';
import { BoardHeader } from './BoardHeader.tsx';
import { forgetBoardInfo } from './boardInfoCache.ts';
import { NamePrompt } from './NamePrompt.tsx';
import { useBoardInfo } from './useBoardInfo.ts';
import { useBoardSession } from './useBoardSession.ts';
import { usePresence } from './usePresence.ts';

function explainFailure(t: Translate, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'notFound':
      return t('error.notFound');
    case 'deleted':
      return t('error.boardDeleted');
    case 'forbidden':
      return t('error.forbidden');
    case 'badRequest':
      return t('error.badId');
    case 'network':
      return t('error.network');
    case 'server':
      return t('error.server', { status: failure.status });
  }
}

const CLOSED_MESSAGE: Record<ClosedReason, MessageKey> = {
  keyRenewed: 'error.keyRenewed',
  boardGone: 'error.boardGone',
  boardDeleted: 'error.boardDeleted',
  badLink: 'error.badId',
  boardFull: 'error.boardFull',
  tooLarge: 'error.tooLarge',
};

/** `/b/<id>?key=`: checks the link with the server, then opens the live board. */
export function BoardPage({ boardId, boardKey }: { boardId: string; boardKey: string }) {
  const t = useT();
  const result = useBoardInfo(boardId, boardKey);
  if (result.state === 'loading') {
    return <MessagePage tone="status" heading={t('app.name')} message={t('board.loading')} />;
  }
  if (result.state === 'failed') {
    return (
      <MessagePage tone="alert" heading={t('error.heading')} message={explainFailure(t, result.failure)} />
    );
  }
  return <BoardRoom info={result.info} boardKey={boardKey} />;
}

function BoardRoom({ info, boardKey }: { info: BoardInfo; boardKey: string }) {
  const session = useBoardSession(info, boardKey);
  useEffect(() => {
    document.title = `${info.title} · Interplay`;
  }, [info.title]);
  if (session === null) return null;
  return <LiveBoard session={session} boardKey={boardKey} />;
}

function LiveBoard({ session, boardKey }: { session: BoardSession; boardKey: string }) {
  const t = useT();
  const connection = useConnectionStatus(session);
  const participants = usePresence(session);
  const identity = useIdentity();
  const [editingName, setEditingName] = useState(false);
  const [timelineOpen, setTimelineOpen] = useState(false);
  const { name } = identity;
  const others = participants.filter((p) => !p.isSelf);
  const colour = colourOnBoard(identity.colour, session.awareness.clientID, others);
  const anonymous = session.role === 'anonymous';

  useEffect(() => {
    // The server overwrites `role` with this connection's real one (from the key) before the others see it;
    // it stays here for this page's own entry in the participant list.
    // The anonymised view asks nobody's name and shows none.
    if (name !== null && !anonymous)
      publishPresence(session.awareness, 'user', { name, colour, role: session.role });
  }, [session, name, colour, anonymous]);

  useEffect(() => {
    // The board was deleted: this browser's copy of it goes too.
    if (connection.closedReason === 'boardDeleted') {
      forgetBoardInfo(session.boardId);
      void session.discardLocalCopy();
    }
  }, [connection.closedReason, session]);

  if (connection.closedReason !== null) {
    return (
      <MessagePage
        tone="alert"
        heading={t('error.heading')}
        message={t(CLOSED_MESSAGE[connection.closedReason])}
      />
    );
  }

  const offlineNotice =
    !isReadOnlyRole(session.role) &&
    (connection.status === 'offline' || (connection.status === 'reconnecting' && connection.unsentChanges));

  return (
    <div className="board-page">
      <BoardHeader
        title={session.title}
        role={session.role}
        status={connection.status}
        participants={participants}
        onEditName={() => setEditingName(true)}
        actions={
          // A moment's title, proposer and past maps hold names: the anonymised view has no history.
          !anonymous && (
            <button
              type="button"
              className="button board-header__history"
              aria-pressed={timelineOpen}
              title={t('history.buttonHint')}
              data-testid="open-timeline"
              onClick={() => setTimelineOpen(!timelineOpen)}
            >
              {t('history.button')}
            </button>
          )
        }
      />
      <FacilitationBar session={session} />
      {isReadOnlyRole(session.role) && (
        <div className="banner banner--view-only" role="note" data-testid="view-only-banner">
          {t(session.role === 'anonymous' ? 'board.anonymousView' : 'board.viewOnly')}
        </div>
      )}
      {connection.cannotSave && !isReadOnlyRole(session.role) && (
        <div className="banner banner--offline" role="status" data-testid="cannot-save-banner">
          {t('status.cannotSave')}
        </div>
      )}
      {offlineNotice && !connection.cannotSave && (
        <div className="banner banner--offline" role="status">
          {t('status.offlineKept')}
        </div>
      )}
      <BoardMain
        session={session}
        boardKey={boardKey}
        timelineOpen={timelineOpen}
        onCloseTimeline={() => setTimelineOpen(false)}
      />
      {!anonymous && (name === null || editingName) && (
        <NamePrompt
          boardTitle={session.title}
          initialName={name ?? ''}
          colour={colour}
          onSubmit={(chosen) => {
            saveIdentity({ name: chosen, colour: identity.colour });
            setEditingName(false);
          }}
          {...(name !== null ? { onCancel: () => setEditingName(false) } : {})}
        />
      )}
    </div>
  );
}
