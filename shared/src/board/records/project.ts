/**
 * The project record: what commands accept, how the reader repairs what is stored, and the numbered
 * migrations of its stored fields. Members are keys of a nested map (`MEMBERS_KEY`), so concurrent additions
 * and removals of different members merge.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { MEMBERS_KEY } from '../document.ts';
import type { EntityMap } from '../document.ts';
import type { NodeId, Project, ProjectId } from '../types.ts';
import {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  colourSchema,
  idSchema,
  isHexColour,
  missingOrInvalid,
  nameSchema,
  notesSchema,
  repairText,
  repairThemes,
  reporters,
  stableHash,
  themesSchema,
} from './fields.ts';
import type { Report } from './fields.ts';
import type { RecordMigration } from './recordMigration.ts';

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

export const projectFieldsSchema = z.strictObject({
  name: nameSchema,
  colour: colourSchema,
  description: notesSchema,
  themes: themesSchema,
  memberIds: z.array(idSchema),
});

const report = reporters('project', ['name', 'colour', 'description', 'themes', 'members']);

/** The colour in lower case; a palette colour picked by the id (the same on every client) otherwise. */
function repairColour(id: string, value: unknown, reportColour: Report): string {
  if (isHexColour(value)) return value.toLowerCase();
  missingOrInvalid(reportColour, value);
  return DEFAULT_PROJECT_COLOURS[stableHash(id) % DEFAULT_PROJECT_COLOURS.length]!;
}

/** Member ids as stored, sorted so every client agrees; they may still name missing nodes. */
function repairMembers(value: unknown, reportMembers: Report): NodeId[] {
  if (value instanceof Y.Map) {
    return [...value.keys()].filter((key) => value.get(key) === true).sort() as NodeId[];
  }
  if (value !== undefined) reportMembers('invalid', value);
  return [];
}

/** The project stored in `map`; `memberIds` may still list missing nodes. */
export function readProject(id: string, map: EntityMap): Project {
  return {
    id: id as ProjectId,
    name: repairText(map.get('name'), MAX_NAME_LENGTH, report.name),
    colour: repairColour(id, map.get('colour'), report.colour),
    description: repairText(map.get('description'), MAX_NOTES_LENGTH, report.description),
    themes: repairThemes(map.get('themes'), report.themes),
    memberIds: repairMembers(map.get(MEMBERS_KEY), report.members),
  };
}

/** Steps after schema version 1, oldest first. */
export const projectMigrations: readonly RecordMigration[] = [];
