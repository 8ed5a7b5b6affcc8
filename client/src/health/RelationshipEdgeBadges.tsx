import { memo } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import { isStale } from '@interplay/shared';
import type { Relationship } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { useMapView as useBoardView } from '../canvas/MapContext.ts';
import type { EdgeGeometry } from '../canvas/edges/floatingGeometry.ts';
import { useLineBadgeSpot } from '../canvas/edges/useLineBadgeSpot.ts';
import { CommentBadge } from '../annotations/CommentBadge.tsx';
import { openThreadCounts } from '../annotations/threadQueries.ts';
import './health.css';

/** Drawn sizes (`.ip-edge-stale`, `.ip-comment-badge`), close enough to keep the badges off the cards. */
const STALE_WIDTH = 24;
const GAP = 4;
const HEIGHT = 26;
/** How far above the line the badges' lower edge is. */
const LIFT = 14;

function commentBadgeWidth(count: number): number {
  return count === 0 ? 0 : 34 + 8 * String(count).length;
}

/**
 * Small markers on a relationship, above the line: open comment threads and
 * "needs maintenance" (checked together too long ago). At the line's middle,
 * or nearer an end where a card covers the middle (`useLineBadgeSpot`).
 * Nothing is drawn for a relationship with neither.
 */
export const RelationshipEdgeBadges = memo(function RelationshipEdgeBadges({
  relationship,
  line,
}: {
  relationship: Relationship;
  line: EdgeGeometry;
}) {
  const settings = useBoardView((s) => s.snapshot.settings);
  const comments = useBoardView((s) => openThreadCounts(s.snapshot.annotations).get(relationship.id) ?? 0);
  const stale = isStale(relationship, settings);
  if (!stale && comments === 0) return null;
  return <PlacedBadges relationship={relationship} line={line} stale={stale} comments={comments} />;
});

function PlacedBadges({
  relationship,
  line,
  stale,
  comments,
}: {
  relationship: Relationship;
  line: EdgeGeometry;
  stale: boolean;
  comments: number;
}) {
  const t = useT();
  const width = (stale ? STALE_WIDTH : 0) + commentBadgeWidth(comments) + (stale && comments > 0 ? GAP : 0);
  const { x, y } = useLineBadgeSpot(line, { width, height: HEIGHT, lift: LIFT });
  return (
    <EdgeLabelRenderer>
      <div
        className="ip-edge-badges"
        data-testid="edge-badges"
        data-relationship-id={relationship.id}
        style={{ transform: `translate(-50%, -100%) translate(${x}px, ${y - LIFT}px)` }}
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
}
