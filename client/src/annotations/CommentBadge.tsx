import { memo } from 'react';
import { useT } from '../i18n/index.ts';
import { useMapView as useBoardView } from '../canvas/MapContext.ts';
import { openThreadCounts } from './threadQueries.ts';

/** How many open comment threads an organisation, person, project or relationship has (nothing when none). */
export const CommentBadge = memo(function CommentBadge({
  targetId,
  className = '',
}: {
  targetId: string;
  className?: string;
}) {
  const t = useT();
  const count = useBoardView((s) => openThreadCounts(s.snapshot.annotations).get(targetId) ?? 0);
  if (count === 0) return null;
  const label = t('annotations.badge', { count });
  return (
    <span
      className={`ip-comment-badge ${className}`}
      data-testid="comment-badge"
      data-count={count}
      title={label}
      aria-label={label}
      role="img"
    >
      <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M2 3h12v8H7l-3 3v-3H2z" fill="currentColor" />
      </svg>
      {count}
    </span>
  );
});
