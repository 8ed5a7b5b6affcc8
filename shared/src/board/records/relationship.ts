/**
 * The relationship record: what commands accept, how the reader repairs what is stored, and the numbered
 * migrations of its stored fields. The ends are stored as node ids; whether they exist is the reader's
 * business (`read.ts`), since it depends on the rest of the board.
 */
import { z } from 'zod';
import type { EntityMap } from '../document.ts';
import { DIRECTIONS, FORMS, RELATIONSHIP_KINDS } from '../types.ts';
import type { NodeId, Relationship, RelationshipId } from '../types.ts';
import {
  MAX_NOTES_LENGTH,
  isoDateSchema,
  notesSchema,
  oneOf,
  repairIsoDate,
  repairStrength,
  repairString,
  repairText,
  reporters,
  strengthSchema,
} from './fields.ts';
import type { RecordMigration } from './recordMigration.ts';

export const kindSchema = z.enum(RELATIONSHIP_KINDS);
export const formSchema = z.enum(FORMS);
export const directionSchema = z.enum(DIRECTIONS);

/** The fields a command may set; the ends are given to `connect` and never change. */
export const relationshipFieldsSchema = z.strictObject({
  strength: strengthSchema,
  kind: kindSchema,
  form: formSchema,
  direction: directionSchema,
  notes: notesSchema,
  lastChecked: isoDateSchema.nullable(),
});

const report = reporters('relationship', [
  'source',
  'target',
  'strength',
  'kind',
  'form',
  'direction',
  'notes',
  'lastChecked',
]);
const repairKind = oneOf(RELATIONSHIP_KINDS, 'collaboration');
const repairForm = oneOf(FORMS, 'coordinate');
const repairDirection = oneOf(DIRECTIONS, 'none');

/** The relationship stored in `map`; its ends may still be missing nodes. */
export function readRelationship(id: string, map: EntityMap): Relationship {
  return {
    id: id as RelationshipId,
    source: repairString(map.get('source'), report.source) as NodeId,
    target: repairString(map.get('target'), report.target) as NodeId,
    strength: repairStrength(map.get('strength'), report.strength),
    kind: repairKind(map.get('kind'), report.kind),
    form: repairForm(map.get('form'), report.form),
    direction: repairDirection(map.get('direction'), report.direction),
    notes: repairText(map.get('notes'), MAX_NOTES_LENGTH, report.notes),
    lastChecked: repairIsoDate(map.get('lastChecked'), report.lastChecked),
  };
}

/** Steps after schema version 1, oldest first. */
export const relationshipMigrations: readonly RecordMigration[] = [];
