import { useMemo } from 'react';
import { useMapView } from '../MapContext.ts';
import { nodeBox } from '../view/nodeBox.ts';
import { selectNodes } from '../view/selectors.ts';
import type { EdgeGeometry, Point } from './floatingGeometry.ts';
import { lineBadgeSpot } from './lineBadgeSpot.ts';
import type { BadgeSize } from './lineBadgeSpot.ts';

/**
 * Where a relationship's badges go on the map (`lineBadgeSpot`): on its line, clear of every card and
 * person near it. Reads the map's nodes, so call it only where there are badges to draw.
 */
export function useLineBadgeSpot(line: EdgeGeometry, size: BadgeSize): Point {
  const nodes = useMapView(selectNodes);
  const { from, control, to } = line;
  const [fx, fy, cx, cy, tx, ty] = [from.x, from.y, control.x, control.y, to.x, to.y];
  const { width, height, lift } = size;
  return useMemo(() => {
    const geometry: EdgeGeometry = {
      from: { x: fx, y: fy },
      control: { x: cx, y: cy },
      to: { x: tx, y: ty },
      middle: { x: 0.25 * fx + 0.5 * cx + 0.25 * tx, y: 0.25 * fy + 0.5 * cy + 0.25 * ty },
    };
    // Only boxes that a badge anywhere along the line could touch.
    const left = Math.min(fx, cx, tx) - width;
    const right = Math.max(fx, cx, tx) + width;
    const top = Math.min(fy, cy, ty) - lift - height - 4;
    const bottom = Math.max(fy, cy, ty);
    const near = nodes
      .map((node) => nodeBox(node, null))
      .filter((b) => b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top);
    return lineBadgeSpot(geometry, { width, height, lift }, near);
  }, [nodes, fx, fy, cx, cy, tx, ty, width, height, lift]);
}
