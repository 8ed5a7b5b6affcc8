import { memo } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import { isStale } from '@interplay/shared';
import type { Relationship } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useMapView as useBoardView } from '../canvas/MapContext.ts';
import { CommentBadge } from '../annotations/CommentBadge.tsx';
import { openThreadCounts } from '../annotations/threadQueries.ts';
import './health.css';

/**
 * Small markers at the middle of a relationship, above the line: open
 * comment threads and "needs maintenance" (checked together too long ago).
 * Nothing is drawn for a relationship with neither.
 */
export const RelationshipEdgeBadges = memo(function RelationshipEdgeBadges({
  relationship,
  x,
  y,
}: {
  relationship: Relationship;
  x: number;
  y: number;
}) {
  const t = useT();
  const settings = useBoardView((s) => s.snapshot.settings);
  const comments = useBoardView((s) => openThreadCounts(s.snapshot.annotations).get(relationship.id) ?? 0);
  const stale = isStale(relationship, settings);
  if (!stale && comments === 0) return null;
  return (
    <EdgeLabelRenderer>
      <div
        className="ip-edge-badges"
        data-testid="edge-badges"
        data-relationship-id={relationship.id}
        style={{ transform: `translate(-50%, -100%) translate(${x}px, ${y - 14}px)` }}
      >
        {stale && (
          <span
            className="ip-edge-stale"
            data-testid="edge-stale"
            role="img"
            aria-label={t('health.edgeStale')}
            title={t('health.edgeStale')}
          >
            ⚠
          </span>
        )}
        <CommentBadge targetId={relationship.id} />
      </div>
    </EdgeLabelRenderer>
  );
});
