import { useId } from 'react';
import type { ReactNode } from 'react';
import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS, themeKey } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import { useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { MAINTENANCE_STATES } from '../view/filters.ts';
import type { Filters } from '../view/filters.ts';

type ListKey = 'sectors' | 'roles' | 'projects' | 'themes' | 'kinds' | 'forms' | 'maintenance';

/** One group of checkboxes: any of the ticked values passes. */
function CheckGroup({
  legend,
  options,
  chosen,
  onToggle,
  testId,
}: {
  legend: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  chosen: readonly string[];
  onToggle(value: string, on: boolean): void;
  testId: string;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="ip-filter__group" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map(([value, label]) => (
        <label key={value} className="ip-filter__option">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(event) => onToggle(value, event.currentTarget.checked)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** A from–to range of whole numbers; "any" at both ends clears it. */
function RangeGroup({
  legend,
  min,
  max,
  value,
  onChange,
  testId,
}: {
  legend: string;
  min: number;
  max: number;
  value: readonly [number, number] | null;
  onChange(value: readonly [number, number] | null): void;
  testId: string;
}) {
  const t = useT();
  const id = useId();
  const numbers = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const [from, to] = value ?? [min, max];
  const set = (nextFrom: number, nextTo: number): void => {
    const low = Math.min(nextFrom, nextTo);
    const high = Math.max(nextFrom, nextTo);
    onChange(low === min && high === max ? null : [low, high]);
  };
  const select = (label: string, current: number, change: (n: number) => void, suffix: string): ReactNode => (
    <label className="ip-filter__range-end" htmlFor={`${id}-${suffix}`}>
      {label}
      <select
        id={`${id}-${suffix}`}
        value={current}
        data-testid={`${testId}-${suffix}`}
        onChange={(event) => change(Number(event.currentTarget.value))}
      >
        {numbers.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="ip-filter__group ip-filter__range" data-testid={testId}>
      <legend>{legend}</legend>
      {select(t('insight.filter.from'), from, (n) => set(n, to), 'from')}
      {select(t('insight.filter.to'), to, (n) => set(from, n), 'to')}
    </fieldset>
  );
}

/** Every theme on the board (organisations' and projects'), once each, as written first. */
function boardThemes(snapshot: BoardSnapshot): Array<[string, string]> {
  const themes = new Map<string, string>();
  for (const item of [...snapshot.organisations.values(), ...snapshot.projects.values()]) {
    for (const theme of item.themes) if (!themes.has(themeKey(theme))) themes.set(themeKey(theme), theme);
  }
  return [...themes.entries()].sort((a, b) => a[1].localeCompare(b[1]));
}

/** The filter menu's contents: every criterion the map can be filtered by. */
export function FilterPanel({
  filters,
  snapshot,
  onChange,
}: {
  filters: Filters;
  snapshot: BoardSnapshot;
  onChange(filters: Filters): void;
}) {
  const t = useT();
  const toggle =
    (key: ListKey) =>
    (value: string, on: boolean): void => {
      const list = filters[key] as readonly string[];
      onChange({ ...filters, [key]: on ? [...list, value] : list.filter((v) => v !== value) });
    };
  const labelled = <V extends string>(values: readonly V[], key: (v: V) => MessageKey): Array<[V, string]> =>
    values.map((value) => [value, t(key(value))]);
  const sectorsHere = SECTORS.filter((s) => [...snapshot.organisations.values()].some((o) => o.sector === s));
  const projects = [...snapshot.projects.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p): [string, string] => [p.id, p.name]);
  const group = (legend: MessageKey, key: ListKey, options: ReadonlyArray<readonly [string, string]>) => (
    <CheckGroup
      legend={t(legend)}
      options={options}
      chosen={filters[key] as readonly string[]}
      onToggle={toggle(key)}
      testId={`filter-${key}`}
    />
  );

  return (
    <div className="ip-filter__panel">
      {group(
        'insight.filter.sector',
        'sectors',
        labelled(sectorsHere, (s) => `sector.${s}`),
      )}
      {group(
        'insight.filter.role',
        'roles',
        labelled(ROLES, (r) => `roleBadge.${r}`),
      )}
      {group('insight.filter.project', 'projects', projects)}
      {group('insight.filter.theme', 'themes', boardThemes(snapshot))}
      {group(
        'insight.filter.kind',
        'kinds',
        labelled(RELATIONSHIP_KINDS, (k) => `kind.${k}`),
      )}
      {group(
        'insight.filter.form',
        'forms',
        labelled(FORMS, (f) => `form.${f}`),
      )}
      <RangeGroup
        legend={t('insight.filter.strength')}
        min={1}
        max={5}
        value={filters.strength}
        onChange={(strength) => onChange({ ...filters, strength })}
        testId="filter-strength"
      />
      <RangeGroup
        legend={t('insight.filter.health')}
        min={1}
        max={10}
        value={filters.health}
        onChange={(health) => onChange({ ...filters, health })}
        testId="filter-health"
      />
      {group(
        'insight.filter.maintenance',
        'maintenance',
        labelled(MAINTENANCE_STATES, (m) => `insight.maintenance.${m}`),
      )}
    </div>
  );
}
