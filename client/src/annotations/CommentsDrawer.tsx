import { authorName } from './authorOf.ts';
import { memo } from 'react';
import { setViewersMayComment } from '@interplay/shared';
import { useLanguage, useT } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { exactTime, relativeTime, useNow } from './relativeTime.ts';
import { lastActivity, openThreads, targetName } from './threadQueries.ts';
import { useJumpTo } from './useJumpTo.ts';
import { useMyPermissions } from './useMyPermissions.ts';

/**
 * The list of open comment threads on the board, newest activity first; each
 * jumps to its target. The facilitator also decides here whether view-only
 * participants may comment.
 */
export const CommentsDrawer = memo(function CommentsDrawer() {
  const t = useT();
  const language = useLanguage();
  const { session } = useBoardViewContext();
  const snapshot = useBoardView((s) => s.snapshot);
  const { permissions, settings } = useMyPermissions();
  const jumpTo = useJumpTo();
  const now = useNow();
  const threads = openThreads(snapshot.annotations);

  return (
    <div className="ip-ann-drawer" data-testid="comments-drawer">
      {permissions.changeSettings && (
        <label className="ip-check ip-drawer__setting">
          <input
            type="checkbox"
            checked={settings.viewersMayComment}
            data-testid="viewers-may-comment"
            onChange={(event) => setViewersMayComment(session.doc, event.currentTarget.checked)}
          />
          {t('annotations.viewersMayComment')}
        </label>
      )}
      {threads.length === 0 ? (
        <p className="ip-muted">{t('annotations.drawerEmpty')}</p>
      ) : (
        <ul className="ip-ann-list">
          {threads.map((thread) => {
            const first = thread.messages[0];
            const target = targetName(snapshot, thread.target) ?? t('annotations.freeNote');
            const replies = thread.messages.length - 1;
            const last = lastActivity(thread);
            return (
              <li key={thread.id}>
                <button
                  type="button"
                  className="ip-ann-list__item"
                  data-testid="open-thread"
                  aria-label={t('annotations.jump', { target })}
                  onClick={() => jumpTo(thread.target, thread.position)}
                >
                  <span className="ip-ann-list__target">{target}</span>
                  <span className="ip-ann-list__text">{first?.text}</span>
                  <span className="ip-ann-list__meta">
                    <span
                      className="ip-ann-dot"
                      style={{ background: thread.author.colour }}
                      aria-hidden="true"
                    />
                    {authorName(thread.author, t)}
                    {' · '}
                    <time title={exactTime(last, language)}>
                      {relativeTime(last, now, language) ?? t('annotations.justNow')}
                    </time>
                    {replies > 0 &&
                      ` · ${replies === 1 ? t('annotations.oneReply') : t('annotations.replies', { count: replies })}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});
