import { createContext, memo, useContext } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import type { BoardSnapshot, Relationship } from '@interplay/shared';
import type { BoardComparison, ChangeKind } from '@interplay/shared/history/compareBoards';
import type { MapDecorations } from '../canvas/MapContext.ts';
import { useT } from '../i18n/index.ts';

/** Which entity changed how, for the compare view's marks on the map. */
export type ChangeMarks = ReadonlyMap<string, ChangeKind>;

export const ChangeMarksContext = createContext<ChangeMarks | null>(null);

export function changeMarks(comparison: BoardComparison): ChangeMarks {
  return new Map(comparison.entities.map((change) => [change.id, change.change]));
}

/**
 * The later state with what was removed since the earlier one put back, so the map can show it ghosted:
 * the board the compare view draws.
 */
export function withRemoved(before: BoardSnapshot, after: BoardSnapshot): BoardSnapshot {
  const merged = <K, V>(then: ReadonlyMap<K, V>, now: ReadonlyMap<K, V>): ReadonlyMap<K, V> => {
    const all = new Map(now);
    for (const [id, value] of then) if (!all.has(id)) all.set(id, value);
    return all;
  };
  return {
    ...after,
    organisations: merged(before.organisations, after.organisations),
    people: merged(before.people, after.people),
    projects: merged(before.projects, after.projects),
    relationships: merged(before.relationships, after.relationships),
  };
}

const SYMBOL: Record<ChangeKind, string> = { added: '+', removed: '−', changed: '~' };

/** A node's mark: a coloured outline around the card, circle or project label. */
const NodeMark = memo(function NodeMark({ targetId }: { targetId: string }) {
  const t = useT();
  const change = useContext(ChangeMarksContext)?.get(targetId);
  if (change === undefined) return null;
  return (
    <span
      className={`ip-change-mark ip-change-mark--${change}`}
      data-testid="change-mark"
      data-change={change}
      role="img"
      aria-label={t(`history.change.${change}`)}
    />
  );
});

/** A relationship's mark: a small coloured sign at its middle. */
const EdgeMark = memo(function EdgeMark({
  relationship,
  x,
  y,
}: {
  relationship: Relationship;
  x: number;
  y: number;
}) {
  const t = useT();
  const change = useContext(ChangeMarksContext)?.get(relationship.id);
  if (change === undefined) return null;
  return (
    <EdgeLabelRenderer>
      <span
        className={`ip-change-sign ip-change-sign--${change}`}
        data-testid="change-mark"
        data-change={change}
        data-relationship-id={relationship.id}
        role="img"
        aria-label={t(`history.change.${change}`)}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        {SYMBOL[change]}
      </span>
    </EdgeLabelRenderer>
  );
});

/** What the compare view draws into the map's nodes and lines. */
export const CHANGE_DECORATIONS: MapDecorations = { NodeBadge: NodeMark, EdgeBadges: EdgeMark };
