import { memo } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { useT } from '../../i18n/index.ts';
import {
  directionMarkers,
  formDashArray,
  KIND_COLOURS,
  strengthWidth,
} from '../../theme/relationshipStyle.ts';
import { useBoardView, usePresence } from '../BoardViewContext.ts';
import type { RelationshipFlowEdge } from '../store/flowTypes.ts';
import { arrowHead, edgePath, floatingGeometry } from './floatingGeometry.ts';
import { clippedLine, isStraight } from '../perf/edgeClip.ts';
import { useEdgeEnds } from '../perf/useEdgeEnds.ts';
import { RelationshipEdgeBadges, useHealthEdgeColour } from '../../health/RelationshipEdgeBadges.tsx';

/**
 * A relationship: thickness by strength, dash by form, colour by kind,
 * arrowheads by direction, and a label while hovered or selected. Drawn
 * between the nodes' outlines; `lane` bends parallel relationships apart.
 */
export const RelationshipEdge = memo(function RelationshipEdge({
  id,
  source,
  target,
  data,
  selected,
}: EdgeProps<RelationshipFlowEdge>) {
  const t = useT();
  // One subscription to React Flow's store for both ends and the clip window (see useEdgeEnds).
  const { source: sourceNode, target: targetNode, clip } = useEdgeEnds(source, target);
  const hovered = useBoardView((s) => s.hoveredEdgeId === id);
  const remote = usePresence((s) => s.selectors.get(id));
  const healthColour = useHealthEdgeColour(id);
  if (!sourceNode || !targetNode || !data) return null;

  const { relationship, lane } = data;
  const width = strengthWidth(relationship.strength);
  const colour = healthColour ?? KIND_COLOURS[relationship.kind];
  const markers = directionMarkers(relationship.direction);
  const geometry = floatingGeometry(sourceNode, targetNode, lane);
  const arrowSize = 9 + width * 1.5;
  // Pull the stroke back under each arrowhead so its round cap does not poke past the tip.
  const trimStart = markers.start ? arrowSize * 0.7 : 0;
  const trimEnd = markers.end ? arrowSize * 0.7 : 0;
  // Straight lines are cut to a window around the screen: dashing a whole long line is the big paint cost.
  const cut = isStraight(geometry) ? clippedLine(geometry, clip, trimStart, trimEnd) : undefined;
  if (cut === null) return null;
  const line = cut ? cut.d : edgePath(geometry, trimStart, trimEnd);
  const moving = sourceNode.dragging === true || targetNode.dragging === true;
  // While dragged the edge is redrawn every frame: its outline and hit path are cut to the screen as well
  // (the hit path is invisible, but its length still set how much the browser re-rasterised).
  const full = (moving && cut ? clippedLine(geometry, clip)?.d : undefined) ?? edgePath(geometry);

  return (
    <>
      {remote && (
        <path d={full} fill="none" stroke={remote.colour} strokeWidth={width + 10} strokeOpacity={0.4} />
      )}
      {selected && (
        <path d={full} fill="none" stroke="#0f5fb8" strokeWidth={width + 10} strokeOpacity={0.35} />
      )}
      <path
        className={moving ? 'ip-relationship ip-edge-moving' : 'ip-relationship'}
        d={line}
        fill="none"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={formDashArray(relationship.form, width)}
        strokeDashoffset={cut?.dashOffset}
        strokeLinecap="round"
        data-testid="relationship-path"
        data-relationship-id={id}
        data-kind={relationship.kind}
        data-form={relationship.form}
        data-strength={relationship.strength}
        data-direction={relationship.direction}
      />
      {markers.end && <polygon points={arrowHead(geometry.to, geometry.control, arrowSize)} fill={colour} />}
      {markers.start && (
        <polygon points={arrowHead(geometry.from, geometry.control, arrowSize)} fill={colour} />
      )}
      <path
        className="react-flow__edge-interaction"
        d={full}
        fill="none"
        stroke="#000"
        strokeOpacity={0}
        strokeWidth={Math.max(22, width + 14)}
      />
      <RelationshipEdgeBadges relationship={relationship} x={geometry.middle.x} y={geometry.middle.y} />
      {(hovered || selected) && (
        <EdgeLabelRenderer>
          <div
            className="ip-relationship__label"
            style={{
              transform: `translate(-50%, -50%) translate(${geometry.middle.x}px, ${geometry.middle.y}px)`,
            }}
          >
            {t('canvas.edge.label', {
              kind: t(`kind.${relationship.kind}`),
              strength: relationship.strength,
            })}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
