import { directionMarkers, strengthWidth } from '../../theme/relationshipStyle.ts';
import { arrowHead, edgePath, floatingGeometry } from '../edges/floatingGeometry.ts';
import type { NodeBox } from '../edges/floatingGeometry.ts';
import { DIMMED_CLASS } from '../view/flowTypes.ts';
import type { BoardFlowEdge } from '../view/flowTypes.ts';

/** The colour of person → organisation links (as `AffiliationEdge`). */
const AFFILIATION_COLOUR = '#64748b';
const AFFILIATION_WIDTH = 1.5;

/** All lines of one colour and width as one path, and their arrowheads as one filled path. */
export interface StrokeGroup {
  readonly key: string;
  readonly colour: string;
  readonly width: number;
  /** The lines the view dims (`DIMMED_CLASS`), drawn faded as React Flow's copies are. */
  readonly faded: boolean;
  readonly d: string;
  readonly arrows: string;
}

function polygonPath(points: string): string {
  return `M ${points.split(' ').join(' L ')} Z`;
}

/**
 * Every edge drawn as in the "far" level of detail (solid lines, colour by
 * the view's colour, width by strength, arrowheads), batched into one path per
 * colour and width: a few dozen SVG elements for the whole board instead of
 * thousands of edge components.
 */
export function overviewEdgePaths(
  edges: readonly BoardFlowEdge[],
  boxOf: (id: string) => NodeBox | undefined,
): StrokeGroup[] {
  const groups = new Map<
    string,
    { colour: string; width: number; faded: boolean; d: string[]; arrows: string[] }
  >();
  let faded = false;
  const group = (colour: string, width: number) => {
    const key = `${colour}|${width}|${faded ? 'faded' : ''}`;
    let found = groups.get(key);
    if (!found) {
      found = { colour, width, faded, d: [], arrows: [] };
      groups.set(key, found);
    }
    return found;
  };
  for (const edge of edges) {
    faded = edge.className === DIMMED_CLASS;
    const source = boxOf(edge.source);
    const target = boxOf(edge.target);
    if (!source || !target) continue;
    if (edge.type === 'affiliation') {
      group(AFFILIATION_COLOUR, AFFILIATION_WIDTH).d.push(edgePath(floatingGeometry(source, target)));
      continue;
    }
    if (!edge.data) continue;
    const { relationship, lane, colour } = edge.data;
    const width = strengthWidth(relationship.strength);
    const markers = directionMarkers(relationship.direction);
    const geometry = floatingGeometry(source, target, lane);
    const arrowSize = 9 + width * 1.5;
    const into = group(colour, width);
    into.d.push(edgePath(geometry, markers.start ? arrowSize * 0.7 : 0, markers.end ? arrowSize * 0.7 : 0));
    if (markers.end) into.arrows.push(polygonPath(arrowHead(geometry.to, geometry.control, arrowSize)));
    if (markers.start) into.arrows.push(polygonPath(arrowHead(geometry.from, geometry.control, arrowSize)));
  }
  return [...groups].map(([key, { colour, width, faded: dim, d, arrows }]) => ({
    key,
    colour,
    width,
    faded: dim,
    d: d.join(' '),
    arrows: arrows.join(' '),
  }));
}
