import { memo } from 'react';
import type { EdgeProps } from '@xyflow/react';
import type { AffiliationFlowEdge } from '../view/flowTypes.ts';
import { edgePath, floatingGeometry } from './floatingGeometry.ts';
import type { NodeBox } from './floatingGeometry.ts';
import { useEdgeEnds } from '../reactFlow/useEdgeEnds.ts';

/**
 * A person's link as React Flow draws it; while one of its nodes is dragged
 * on this page `<DraggedEdges>` draws it instead.
 */
export const AffiliationEdge = memo(function AffiliationEdge({
  source,
  target,
}: EdgeProps<AffiliationFlowEdge>) {
  // One store subscription for both ends (see useEdgeEnds); affiliation links are short and never cut.
  const ends = useEdgeEnds(source, target, false);
  if (ends.dragged || !ends.source || !ends.target) return null;
  return <AffiliationLine person={ends.source} organisation={ends.target} moving={false} />;
});

/** The thin dashed line from a person to their organisation (derived from the person, not a relationship). */
export function AffiliationLine({
  person,
  organisation,
  moving,
}: {
  person: NodeBox;
  organisation: NodeBox;
  moving: boolean;
}) {
  return (
    <path
      className={moving ? 'ip-affiliation ip-edge-moving' : 'ip-affiliation'}
      d={edgePath(floatingGeometry(person, organisation))}
      fill="none"
      stroke="#64748b"
      strokeWidth={1.5}
      strokeDasharray="5 4"
      data-testid="affiliation-path"
    />
  );
}
