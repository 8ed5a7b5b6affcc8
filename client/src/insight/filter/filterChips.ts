import type { BoardSnapshot, ProjectId } from '@interplay/shared';
import type { Translate } from '../../i18n/index.ts';
import type { Filters } from '../view/filters.ts';

/** One removable chip: a criterion of the filters in words, and the filters without it. */
export interface FilterChip {
  readonly key: string;
  readonly label: string;
  readonly without: Filters;
}

const without = <T>(list: readonly T[], item: T): T[] => list.filter((x) => x !== item);

/** The chips of the active criteria, one per chosen value (a range is one chip). */
export function filterChips(filters: Filters, snapshot: BoardSnapshot, t: Translate): FilterChip[] {
  const chips: FilterChip[] = [];
  const chip = (key: string, group: string, value: string, rest: Filters): void => {
    chips.push({ key, label: t('insight.chip', { group, value }), without: rest });
  };
  for (const sector of filters.sectors) {
    chip(`sector:${sector}`, t('insight.filter.sector'), t(`sector.${sector}`), {
      ...filters,
      sectors: without(filters.sectors, sector),
    });
  }
  for (const role of filters.roles) {
    chip(`role:${role}`, t('insight.filter.role'), t(`roleBadge.${role}`), {
      ...filters,
      roles: without(filters.roles, role),
    });
  }
  for (const project of filters.projects) {
    const name = snapshot.projects.get(project as ProjectId)?.name ?? '?';
    chip(`project:${project}`, t('insight.filter.project'), name, {
      ...filters,
      projects: without(filters.projects, project),
    });
  }
  for (const theme of filters.themes) {
    chip(`theme:${theme}`, t('insight.filter.theme'), theme, {
      ...filters,
      themes: without(filters.themes, theme),
    });
  }
  for (const kind of filters.kinds) {
    chip(`kind:${kind}`, t('insight.filter.kind'), t(`kind.${kind}`), {
      ...filters,
      kinds: without(filters.kinds, kind),
    });
  }
  for (const form of filters.forms) {
    chip(`form:${form}`, t('insight.filter.form'), t(`form.${form}`), {
      ...filters,
      forms: without(filters.forms, form),
    });
  }
  if (filters.strength) {
    const [from, to] = filters.strength;
    chip('strength', t('insight.filter.strength'), `${from}–${to}`, { ...filters, strength: null });
  }
  if (filters.health) {
    const [from, to] = filters.health;
    chip('health', t('insight.filter.health'), `${from}–${to}`, { ...filters, health: null });
  }
  for (const state of filters.maintenance) {
    chip(`maintenance:${state}`, t('insight.filter.maintenance'), t(`insight.maintenance.${state}`), {
      ...filters,
      maintenance: without(filters.maintenance, state),
    });
  }
  return chips;
}
