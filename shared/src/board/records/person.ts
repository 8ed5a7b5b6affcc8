/**
 * The person record: what commands accept, how the reader repairs what is stored, and the numbered
 * migrations of its stored fields.
 */
import { z } from 'zod';
import type { EntityMap } from '../document.ts';
import { ROLES } from '../types.ts';
import type { OrganisationId, Person, PersonId, Role } from '../types.ts';
import {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  canonicalSubset,
  idSchema,
  missingOrInvalid,
  nameSchema,
  notesSchema,
  positionSchema,
  repairNullableString,
  repairPosition,
  repairText,
  reporters,
  type Report,
} from './fields.ts';
import type { RecordMigration } from './recordMigration.ts';

export const rolesSchema = z.array(z.enum(ROLES)).transform((roles) => canonicalSubset(ROLES, roles));

export const personFieldsSchema = z.strictObject({
  name: nameSchema,
  organisationId: idSchema.nullable(),
  roles: rolesSchema,
  notes: notesSchema,
  position: positionSchema,
});

const report = reporters('person', ['name', 'organisationId', 'roles', 'notes', 'position']);

/** Known roles in canonical order; unknown ones are dropped without a report (a newer page may add some). */
function repairRoles(value: unknown, reportRoles: Report): Role[] {
  if (Array.isArray(value)) return canonicalSubset(ROLES, value);
  missingOrInvalid(reportRoles, value);
  return [];
}

/** The person stored in `map`; `organisationId` may still point at a missing organisation. */
export function readPerson(id: string, map: EntityMap): Person {
  return {
    id: id as PersonId,
    name: repairText(map.get('name'), MAX_NAME_LENGTH, report.name),
    organisationId: repairNullableString(
      map.get('organisationId'),
      report.organisationId,
    ) as OrganisationId | null,
    roles: repairRoles(map.get('roles'), report.roles),
    notes: repairText(map.get('notes'), MAX_NOTES_LENGTH, report.notes),
    position: repairPosition(id, map.get('position'), report.position),
  };
}

/** Steps after schema version 1, oldest first. */
export const personMigrations: readonly RecordMigration[] = [];
