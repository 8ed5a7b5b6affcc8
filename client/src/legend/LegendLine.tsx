import type { Direction } from '@interplay/shared';
import { directionMarkers } from '../theme/relationshipStyle.ts';

/** A short sample line in the legend. */
export function LegendLine({
  colour,
  width,
  dash,
  direction = 'none',
}: {
  colour: string;
  width: number;
  dash?: string | undefined;
  direction?: Direction;
}) {
  const markers = directionMarkers(direction);
  return (
    <svg className="ip-legend__line" width="56" height="18" viewBox="0 0 56 18" aria-hidden="true">
      <line
        x1={markers.start ? 12 : 4}
        y1="9"
        x2={markers.end ? 44 : 52}
        y2="9"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash}
        strokeLinecap="round"
      />
      {markers.end && <polygon points="54,9 43,3.5 43,14.5" fill={colour} />}
      {markers.start && <polygon points="2,9 13,3.5 13,14.5" fill={colour} />}
    </svg>
  );
}
