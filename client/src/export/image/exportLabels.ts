import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '@interplay/shared';
import type { CollaborationForm, Direction, RelationshipKind, Role, Sector } from '@interplay/shared';
import { translate } from '../../i18n/index.ts';
import type { Language } from '../../i18n/index.ts';

/**
 * Every word an image export prints, already translated. Plain data, so it
 * crosses into the SVG worker; `buildBoardSvg` never looks strings up itself.
 */
export interface ExportLabels {
  readonly sectors: Readonly<Record<Sector, string>>;
  readonly roles: Readonly<Record<Role, string>>;
  readonly roleHelp: Readonly<Record<Role, string>>;
  readonly kinds: Readonly<Record<RelationshipKind, string>>;
  readonly forms: Readonly<Record<CollaborationForm, string>>;
  readonly formHelp: Readonly<Record<CollaborationForm, string>>;
  readonly directions: Readonly<Record<Direction, string>>;
  readonly legend: {
    readonly title: string;
    readonly sectors: string;
    readonly roles: string;
    readonly kinds: string;
    readonly forms: string;
    readonly strength: string;
    readonly directions: string;
    readonly projects: string;
    readonly projectArea: string;
    readonly projectOutsider: string;
    readonly personLink: string;
    /** Colour by health: the scale's title, its ends, and "not scored". */
    readonly health: string;
    readonly healthLow: string;
    readonly healthHigh: string;
    readonly healthNone: string;
  };
  /** A relationship's label, with `{kind}` and `{strength}` placeholders. */
  readonly edgeLabel: string;
  /** The small credit line at the bottom. */
  readonly madeWith: string;
}

const DIRECTIONS: readonly Direction[] = ['none', 'oneWay', 'bothWays'];

function record<K extends string>(keys: readonly K[], label: (key: K) => string): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, label(key)])) as Record<K, string>;
}

/** The export's words in `language`, from the canvas's own messages (so the export says what the legend on screen says). */
export function exportLabels(language: Language): ExportLabels {
  const t = (key: Parameters<typeof translate>[1]): string => translate(language, key);
  return {
    sectors: record(SECTORS, (s) => t(`sector.${s}`)),
    roles: record(ROLES, (r) => t(`roleBadge.${r}`)),
    roleHelp: record(ROLES, (r) => t(`roleBadge.${r}Help`)),
    kinds: record(RELATIONSHIP_KINDS, (k) => t(`kind.${k}`)),
    forms: record(FORMS, (f) => t(`form.${f}`)),
    formHelp: record(FORMS, (f) => t(`form.${f}Help`)),
    directions: record(DIRECTIONS, (d) => t(`direction.${d}`)),
    legend: {
      title: t('legend.title'),
      sectors: t('legend.sectors'),
      roles: t('legend.roles'),
      kinds: t('legend.kinds'),
      forms: t('legend.forms'),
      strength: t('legend.strength'),
      directions: t('legend.directions'),
      projects: t('legend.projects'),
      projectArea: t('legend.projectArea'),
      projectOutsider: t('legend.projectOutsider'),
      personLink: t('legend.personLink'),
      health: t('health.legend'),
      healthLow: t('health.legendLow'),
      healthHigh: t('health.legendHigh'),
      healthNone: t('health.legendNone'),
    },
    edgeLabel: t('canvas.edge.label'),
    madeWith: t('export.madeWith'),
  };
}
