import { memo, useState } from 'react';
import { addThread } from '@interplay/shared';
import type { Thread } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useBoardView, useBoardViewContext } from '../canvas/BoardViewContext.ts';
import type { LocalSelection } from '../canvas/view/boardViewStore.ts';
import { selectSelection } from '../canvas/view/selectors.ts';
import { authorOf } from './authorOf.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { useNow } from './relativeTime.ts';
import { threadsOn } from './threadQueries.ts';
import { ThreadView } from './ThreadView.tsx';
import { useMyPermissions } from './useMyPermissions.ts';
import './annotations.css';

/** The one organisation, person, project or relationship the panel shows, if exactly one. */
function singleTarget(selection: LocalSelection): string | null {
  if (selection.projectId) return selection.projectId;
  const ids = [...selection.nodeIds, ...selection.relationshipIds];
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

const NO_THREADS: readonly Thread[] = [];

/**
 * "Comments" under the selection's fields: its threads (open first, resolved
 * on request), each with replies and resolve/reopen, and a box for a new one.
 * Lives outside the panel's disabled fieldset: viewers may comment when the
 * facilitator allows it, and a locked board leaves comments open.
 */
export const SelectionComments = memo(function SelectionComments() {
  const t = useT();
  const { session } = useBoardViewContext();
  const target = singleTarget(useBoardView(selectSelection));
  const annotations = useBoardView((s) => s.snapshot.annotations);
  const { permissions } = useMyPermissions();
  const now = useNow();
  const [showResolved, setShowResolved] = useState(false);
  if (target === null) return null;
  const threads = annotations.size === 0 ? NO_THREADS : threadsOn(annotations, target);
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const mayComment = permissions.comment;

  return (
    <section className="ip-panel__section ip-ann-section" data-testid="selection-comments">
      <h2 className="ip-panel__title">{t('annotations.sectionCount', { count: open.length })}</h2>
      {open.length === 0 && (
        <p className="ip-muted" data-testid="comments-none">
          {t(resolved.length === 0 ? 'annotations.none' : 'annotations.noneOpen')}
        </p>
      )}
      {open.map((thread) => (
        <ThreadView key={thread.id} thread={thread} now={now} mayComment={mayComment} />
      ))}
      {resolved.length > 0 && (
        <button
          type="button"
          className="ip-link-button"
          aria-expanded={showResolved}
          onClick={() => setShowResolved(!showResolved)}
        >
          {showResolved
            ? t('annotations.hideResolved')
            : t('annotations.showResolved', { count: resolved.length })}
        </button>
      )}
      {showResolved &&
        resolved.map((thread) => (
          <ThreadView key={thread.id} thread={thread} now={now} mayComment={mayComment} />
        ))}
      {mayComment ? (
        <CommentComposer
          label={t('annotations.new')}
          placeholder={t('annotations.newPlaceholder')}
          button={t('annotations.add')}
          testId="comment-new"
          onSend={(text) => addThread(session.doc, { target, author: authorOf(session), text })}
        />
      ) : (
        <p className="ip-muted" data-testid="comment-refused">
          {t(session.role === 'anonymous' ? 'annotations.refused.anonymous' : 'annotations.refused.viewer')}
        </p>
      )}
    </section>
  );
});
