import { arrowHead, edgePath } from '../../../canvas/edges/floatingGeometry.ts';
import {
  directionMarkers,
  formDashArray,
  KIND_COLOURS,
  strengthWidth,
} from '../../../theme/relationshipStyle.ts';
import type { ExportLabels } from '../exportLabels.ts';
import type { AffiliationLayout, EdgeLayout } from '../exportLayout.ts';
import { textWidth } from '../../../canvas/text/textMetrics.ts';
import { attrs, escapeXml, num, text } from '../svgMarkup.ts';
import { baseline } from './svgDefs.ts';

/** The dashed person→organisation lines, as AffiliationEdge.tsx draws them. */
export function affiliationsSvg(affiliations: readonly AffiliationLayout[]): string {
  if (affiliations.length === 0) return '';
  const paths = affiliations
    .map((a) => `<path${attrs({ d: a.path, 'data-person': a.person.id })}/>`)
    .join('');
  return `<g class="ip-affiliations" fill="none" stroke="#64748b" stroke-width="1.5" stroke-dasharray="5 4">${paths}</g>`;
}

/**
 * A relationship as RelationshipEdge.tsx draws it: width by strength, dash
 * by form, colour by kind, and arrowheads by direction. Arrowheads are the
 * canvas's own triangles (not `<marker>`s), so their size follows the stroke
 * exactly as on screen and every SVG editor shows them. `colour` replaces the
 * kind's colour (colour by health).
 */
export function relationshipSvg({ relationship, geometry }: EdgeLayout, colour?: string): string {
  const width = strengthWidth(relationship.strength);
  const fill = escapeXml(colour ?? KIND_COLOURS[relationship.kind]);
  const markers = directionMarkers(relationship.direction);
  const arrowSize = 9 + width * 1.5;
  const line = edgePath(geometry, markers.start ? arrowSize * 0.7 : 0, markers.end ? arrowSize * 0.7 : 0);
  const dash = formDashArray(relationship.form, width);
  // Written out rather than through `attrs`: 5,000 of these on a large board. Path data, points and
  // dash arrays are numbers we print ourselves, so they need no escaping.
  let out =
    `<path d="${line}" fill="none" stroke="${fill}" stroke-width="${num(width)}"` +
    (dash === undefined ? '' : ` stroke-dasharray="${dash}"`) +
    ` stroke-linecap="round" data-id="${escapeXml(relationship.id)}" data-kind="${escapeXml(relationship.kind)}"/>`;
  if (markers.end)
    out += `<polygon points="${arrowHead(geometry.to, geometry.control, arrowSize)}" fill="${fill}"/>`;
  if (markers.start)
    out += `<polygon points="${arrowHead(geometry.from, geometry.control, arrowSize)}" fill="${fill}"/>`;
  return out;
}

const LABEL_SIZE = 14;

/** The label the canvas shows on a hovered edge ("Funding · strength 4"), here for every relationship. */
export function relationshipLabelSvg({ relationship, geometry }: EdgeLayout, labels: ExportLabels): string {
  const content = labels.edgeLabel
    .replace('{kind}', labels.kinds[relationship.kind])
    .replace('{strength}', String(relationship.strength));
  const width = textWidth(content, LABEL_SIZE, 600) + 16 + 3;
  const height = LABEL_SIZE * 1.5 + 6 + 3;
  const { x, y } = geometry.middle;
  return (
    `<rect${attrs({ x: x - width / 2, y: y - height / 2, width, height, rx: 6 })} fill="#ffffff" stroke="#94a3b8" stroke-width="1.5"/>` +
    text(content, {
      x,
      y: num(baseline(y - height / 2 + 4.5, LABEL_SIZE * 1.5, LABEL_SIZE)),
      'font-size': LABEL_SIZE,
      'font-weight': 600,
      'text-anchor': 'middle',
      fill: '#111827',
    })
  );
}
