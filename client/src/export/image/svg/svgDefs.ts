import { ROLES, SECTORS } from '@interplay/shared';
import type { Role, Sector } from '@interplay/shared';
import { ROLE_BADGES } from '../../../theme/roles.ts';
import { SECTOR_ICON_PATHS } from '../../../theme/sectors.ts';
import { attrs } from '../svgMarkup.ts';

/** Ids of the shared shapes, so 2,000 cards reference one icon each instead of repeating its path. */
export const sectorIconId = (sector: Sector): string => `ip-sector-${sector}`;
export const roleBadgeId = (role: Role): string => `ip-role-${role}`;

/**
 * `<defs>` with the sector icons (24×24, white strokes, as SectorIcon.tsx) and
 * role badges (16×16 disc with a white icon, as RoleBadge.tsx).
 */
export function svgDefs(): string {
  const icons = SECTORS.map(
    (sector) =>
      `<path${attrs({
        id: sectorIconId(sector),
        d: SECTOR_ICON_PATHS[sector],
        fill: 'none',
        stroke: '#ffffff',
        'stroke-width': 2,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      })}/>`,
  );
  const badges = ROLES.map((role) => {
    const badge = ROLE_BADGES[role];
    return (
      `<g id="${roleBadgeId(role)}">` +
      `<circle cx="8" cy="8" r="7.6"${attrs({ fill: badge.colour })} stroke="#ffffff" stroke-width="0.8"/>` +
      `<path${attrs({
        d: badge.iconPath,
        fill: badge.filled ? '#ffffff' : 'none',
        stroke: '#ffffff',
        'stroke-width': badge.filled ? 0.4 : 1.6,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
        transform: 'translate(8 8) scale(0.78) translate(-8 -8)',
      })}/></g>`
    );
  });
  return `<defs>${icons.join('')}${badges.join('')}</defs>`;
}

/** `<use>` of a shared shape; `xlink:href` as well as `href` so older editors (Inkscape 0.92, Illustrator) resolve it. */
export function shapeRef(id: string, transform: string): string {
  return `<use href="#${id}" xlink:href="#${id}" transform="${transform}"/>`;
}

/**
 * The y of a text baseline that centres a line of `fontSize` in a CSS line
 * box of `lineHeight` starting at `top` (Inter: ascent 0.969 em, descent 0.242 em).
 */
export function baseline(top: number, lineHeight: number, fontSize: number): number {
  return top + (lineHeight - 1.211 * fontSize) / 2 + 0.969 * fontSize;
}
