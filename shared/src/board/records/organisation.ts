/**
 * The organisation record: what commands accept, how the reader repairs what is stored, and the numbered
 * migrations of its stored fields.
 */
import { z } from 'zod';
import type { EntityMap } from '../document.ts';
import { SECTORS } from '../types.ts';
import type { Organisation, OrganisationId } from '../types.ts';
import {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  nameSchema,
  notesSchema,
  oneOf,
  positionSchema,
  repairPosition,
  repairText,
  repairThemes,
  reporters,
  themesSchema,
} from './fields.ts';
import type { RecordMigration } from './recordMigration.ts';

export const sectorSchema = z.enum(SECTORS);

export const organisationFieldsSchema = z.strictObject({
  name: nameSchema,
  sector: sectorSchema,
  notes: notesSchema,
  themes: themesSchema,
  position: positionSchema,
});

const report = reporters('organisation', ['name', 'sector', 'notes', 'themes', 'position']);
const repairSector = oneOf(SECTORS, 'other');

/** The organisation stored in `map`, every field repaired. */
export function readOrganisation(id: string, map: EntityMap): Organisation {
  return {
    id: id as OrganisationId,
    name: repairText(map.get('name'), MAX_NAME_LENGTH, report.name),
    sector: repairSector(map.get('sector'), report.sector),
    notes: repairText(map.get('notes'), MAX_NOTES_LENGTH, report.notes),
    themes: repairThemes(map.get('themes'), report.themes),
    position: repairPosition(id, map.get('position'), report.position),
  };
}

/** Steps after schema version 1, oldest first. */
export const organisationMigrations: readonly RecordMigration[] = [];
