/**
 * A view of the map the facilitator shows to everyone (through presence): filters, what happens to the
 * rest, a neighbourhood and a highlight. Only ids and words of the model's vocabularies travel, so it stays
 * small; {@link readSharedView} validates whatever arrives.
 */
import { FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '../board/types.ts';
import type { CollaborationForm, RelationshipKind, Role, Sector } from '../board/types.ts';

export const MAINTENANCE_STATES = ['stale', 'fresh', 'never'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

/** What the map is filtered by. Every list is "any of these"; different kinds of criteria combine. */
/** Themes compare without case or accents ("Zorg" and "zorg" are one theme): the key a filter holds. */
export function themeKey(theme: string): string {
  return theme.normalize('NFD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase();
}

export interface ViewFilters {
  readonly sectors: readonly Sector[];
  readonly roles: readonly Role[];
  readonly projects: readonly string[];
  /** Theme keys: without case or accents. */
  readonly themes: readonly string[];
  readonly kinds: readonly RelationshipKind[];
  readonly forms: readonly CollaborationForm[];
  /** Strength from–to (1–5), both included; null: any. */
  readonly strength: readonly [number, number] | null;
  /** Mean health from–to (1–10), both included; unscored relationships do not match. null: any. */
  readonly health: readonly [number, number] | null;
  readonly maintenance: readonly MaintenanceState[];
}

export interface SharedView {
  readonly filters: ViewFilters;
  readonly mode: 'dim' | 'hide';
  readonly neighbourhood: { readonly nodeId: string; readonly steps: 1 | 2 } | null;
  readonly highlight: readonly string[] | null;
}

const MAX_IDS = 200;
const MAX_ID_LENGTH = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ids = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH)
        .slice(0, MAX_IDS)
    : [];

const words = <T extends string>(value: unknown, allowed: readonly T[]): T[] =>
  ids(value).filter((word): word is T => (allowed as readonly string[]).includes(word));

function range(value: unknown, min: number, max: number): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [from, to] = value as unknown[];
  if (typeof from !== 'number' || typeof to !== 'number') return null;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > max || from > to) return null;
  return [from, to];
}

/** A shared view from presence, repaired (unknown words and malformed parts dropped); null when absent. */
export function readSharedView(value: unknown): SharedView | null {
  if (!isRecord(value)) return null;
  const f = isRecord(value.filters) ? value.filters : {};
  const hood = isRecord(value.neighbourhood) ? value.neighbourhood : null;
  const highlight = ids(value.highlight);
  return {
    filters: {
      sectors: words(f.sectors, SECTORS),
      roles: words(f.roles, ROLES),
      projects: ids(f.projects),
      themes: ids(f.themes),
      kinds: words(f.kinds, RELATIONSHIP_KINDS),
      forms: words(f.forms, FORMS),
      strength: range(f.strength, 1, 5),
      health: range(f.health, 1, 10),
      maintenance: words(f.maintenance, MAINTENANCE_STATES),
    },
    mode: value.mode === 'hide' ? 'hide' : 'dim',
    neighbourhood:
      hood &&
      typeof hood.nodeId === 'string' &&
      hood.nodeId.length <= MAX_ID_LENGTH &&
      (hood.steps === 1 || hood.steps === 2)
        ? { nodeId: hood.nodeId, steps: hood.steps }
        : null,
    highlight: highlight.length > 0 ? highlight : null,
  };
}
