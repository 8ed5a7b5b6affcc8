import { memo } from 'react';
import { useStore } from 'zustand';
import { addThread } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { selectZoom, useFlowView } from '../canvas/reactFlow/flowState.ts';
import { ViewportLayer } from '../canvas/reactFlow/ViewportLayer.tsx';
import { authorOf } from './authorOf.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { cancelNoteDraft, noteDraftStore } from './noteDraftStore.ts';
import { NoteCard } from './NoteCard.tsx';
import { useNow } from './relativeTime.ts';
import { freeNotes } from '../canvas/boardBounds.ts';
import { useNoteShortcut } from './useAddNote.ts';
import { useMyPermissions } from './useMyPermissions.ts';
import './annotations.css';

/**
 * The note being written (not yet on the board): send adds it, Escape or × drops it, after asking when it
 * holds text (a stray Escape must not throw away what someone typed).
 */
function NoteDraft() {
  const t = useT();
  const { session } = useBoardViewContext();
  const draft = useStore(noteDraftStore, (s) => s.draft);
  if (!draft) return null;
  const close = (note: HTMLElement): void => {
    const text = note.querySelector('textarea')?.value.trim() ?? '';
    if (text === '' || window.confirm(t('annotations.noteDiscard'))) cancelNoteDraft();
  };
  return (
    <div
      className="ip-note ip-note--open ip-note--draft nopan nodrag nowheel"
      style={{ transform: `translate(${draft.x}px, ${draft.y}px)` }}
      data-testid="note-draft"
      role="group"
      aria-label={t('annotations.note')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close(event.currentTarget);
      }}
    >
      <div className="ip-note__bar">
        <span>{t('annotations.note')}</span>
        <button
          type="button"
          className="ip-icon-button"
          aria-label={t('annotations.noteClose')}
          title={t('annotations.noteClose')}
          onClick={(event) => close(event.currentTarget.closest<HTMLElement>('[data-testid=note-draft]')!)}
        >
          ×
        </button>
      </div>
      <CommentComposer
        label={t('annotations.note')}
        placeholder={t('annotations.notePlaceholder')}
        button={t('annotations.add')}
        testId="note-new"
        autoFocus
        onSend={(text) => {
          addThread(session.doc, { position: draft, author: authorOf(session), text });
          cancelNoteDraft();
        }}
      />
    </div>
  );
}

/**
 * Free notes drawn inside the viewport (flow coordinates), plus the N
 * shortcut. Notes move unless the layout is locked (the facilitator always may).
 */
export const NotesLayer = memo(function NotesLayer() {
  const { session } = useBoardViewContext();
  const zoom = useFlowView(selectZoom);
  const annotations = useBoardView((s) => s.snapshot.annotations);
  const { permissions, settings } = useMyPermissions();
  const now = useNow();
  useNoteShortcut(permissions.comment);
  const mayMove = permissions.comment && (session.role === 'facilitator' || !settings.layoutLocked);
  const notes = annotations.size === 0 ? [] : freeNotes(annotations);
  return (
    // Not React Flow's ViewportPortal: its selector is a querySelector on every store change.
    <ViewportLayer>
      {notes.map((thread) => (
        <NoteCard
          key={thread.id}
          thread={thread}
          zoom={zoom}
          now={now}
          mayComment={permissions.comment}
          mayMove={mayMove}
        />
      ))}
      {permissions.comment && <NoteDraft />}
    </ViewportLayer>
  );
});
