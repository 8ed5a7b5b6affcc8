/**
 * Strict zod schemas for what commands accept (and, later, what imports
 * accept). The reader's lenient, repairing counterparts are in `repair.ts`.
 */
import { z } from 'zod';
import {
  DIRECTIONS,
  FORMS,
  GIVE_TAKE_LEVELS,
  GIVE_TAKE_RESOURCES,
  GIVE_TAKE_SIDES,
  HEALTH_DIMENSIONS,
  MAX_HEALTH_SCORE,
  MIN_HEALTH_SCORE,
  PHASES,
  MAX_STRENGTH,
  MIN_STRENGTH,
  RELATIONSHIP_KINDS,
  ROLES,
  SECTORS,
} from './types.ts';
import type { Strength } from './types.ts';

export const MAX_NAME_LENGTH = 200;
export const MAX_NOTES_LENGTH = 5000;
export const MAX_THEME_LENGTH = 100;
export const MAX_THEMES = 50;
/** Positions beyond this are clamped by the reader and rejected by commands. */
export const MAX_COORDINATE = 10_000_000;

export const DEFAULT_STRENGTH: Strength = 3;

export const nameSchema = z.string().max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`);
export const notesSchema = z.string().max(MAX_NOTES_LENGTH, `at most ${MAX_NOTES_LENGTH} characters`);
export const themesSchema = z
  .array(z.string().min(1).max(MAX_THEME_LENGTH))
  .max(MAX_THEMES)
  .transform((themes) => [...new Set(themes)]);
export const sectorSchema = z.enum(SECTORS);
export const rolesSchema = z
  .array(z.enum(ROLES))
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));
export const kindSchema = z.enum(RELATIONSHIP_KINDS);
export const formSchema = z.enum(FORMS);
export const directionSchema = z.enum(DIRECTIONS);
export const strengthSchema = z
  .number()
  .int(`an integer from ${MIN_STRENGTH} to ${MAX_STRENGTH}`)
  .min(MIN_STRENGTH)
  .max(MAX_STRENGTH)
  .transform((n) => n as Strength);
export const colourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a2b3c')
  .transform((c) => c.toLowerCase());
const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
export const positionSchema = z.object({ x: coordinate, y: coordinate }).transform(({ x, y }) => ({ x, y }));
/** ISO calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z.iso.date();
export const idSchema = z.string().min(1).max(128);

export const organisationFieldsSchema = z.strictObject({
  name: nameSchema,
  sector: sectorSchema,
  notes: notesSchema,
  themes: themesSchema,
  position: positionSchema,
});

export const personFieldsSchema = z.strictObject({
  name: nameSchema,
  organisationId: idSchema.nullable(),
  roles: rolesSchema,
  notes: notesSchema,
  position: positionSchema,
});

export const projectFieldsSchema = z.strictObject({
  name: nameSchema,
  colour: colourSchema,
  description: notesSchema,
  themes: themesSchema,
  memberIds: z.array(idSchema),
});

export const relationshipFieldsSchema = z.strictObject({
  strength: strengthSchema,
  kind: kindSchema,
  form: formSchema,
  direction: directionSchema,
  notes: notesSchema,
  lastChecked: isoDateSchema.nullable(),
});

/**
 * Parse command input or throw an Error naming the command and each bad field,
 * e.g. `setStrength: strength: Too big: expected number to be <=5`.
 */
export function parseInput<S extends z.ZodType>(command: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
      .join('; ');
    throw new Error(`${command}: invalid input (${details})`);
  }
  return result.data;
}

/** Colours given to new projects that do not choose one (cycled), and the reader's fallback. */
export const DEFAULT_PROJECT_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#9c755f',
] as const;

// --- Facilitation: settings, annotations, health checks, give and take ---

/** Six months: a relationship not checked for longer is flagged for maintenance. */
export const DEFAULT_STALE_AFTER_DAYS = 182;
export const MAX_STALE_AFTER_DAYS = 3650;
/** Longest annotation message. */
export const MAX_MESSAGE_LENGTH = MAX_NOTES_LENGTH;
/** Longest author or scorer display name. */
export const MAX_AUTHOR_NAME_LENGTH = 100;

export const phaseSchema = z.enum(PHASES);
export const staleAfterDaysSchema = z.number().int('a whole number of days').min(1).max(MAX_STALE_AFTER_DAYS);
export const settingsSchema = z.strictObject({
  layoutLocked: z.boolean(),
  boardLocked: z.boolean(),
  phase: phaseSchema,
  staleAfterDays: staleAfterDaysSchema,
  viewersMayComment: z.boolean(),
});

export const authorSchema = z
  .strictObject({
    name: z.string().max(MAX_AUTHOR_NAME_LENGTH),
    colour: colourSchema,
  })
  .transform(({ name, colour }) => ({ name, colour }));
export const messageTextSchema = z
  .string()
  .min(1, 'not empty')
  .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`);
/** Milliseconds since the epoch (a time the command may be given, e.g. in tests). */
export const timestampSchema = z.number().int().min(0).max(8.64e15);

export const healthDimensionSchema = z.enum(HEALTH_DIMENSIONS);
export const healthScoreSchema = z
  .number()
  .int(`an integer from ${MIN_HEALTH_SCORE} to ${MAX_HEALTH_SCORE}`)
  .min(MIN_HEALTH_SCORE)
  .max(MAX_HEALTH_SCORE);
export const scorerSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(MAX_AUTHOR_NAME_LENGTH),
});

export const giveTakeResourceSchema = z.enum(GIVE_TAKE_RESOURCES);
export const giveTakeSideSchema = z.enum(GIVE_TAKE_SIDES);
export const giveTakeLevelSchema = z.enum(GIVE_TAKE_LEVELS);
