/**
 * Fast paths for `repair.ts`. Nearly every entity in a document is valid, and
 * running zod over each field of thousands of entities dominates a cold read
 * of a large board. These functions check the stored fields with plain type
 * tests and return exactly what the repairing schemas would return for valid
 * input, or `null` when anything is off — the caller then runs the repairing
 * schema, which repairs and reports as before.
 */
import type { EntityMap } from './document.ts';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH, MAX_THEME_LENGTH, MAX_THEMES, isoDateSchema } from './schema.ts';
import {
  DIRECTIONS,
  FORMS,
  MAX_STRENGTH,
  MIN_STRENGTH,
  RELATIONSHIP_KINDS,
  ROLES,
  SECTORS,
} from './types.ts';
import type { CollaborationForm, Direction, RelationshipKind, Role, Sector, Strength } from './types.ts';

const sectors: ReadonlySet<unknown> = new Set(SECTORS);
const kinds: ReadonlySet<unknown> = new Set(RELATIONSHIP_KINDS);
const forms: ReadonlySet<unknown> = new Set(FORMS);
const directions: ReadonlySet<unknown> = new Set(DIRECTIONS);
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** Themes that need no cleaning: non-empty, short enough, unique, not too many. Returned as a copy. */
function cleanThemes(value: unknown): readonly string[] | null {
  if (!Array.isArray(value) || value.length > MAX_THEMES) return null;
  for (const theme of value) {
    if (typeof theme !== 'string' || theme.length === 0 || theme.length > MAX_THEME_LENGTH) return null;
  }
  return new Set(value).size === value.length ? (value.slice() as string[]) : null;
}

export function fastOrganisationFields(
  map: EntityMap,
): { name: string; sector: Sector; notes: string; themes: readonly string[] } | null {
  const name = map.get('name');
  const sector = map.get('sector');
  const notes = map.get('notes');
  const themes = cleanThemes(map.get('themes'));
  if (!isText(name, MAX_NAME_LENGTH) || !sectors.has(sector) || !isText(notes, MAX_NOTES_LENGTH) || !themes) {
    return null;
  }
  return { name, sector: sector as Sector, notes, themes };
}

export function fastPersonFields(
  map: EntityMap,
): { name: string; organisationId: string | null; roles: Role[]; notes: string } | null {
  const name = map.get('name');
  const organisationId = map.get('organisationId');
  const roles = map.get('roles');
  const notes = map.get('notes');
  if (
    !isText(name, MAX_NAME_LENGTH) ||
    !(organisationId === null || typeof organisationId === 'string') ||
    !Array.isArray(roles) ||
    !isText(notes, MAX_NOTES_LENGTH)
  ) {
    return null;
  }
  // Same canonical order as the schema: unknown roles are dropped silently there too.
  return { name, organisationId, roles: ROLES.filter((r) => roles.includes(r)), notes };
}

export function fastProjectFields(
  map: EntityMap,
): { name: string; colour: string; description: string; themes: readonly string[] } | null {
  const name = map.get('name');
  const colour = map.get('colour');
  const description = map.get('description');
  const themes = cleanThemes(map.get('themes'));
  if (
    !isText(name, MAX_NAME_LENGTH) ||
    typeof colour !== 'string' ||
    !COLOUR.test(colour) ||
    !isText(description, MAX_NOTES_LENGTH) ||
    !themes
  ) {
    return null;
  }
  return { name, colour: colour.toLowerCase(), description, themes };
}

export function fastRelationshipFields(map: EntityMap): {
  source: string;
  target: string;
  strength: Strength;
  kind: RelationshipKind;
  form: CollaborationForm;
  direction: Direction;
  notes: string;
  lastChecked: string | null;
} | null {
  const source = map.get('source');
  const target = map.get('target');
  const strength = map.get('strength');
  const kind = map.get('kind');
  const form = map.get('form');
  const direction = map.get('direction');
  const notes = map.get('notes');
  const lastChecked = map.get('lastChecked');
  if (
    typeof source !== 'string' ||
    typeof target !== 'string' ||
    typeof strength !== 'number' ||
    !Number.isInteger(strength) ||
    strength < MIN_STRENGTH ||
    strength > MAX_STRENGTH ||
    !kinds.has(kind) ||
    !forms.has(form) ||
    !directions.has(direction) ||
    !isText(notes, MAX_NOTES_LENGTH) ||
    !(
      lastChecked === null ||
      (typeof lastChecked === 'string' && isoDateSchema.safeParse(lastChecked).success)
    )
  ) {
    return null;
  }
  return {
    source,
    target,
    strength: strength as Strength,
    kind: kind as RelationshipKind,
    form: form as CollaborationForm,
    direction: direction as Direction,
    notes,
    lastChecked,
  };
}
