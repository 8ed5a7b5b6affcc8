import { SECTOR_COLOURS, SECTOR_TINTS } from '../../../theme/sectors.ts';
import type { OrganisationLayout, PersonLayout } from '../exportLayout.ts';
import { ORG, ORG_TEXT_X, PERSON } from '../exportLayout.ts';
import { attrs, escapeXml, num, text } from '../svgMarkup.ts';
import { baseline, roleBadgeId, sectorIconId, shapeRef } from './svgDefs.ts';

/**
 * The constant attributes of a card's texts, written once: a large board has
 * thousands of cards, and `attrs` per line would rebuild the same strings.
 */
const ORG_TEXT = {
  x: num(ORG_TEXT_X),
  name: attrs({ 'font-size': ORG.nameSize, 'font-weight': 700, fill: '#111827' }),
  sector: attrs({
    'font-size': ORG.sectorSize,
    'font-weight': 600,
    'letter-spacing': ORG.sectorSize * ORG.sectorLetterSpacingEm,
    fill: '#374151',
  }),
};

/**
 * An organisation card as `.ip-org` draws it: the sector colour as border
 * (8 px on the left), the tint inside, the icon in a sector-coloured disc,
 * the name in bold and the sector in small capitals.
 */
export function organisationSvg(layout: OrganisationLayout): string {
  const { organisation, box, nameLines, sectorLines } = layout;
  const colour = escapeXml(SECTOR_COLOURS[organisation.sector]);
  const tint = escapeXml(SECTOR_TINTS[organisation.sector]);
  const w = box.width;
  const h = box.height;
  const b = ORG.border;
  const l = ORG.leftBorder;
  // The tinted inside, with CSS's inner radii: outer radius 10 minus each border's width.
  const inner =
    `M${l + 2} ${b}H${w - b - 8}A8 8 0 0 1 ${w - b} ${b + 8}V${num(h - b - 8)}` +
    `A8 8 0 0 1 ${w - b - 8} ${num(h - b)}H${l + 2}A2 8 0 0 1 ${l} ${num(h - b - 8)}V${b + 8}A2 8 0 0 1 ${l + 2} ${b}Z`;
  const iconCx = l + ORG.paddingLeft + ORG.icon / 2;
  const cy = h / 2;
  const content = nameLines.length * ORG.nameLineHeight + 2 + sectorLines.length * ORG.sectorLineHeight;
  let top = (h - content) / 2;
  let texts = '';
  for (const line of nameLines) {
    const y = num(baseline(top, ORG.nameLineHeight, ORG.nameSize));
    texts += `<text x="${ORG_TEXT.x}" y="${y}"${ORG_TEXT.name}>${escapeXml(line)}</text>`;
    top += ORG.nameLineHeight;
  }
  top += 2;
  for (const line of sectorLines) {
    const y = num(baseline(top, ORG.sectorLineHeight, ORG.sectorSize));
    texts += `<text x="${ORG_TEXT.x}" y="${y}"${ORG_TEXT.sector}>${escapeXml(line)}</text>`;
    top += ORG.sectorLineHeight;
  }
  // Written out rather than through `attrs` (thousands of cards); the path is our own numbers.
  return (
    `<g class="ip-org" transform="translate(${num(box.x)} ${num(box.y)})"` +
    ` data-id="${escapeXml(organisation.id)}" data-sector="${escapeXml(organisation.sector)}">` +
    // A soft shadow, as box-shadow 0 1px 3px, without an SVG filter (filters are slow to rasterise by the thousand).
    `<rect x="0" y="1.5" width="${w}" height="${num(h)}" rx="10" fill="#101828" fill-opacity="0.1"/>` +
    `<rect width="${w}" height="${num(h)}" rx="10" fill="${colour}"/>` +
    `<path d="${inner}" fill="${tint}"/>` +
    `<circle cx="${num(iconCx)}" cy="${num(cy)}" r="${num(ORG.icon / 2)}" fill="${colour}"/>` +
    shapeRef(
      sectorIconId(organisation.sector),
      `translate(${num(iconCx - 11)} ${num(cy - 11)}) scale(0.9167)`,
    ) +
    texts +
    `</g>`
  );
}

/** A person as `.ip-person` draws it: a white circle with initials, role badges on its rim, the name beneath. */
export function personSvg(layout: PersonLayout): string {
  const { person, box, nameLines, nameWidth } = layout;
  const cx = PERSON.width / 2;
  const cy = PERSON.circleTop + PERSON.radius;
  const badgeLeft = cx - PERSON.radius + 38;
  const badges = person.roles
    .map((role, i) =>
      shapeRef(
        roleBadgeId(role),
        `translate(${num(badgeLeft + i * (PERSON.badgeSize + 1))} ${num(cy - PERSON.radius - 8)}) scale(1.25)`,
      ),
    )
    .join('');
  const nameTop = PERSON.circleTop + 2 * PERSON.radius + 4;
  const plateWidth = nameWidth + 2 * PERSON.namePaddingX;
  let names = '';
  nameLines.forEach((line, i) => {
    names += text(line, {
      x: cx,
      y: baseline(nameTop + 1 + i * PERSON.nameLineHeight, PERSON.nameLineHeight, PERSON.nameSize),
      'font-size': PERSON.nameSize,
      'font-weight': 650,
      'text-anchor': 'middle',
      fill: '#111827',
    });
  });
  return (
    `<g${attrs({
      class: 'ip-person',
      transform: `translate(${num(box.x)} ${num(box.y)})`,
      'data-id': person.id,
      'data-roles': person.roles.join(' '),
    })}>` +
    `<circle cx="${cx}" cy="${num(cy + 1)}" r="${PERSON.radius}" fill="#101828" fill-opacity="0.12"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${PERSON.radius - 1.5}" fill="#ffffff" stroke="#334155" stroke-width="3"/>` +
    text(layout.initials, {
      x: cx,
      y: cy + 6.2,
      'font-size': 17,
      'font-weight': 800,
      'letter-spacing': 0.34,
      'text-anchor': 'middle',
      fill: '#1e293b',
    }) +
    badges +
    (nameLines.length > 0
      ? `<rect${attrs({
          x: cx - plateWidth / 2,
          y: nameTop,
          width: plateWidth,
          height: nameLines.length * PERSON.nameLineHeight + 2,
          rx: 6,
        })} fill="#ffffff" fill-opacity="0.88"/>` + names
      : '') +
    `</g>`
  );
}
