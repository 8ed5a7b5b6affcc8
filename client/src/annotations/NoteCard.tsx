import { authorName } from './authorOf.ts';
import { memo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { moveNote } from '@interplay/shared';
import type { Position, Thread } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { ThreadView } from './ThreadView.tsx';

interface DragStart {
  pointerX: number;
  pointerY: number;
  from: Position;
  moved: boolean;
}

/** Pixels the pointer must travel before a press on a note counts as a drag, not a click. */
const DRAG_THRESHOLD = 4;

function isControl(target: EventTarget): boolean {
  return target instanceof Element && target.closest('button, textarea, input, a') !== null;
}

/**
 * A free note on the map: a sticky card with its first message, author and
 * reply count; click (or Enter) opens its thread in place. Dragged with the
 * pointer (in flow coordinates, so divided by the zoom) and written once on drop.
 */
export const NoteCard = memo(function NoteCard({
  thread,
  zoom,
  now,
  mayComment,
  mayMove,
}: {
  thread: Thread;
  zoom: number;
  now: number;
  mayComment: boolean;
  mayMove: boolean;
}) {
  const t = useT();
  const { session } = useBoardViewContext();
  const [open, setOpen] = useState(false);
  const [dragPosition, setDragPosition] = useState<Position | null>(null);
  const start = useRef<DragStart | null>(null);
  const position = dragPosition ?? thread.position ?? { x: 0, y: 0 };
  const first = thread.messages[0];
  const replies = thread.messages.length - 1;
  const text = first?.text ?? t('annotations.noteEmpty');

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (!mayMove || event.button !== 0 || isControl(event.target)) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { pointerX: event.clientX, pointerY: event.clientY, from: position, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const drag = start.current;
    if (!drag) return;
    const dx = event.clientX - drag.pointerX;
    const dy = event.clientY - drag.pointerY;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    drag.moved = true;
    setDragPosition({ x: drag.from.x + dx / zoom, y: drag.from.y + dy / zoom });
  };
  const onPointerUp = (): void => {
    const drag = start.current;
    start.current = null;
    if (drag?.moved && dragPosition) {
      moveNote(session.doc, thread.id, { x: Math.round(dragPosition.x), y: Math.round(dragPosition.y) });
    }
    setDragPosition(null);
  };
  const onClick = (event: { target: EventTarget }): void => {
    // A drag ends with a click on the same card: only a press without movement opens it.
    if (dragPosition || isControl(event.target) || open) return;
    setOpen(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setOpen(!open);
    } else if (event.key === 'Escape') setOpen(false);
  };

  return (
    <div
      className={`ip-note nopan nodrag nowheel${open ? ' ip-note--open' : ''}${
        thread.resolved ? ' ip-note--resolved' : ''
      }${dragPosition ? ' ip-note--dragging' : ''}`}
      style={{ transform: `translate(${position.x}px, ${position.y}px)` }}
      data-testid="note"
      data-thread-id={thread.id}
      role={open ? 'group' : 'button'}
      tabIndex={0}
      aria-expanded={open}
      aria-label={t('annotations.noteLabel', { name: authorName(thread.author, t), text })}
      title={mayMove ? undefined : t('annotations.noteDragLocked')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {open ? (
        <>
          <div className="ip-note__bar">
            <span>{t('annotations.note')}</span>
            <button
              type="button"
              className="ip-icon-button"
              aria-label={t('annotations.noteClose')}
              title={t('annotations.noteClose')}
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </div>
          <ThreadView thread={thread} now={now} mayComment={mayComment} />
        </>
      ) : (
        <>
          <p className="ip-note__text">{text}</p>
          <div className="ip-note__meta">
            <span className="ip-ann-dot" style={{ background: thread.author.colour }} aria-hidden="true" />
            <span className="ip-note__author">{authorName(thread.author, t)}</span>
            {replies > 0 && (
              <span className="ip-note__replies">
                {replies === 1 ? t('annotations.oneReply') : t('annotations.replies', { count: replies })}
              </span>
            )}
            {thread.resolved && <span aria-hidden="true">✓</span>}
          </div>
        </>
      )}
    </div>
  );
});
