import { memo } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { useT } from '../../i18n/index.ts';
import { directionMarkers, formDashArray, strengthWidth } from '../../theme/relationshipStyle.ts';
import { useMapContext, useMapView, useMapPresence } from '../MapContext.ts';
import type { RelationshipEdgeData, RelationshipFlowEdge } from '../view/flowTypes.ts';
import { arrowHead, edgePath, floatingGeometry } from './floatingGeometry.ts';
import type { NodeBox } from './floatingGeometry.ts';
import { clippedLine, isStraight } from '../layers/edgeClip.ts';
import type { ClipRect } from '../layers/edgeClip.ts';
import { useEdgeEnds } from '../reactFlow/useEdgeEnds.ts';

/**
 * A relationship as React Flow draws it. While one of its nodes is dragged on
 * this page it draws nothing: `<DraggedEdges>` draws it then, with the other
 * dragged lines in one layer (see there).
 */
export const RelationshipEdge = memo(function RelationshipEdge({
  id,
  source,
  target,
  data,
  selected,
}: EdgeProps<RelationshipFlowEdge>) {
  // One subscription to React Flow's store for both ends and the clip window (see useEdgeEnds).
  const ends = useEdgeEnds(source, target);
  if (ends.dragged || !ends.source || !ends.target || !data) return null;
  return (
    <RelationshipDrawing
      id={id}
      data={data}
      selected={selected === true}
      sourceNode={ends.source}
      targetNode={ends.target}
      clip={ends.clip}
      moving={false}
    />
  );
});

export interface RelationshipDrawingProps {
  readonly id: string;
  readonly data: RelationshipEdgeData;
  readonly selected: boolean;
  readonly sourceNode: NodeBox;
  readonly targetNode: NodeBox;
  /** Straight lines are cut to this window (flow coordinates). */
  readonly clip: ClipRect;
  /** Drawn on every frame of a drag (`<DraggedEdges>`): outlines cut too, no hit path. */
  readonly moving: boolean;
}

/**
 * A relationship: thickness by strength, dash by form, colour by kind,
 * arrowheads by direction, and a label while hovered or selected. Drawn
 * between the nodes' outlines; `lane` bends parallel relationships apart.
 */
export function RelationshipDrawing({
  id,
  data,
  selected,
  sourceNode,
  targetNode,
  clip,
  moving,
}: RelationshipDrawingProps) {
  const t = useT();
  const hovered = useMapView((s) => s.hoveredEdgeId === id);
  const remote = useMapPresence((s) => s.selectors.get(id));
  const { EdgeBadges } = useMapContext().decorations;
  const { relationship, lane, colour } = data;
  const width = strengthWidth(relationship.strength);
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
  // While dragged the edge is redrawn every frame: its outlines are cut to the screen as well.
  const full = (moving && cut ? clippedLine(geometry, clip)?.d : undefined) ?? edgePath(geometry);

  return (
    <>
      {remote && (
        <path
          className="ip-edge-halo"
          d={full}
          fill="none"
          stroke={remote.colour}
          strokeWidth={width + 10}
          strokeOpacity={0.4}
        />
      )}
      {selected && (
        <path
          className="ip-edge-halo"
          d={full}
          fill="none"
          stroke="#0f5fb8"
          strokeWidth={width + 10}
          strokeOpacity={0.35}
        />
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
      {/* Mid-drag the pointer is captured by the card: nothing can hover or click a line. */}
      {!moving && (
        <path
          className="react-flow__edge-interaction"
          d={full}
          fill="none"
          stroke="#000"
          strokeOpacity={0}
          strokeWidth={Math.max(22, width + 14)}
        />
      )}
      {EdgeBadges && (
        <EdgeBadges relationship={relationship} x={geometry.middle.x} y={geometry.middle.y} line={geometry} />
      )}
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
}
