import { memo } from 'react';
import { reopenThread, replyToThread, resolveThread } from '@interplay/shared';
import type { AnnotationMessage, Thread } from '@interplay/shared';
import { useLanguage, useT } from '../i18n/index.ts';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { authorName, authorOf } from './authorOf.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { exactTime, relativeTime } from './relativeTime.ts';

function Message({ message, now }: { message: AnnotationMessage; now: number }) {
  const t = useT();
  const language = useLanguage();
  return (
    <li className="ip-ann-message" data-testid="comment-message">
      <div className="ip-ann-message__meta">
        <span className="ip-ann-dot" style={{ background: message.author.colour }} aria-hidden="true" />
        <strong className="ip-ann-message__author">{authorName(message.author, t)}</strong>
        <time
          className="ip-ann-message__time"
          dateTime={new Date(message.createdAt).toISOString()}
          title={exactTime(message.createdAt, language)}
        >
          {relativeTime(message.createdAt, now, language) ?? t('annotations.justNow')}
        </time>
      </div>
      <p className="ip-ann-message__text">{message.text}</p>
    </li>
  );
}

/**
 * One comment thread: its messages with author, colour and relative time
 * (exact time on hover), a reply box, and resolve / reopen for anyone who may comment.
 */
export const ThreadView = memo(function ThreadView({
  thread,
  now,
  mayComment,
}: {
  thread: Thread;
  now: number;
  mayComment: boolean;
}) {
  const t = useT();
  const { session } = useBoardViewContext();
  const first = thread.messages[0];
  return (
    <article
      className={`ip-ann-thread${thread.resolved ? ' ip-ann-thread--resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved || undefined}
      aria-label={t('annotations.thread', { name: authorName(first?.author ?? thread.author, t) })}
    >
      <ul className="ip-ann-messages">
        {thread.messages.map((message) => (
          <Message key={message.id} message={message} now={now} />
        ))}
      </ul>
      {thread.resolved && thread.resolvedBy && (
        <p className="ip-ann-resolved">
          ✓ {t('annotations.resolvedBy', { name: authorName(thread.resolvedBy, t) })}
        </p>
      )}
      {mayComment && (
        <div className="ip-ann-thread__actions">
          {!thread.resolved && (
            <CommentComposer
              label={t('annotations.replyLabel')}
              button={t('annotations.reply')}
              testId="comment-reply"
              onSend={(text) => replyToThread(session.doc, thread.id, { author: authorOf(session), text })}
            />
          )}
          <button
            type="button"
            className="ip-button ip-ann-thread__resolve"
            data-testid={thread.resolved ? 'comment-reopen' : 'comment-resolve'}
            onClick={() =>
              thread.resolved
                ? reopenThread(session.doc, thread.id)
                : resolveThread(session.doc, thread.id, authorOf(session))
            }
          >
            {thread.resolved ? t('annotations.reopen') : `✓ ${t('annotations.resolve')}`}
          </button>
        </div>
      )}
    </article>
  );
});
