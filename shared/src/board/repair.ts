/**
 * Lenient, repairing counterparts of the entity schemas: they turn whatever a
 * client wrote into one entity's `Y.Map` into a valid entity, field by field,
 * and report each kind of problem once. References to other entities
 * (relationship ends, members, a person's organisation) are checked in
 * `read.ts`, because they depend on the rest of the board.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { MEMBERS_KEY } from './document.ts';
import type { EntityKind, EntityMap } from './document.ts';
import { reportProblem } from './problems.ts';
import {
  fastOrganisationFields,
  fastPersonFields,
  fastProjectFields,
  fastRelationshipFields,
} from './repairFast.ts';
import {
  DEFAULT_PROJECT_COLOURS,
  DEFAULT_STRENGTH,
  MAX_COORDINATE,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_THEME_LENGTH,
  MAX_THEMES,
  isoDateSchema,
} from './schema.ts';
import {
  DIRECTIONS,
  FORMS,
  MAX_STRENGTH,
  MIN_STRENGTH,
  RELATIONSHIP_KINDS,
  ROLES,
  SECTORS,
} from './types.ts';
import type {
  NodeId,
  Organisation,
  OrganisationId,
  Person,
  Position,
  Project,
  ProjectId,
  Relationship,
  RelationshipId,
  PersonId,
  Strength,
} from './types.ts';

/** Report once per kind, field and sort of problem (the example value is only in the message). */
function problem(kind: EntityKind, field: string, what: string, example?: unknown): void {
  const detail = example === undefined ? '' : ` (e.g. ${describe(example)})`;
  reportProblem(`${kind}.${field}.${what}`, `${kind} ${field}: ${what}${detail}; repaired`);
}

/** A field that falls back to `fallback` (and reports) when the value does not fit `schema`. */
function orDefault<T>(kind: EntityKind, field: string, schema: z.ZodType<T>, fallback: T): z.ZodType<T> {
  return schema.catch((ctx) => {
    if (ctx.value === undefined) problem(kind, field, 'missing');
    else problem(kind, field, 'invalid', ctx.value);
    return fallback;
  }) as unknown as z.ZodType<T>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Y.AbstractType) return 'Yjs type';
  if (typeof value === 'string') return value.length > 40 ? 'long string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

/** A string, cut to `max` characters (a 1 MB label must not reach the page). */
function text(kind: EntityKind, field: string, max: number): z.ZodType<string> {
  return orDefault(
    kind,
    field,
    z.string().transform((s) => {
      if (s.length <= max) return s;
      problem(kind, field, 'too long');
      return s.slice(0, max);
    }),
    '',
  );
}

function themes(kind: EntityKind): z.ZodType<readonly string[]> {
  return orDefault(
    kind,
    'themes',
    z.array(z.unknown()).transform((items) => {
      const kept = items.filter((t): t is string => typeof t === 'string' && t.length > 0);
      const cut = kept.map((t) => t.slice(0, MAX_THEME_LENGTH));
      const unique = [...new Set(cut)].slice(0, MAX_THEMES);
      if (unique.length !== items.length || cut.some((t, i) => t !== kept[i]))
        problem(kind, 'themes', 'cleaned');
      return unique;
    }),
    [],
  );
}

function oneOf<T extends string>(
  kind: EntityKind,
  field: string,
  values: readonly T[],
  fallback: T,
): z.ZodType<T> {
  return orDefault(kind, field, z.enum(values as [T, ...T[]]) as unknown as z.ZodType<T>, fallback);
}

const organisationSchema = z.object({
  name: text('organisation', 'name', MAX_NAME_LENGTH),
  sector: oneOf('organisation', 'sector', SECTORS, 'other'),
  notes: text('organisation', 'notes', MAX_NOTES_LENGTH),
  themes: themes('organisation'),
});

const personSchema = z.object({
  name: text('person', 'name', MAX_NAME_LENGTH),
  organisationId: orDefault('person', 'organisationId', z.string().nullable(), null),
  roles: orDefault(
    'person',
    'roles',
    z.array(z.unknown()).transform((roles) => ROLES.filter((r) => roles.includes(r))),
    [],
  ),
  notes: text('person', 'notes', MAX_NOTES_LENGTH),
});

const projectSchema = z.object({
  name: text('project', 'name', MAX_NAME_LENGTH),
  colour: orDefault(
    'project',
    'colour',
    z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .transform((c) => c.toLowerCase()),
    '',
  ),
  description: text('project', 'description', MAX_NOTES_LENGTH),
  themes: themes('project'),
});

const relationshipSchema = z.object({
  source: orDefault('relationship', 'source', z.string(), ''),
  target: orDefault('relationship', 'target', z.string(), ''),
  strength: orDefault(
    'relationship',
    'strength',
    z
      .number()
      .finite()
      .transform((n) => {
        const fixed = Math.min(MAX_STRENGTH, Math.max(MIN_STRENGTH, Math.round(n)));
        if (fixed !== n) problem('relationship', 'strength', 'out of range');
        return fixed as Strength;
      }),
    DEFAULT_STRENGTH,
  ),
  kind: oneOf('relationship', 'kind', RELATIONSHIP_KINDS, 'collaboration'),
  form: oneOf('relationship', 'form', FORMS, 'coordinate'),
  direction: oneOf('relationship', 'direction', DIRECTIONS, 'none'),
  notes: text('relationship', 'notes', MAX_NOTES_LENGTH),
  lastChecked: orDefault('relationship', 'lastChecked', isoDateSchema.nullable(), null),
});

/** Small deterministic hash, so every client repairs a field the same way. */
function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Each coordinate that is not a finite number gets a fallback derived from the
 * id (a spot on a small grid near the origin), so broken nodes neither pile up
 * on one point nor land in different places on different clients.
 */
export function repairPosition(kind: EntityKind, id: string, value: unknown): Position {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as { x?: unknown; y?: unknown };
  const h = hash(id);
  const coordinate = (v: unknown, fallback: number): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problem(kind, 'position', v === undefined ? 'missing' : 'not a finite number');
      return fallback;
    }
    if (Math.abs(v) > MAX_COORDINATE) {
      problem(kind, 'position', 'too far away');
      return Math.sign(v) * MAX_COORDINATE;
    }
    return v;
  };
  return { x: coordinate(raw.x, (h % 16) * 60), y: coordinate(raw.y, ((h >>> 4) % 16) * 60) };
}

function fields(map: EntityMap, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = map.get(key);
  return out;
}

export function repairOrganisation(id: string, map: EntityMap): Organisation {
  const f =
    fastOrganisationFields(map) ??
    organisationSchema.parse(fields(map, ['name', 'sector', 'notes', 'themes']));
  return {
    id: id as OrganisationId,
    ...f,
    position: repairPosition('organisation', id, map.get('position')),
  };
}

/** The person as stored; `organisationId` may still point at a missing organisation. */
export function repairPerson(id: string, map: EntityMap): Person {
  const f =
    fastPersonFields(map) ?? personSchema.parse(fields(map, ['name', 'organisationId', 'roles', 'notes']));
  return {
    id: id as PersonId,
    ...f,
    organisationId: f.organisationId as OrganisationId | null,
    position: repairPosition('person', id, map.get('position')),
  };
}

/** The project as stored; `memberIds` may still list missing nodes (sorted, so every client agrees). */
export function repairProject(id: string, map: EntityMap): Project {
  const f =
    fastProjectFields(map) ?? projectSchema.parse(fields(map, ['name', 'colour', 'description', 'themes']));
  const members = map.get(MEMBERS_KEY);
  let memberIds: NodeId[] = [];
  if (members instanceof Y.Map) {
    memberIds = [...members.keys()].filter((key) => members.get(key) === true).sort() as NodeId[];
  } else if (members !== undefined) {
    problem('project', 'members', 'invalid', members);
  }
  const colour = f.colour || DEFAULT_PROJECT_COLOURS[hash(id) % DEFAULT_PROJECT_COLOURS.length]!;
  return { id: id as ProjectId, ...f, colour, memberIds };
}

/** The relationship as stored; its ends may still be missing nodes. */
export function repairRelationship(id: string, map: EntityMap): Relationship {
  const f =
    fastRelationshipFields(map) ??
    relationshipSchema.parse(fields(map, Object.keys(relationshipSchema.shape)));
  return { id: id as RelationshipId, ...f, source: f.source as NodeId, target: f.target as NodeId };
}
