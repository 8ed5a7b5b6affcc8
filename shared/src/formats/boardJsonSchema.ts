/**
 * The board file's schema, one per version, with the migration from each
 * version to the next beside it. The parser migrates a file up to the current
 * version first and then validates it against the current schema only.
 *
 * - Version 1: organisations, people, projects, relationships.
 * - Version 2: adds `settings`, `annotations` (comment threads and free notes
 *   with their messages), `health` (scores per relationship and scorer) and
 *   `giveTake` (per organisation). A version 1 file becomes a version 2 file
 *   with no annotations, scores or give-and-take, and no settings.
 */
import { z } from 'zod';
import { GIVE_TAKE_RESOURCES, ROLES } from '../board/types.ts';
import type { GiveTakeResource, HealthDimension } from '../board/types.ts';
import {
  colourSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  notesSchema,
  positionSchema,
  strengthSchema,
  themesSchema,
  timestampSchema,
} from '../board/records/fields.ts';
import { giveTakeLevelSchema } from '../board/records/giveTake.ts';
import { healthDimensionSchema, healthScoreSchema, scorerSchema } from '../board/records/healthScore.ts';
import { sectorSchema } from '../board/records/organisation.ts';
import { directionSchema, formSchema, kindSchema } from '../board/records/relationship.ts';
import { settingsSchema } from '../board/records/settings.ts';
import { authorSchema, messageTextSchema } from '../board/records/thread.ts';

export const BOARD_JSON_FORMAT = 'interplay-board';
export const BOARD_JSON_SCHEMA_VERSION = 2;

const id = idSchema;
// Names are matched on import, so a blank one is refused; otherwise the model's own rules apply.
const name = nameSchema.refine((text) => text.trim().length > 0, 'expected a non-empty name');
const notes = notesSchema.optional();
const themes = themesSchema.optional();
const position = positionSchema.nullable().optional();

/** The four entity lists, the same in versions 1 and 2. */
const entities = {
  title: z.string().optional(),
  organisations: z.array(z.object({ id, name, sector: sectorSchema, notes, themes, position })),
  people: z.array(
    z.object({
      id,
      name,
      organisationId: id.nullable().optional(),
      roles: z.array(z.enum(ROLES)).optional(),
      notes,
      position,
    }),
  ),
  projects: z.array(
    z.object({
      id,
      name,
      colour: colourSchema.optional(),
      description: notes,
      themes,
      memberIds: z.array(id).optional(),
    }),
  ),
  relationships: z.array(
    z.object({
      id,
      source: id,
      target: id,
      strength: strengthSchema.optional(),
      kind: kindSchema.optional(),
      form: formSchema.optional(),
      direction: directionSchema.optional(),
      notes,
      lastChecked: isoDateSchema.nullable().optional(),
    }),
  ),
};

const messageSchema = z.object({
  id,
  author: authorSchema,
  text: messageTextSchema,
  createdAt: timestampSchema,
});

const threadSchema = z
  .object({
    id,
    target: id.nullable(),
    position: positionSchema.nullable(),
    createdAt: timestampSchema,
    author: authorSchema,
    resolved: z.boolean(),
    resolvedBy: authorSchema.nullable().optional(),
    resolvedAt: timestampSchema.nullable().optional(),
    messages: z.array(messageSchema).min(1, 'a thread has at least one message'),
  })
  .refine((t) => (t.target === null) !== (t.position === null), {
    message: 'a thread has either a target or a position',
    path: ['target'],
  });

/** Scorer ids are part of the document's keys, so they may not hold the key separator. */
const scorerIdSchema = scorerSchema.shape.id.refine((text) => !text.includes('/'), 'must not contain "/"');

const healthEntrySchema = z.object({
  relationshipId: id,
  scorerId: scorerIdSchema,
  name: scorerSchema.shape.name,
  scores: z
    .partialRecord(healthDimensionSchema, healthScoreSchema)
    .refine((scores) => Object.keys(scores).length > 0, 'at least one score'),
  updatedAt: timestampSchema,
});

const sidesSchema = z.object({ brings: giveTakeLevelSchema, takes: giveTakeLevelSchema });
const giveTakeEntrySchema = z.object({
  organisationId: id,
  ...(Object.fromEntries(GIVE_TAKE_RESOURCES.map((resource) => [resource, sidesSchema])) as Record<
    GiveTakeResource,
    typeof sidesSchema
  >),
});

export const boardFileSchema = z.object({
  format: z.literal(BOARD_JSON_FORMAT),
  schemaVersion: z.literal(BOARD_JSON_SCHEMA_VERSION),
  ...entities,
  settings: settingsSchema.optional(),
  annotations: z.array(threadSchema),
  health: z.array(healthEntrySchema),
  giveTake: z.array(giveTakeEntrySchema),
});

export type BoardFile = z.infer<typeof boardFileSchema>;
export type HealthEntry = z.infer<typeof healthEntrySchema>;
export type ScoresByDimension = Partial<Record<HealthDimension, number>>;

/**
 * Brings a file of an older version up to the current one (version 1: no
 * annotations, scores, give-and-take or settings). Anything that is not a
 * recognisable older file is returned as it is, for the schema to report.
 */
export function migrateBoardFile(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const file = data as Record<string, unknown>;
  if (file.schemaVersion === 1) {
    return { ...file, schemaVersion: 2, annotations: [], health: [], giveTake: [] };
  }
  return data;
}
