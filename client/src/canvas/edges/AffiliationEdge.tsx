import { memo } from 'react';
import type { EdgeProps } from '@xyflow/react';
import type { AffiliationFlowEdge } from '../store/flowTypes.ts';
import { edgePath, floatingGeometry } from './floatingGeometry.ts';
import { useEdgeEnds } from '../perf/useEdgeEnds.ts';

/** The thin dashed line from a person to their organisation (derived from the person, not a relationship). */
export const AffiliationEdge = memo(function AffiliationEdge({
  source,
  target,
}: EdgeProps<AffiliationFlowEdge>) {
  // One store subscription for both ends (see useEdgeEnds); affiliation links are short and never cut.
  const { source: person, target: organisation } = useEdgeEnds(source, target, false);
  if (!person || !organisation) return null;
  return (
    <path
      className={
        person.dragging || organisation.dragging ? 'ip-affiliation ip-edge-moving' : 'ip-affiliation'
      }
      d={edgePath(floatingGeometry(person, organisation))}
      fill="none"
      stroke="#64748b"
      strokeWidth={1.5}
      strokeDasharray="5 4"
      data-testid="affiliation-path"
    />
  );
});
