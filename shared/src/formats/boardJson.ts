/**
 * The board as a JSON file: the plain model (never Yjs internals) with a
 * format name and schema version, in a stable order so that exporting the
 * same board twice gives the same bytes.
 */
import { z } from 'zod';
import { DIRECTIONS, FORMS, RELATIONSHIP_KINDS, ROLES, SECTORS } from '../board/types.ts';
import type { BoardSnapshot } from '../board/types.ts';
import {
  colourSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  notesSchema,
  positionSchema,
  strengthSchema,
  themesSchema,
} from '../board/schema.ts';
import { decodeTextFile } from './decodeTextFile.ts';
import type { FormatResult, ImportError } from './importError.ts';
import type { ParsedBoard } from './parsedBoard.ts';

export const BOARD_JSON_FORMAT = 'interplay-board';
export const BOARD_JSON_SCHEMA_VERSION = 1;

function byId<T extends { readonly id: string }>(values: Iterable<T>): T[] {
  return [...values].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The whole board as pretty-printed JSON; entities sorted by id, fields in a fixed order. */
export function exportBoardJson(snapshot: BoardSnapshot, options: { title?: string } = {}): string {
  const file = {
    format: BOARD_JSON_FORMAT,
    schemaVersion: BOARD_JSON_SCHEMA_VERSION,
    ...(options.title === undefined ? {} : { title: options.title }),
    organisations: byId(snapshot.organisations.values()).map((o) => ({
      id: o.id,
      name: o.name,
      sector: o.sector,
      notes: o.notes,
      themes: [...o.themes],
      position: { x: o.position.x, y: o.position.y },
    })),
    people: byId(snapshot.people.values()).map((p) => ({
      id: p.id,
      name: p.name,
      organisationId: p.organisationId,
      roles: [...p.roles],
      notes: p.notes,
      position: { x: p.position.x, y: p.position.y },
    })),
    projects: byId(snapshot.projects.values()).map((p) => ({
      id: p.id,
      name: p.name,
      colour: p.colour,
      description: p.description,
      themes: [...p.themes],
      memberIds: [...p.memberIds].sort(),
    })),
    relationships: byId(snapshot.relationships.values()).map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      strength: r.strength,
      kind: r.kind,
      form: r.form,
      direction: r.direction,
      notes: r.notes,
      lastChecked: r.lastChecked,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const id = idSchema;
// Names are matched on import, so a blank one is refused; otherwise the model's own rules apply.
const name = nameSchema.refine((text) => text.trim().length > 0, 'expected a non-empty name');
const notes = notesSchema.optional();
const themes = themesSchema.optional();
const position = positionSchema.nullable().optional();

const fileSchema = z.object({
  format: z.literal(BOARD_JSON_FORMAT),
  schemaVersion: z.literal(BOARD_JSON_SCHEMA_VERSION),
  title: z.string().optional(),
  organisations: z.array(z.object({ id, name, sector: z.enum(SECTORS), notes, themes, position })),
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
      kind: z.enum(RELATIONSHIP_KINDS).optional(),
      form: z.enum(FORMS).optional(),
      direction: z.enum(DIRECTIONS).optional(),
      notes,
      lastChecked: isoDateSchema.nullable().optional(),
    }),
  ),
});

type BoardFile = z.infer<typeof fileSchema>;

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/**
 * Reads a board JSON file. Validates its shape with zod and its references
 * (every person's organisation, project member and relationship end must be
 * in the file), and reports every problem with its JSON path.
 */
export function parseBoardJson(text: string, file = 'board.json'): FormatResult<ParsedBoard> {
  const fail = (errors: ImportError[]): FormatResult<ParsedBoard> => ({ ok: false, errors });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([
      { file, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== BOARD_JSON_FORMAT
  ) {
    return fail([
      {
        file,
        column: 'format',
        message: `not an Interplay board file (expected "format": "${BOARD_JSON_FORMAT}")`,
      },
    ]);
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > BOARD_JSON_SCHEMA_VERSION) {
    return fail([
      {
        file,
        column: 'schemaVersion',
        message: `the file has schema version ${version}, made by a newer Interplay; this one reads version ${BOARD_JSON_SCHEMA_VERSION}`,
      },
    ]);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    return fail(
      parsed.error.issues
        .slice(0, 50)
        .map((issue) => ({ file, column: pathText(issue.path), message: issue.message })),
    );
  }
  const errors = checkReferences(parsed.data, file);
  if (errors.length > 0) return fail(errors);
  return { ok: true, value: toParsedBoard(parsed.data, file) };
}

function checkReferences(board: BoardFile, file: string): ImportError[] {
  const errors: ImportError[] = [];
  const kindOf = new Map<string, 'organisation' | 'person' | 'project' | 'relationship'>();
  const claim = (
    key: string,
    kind: 'organisation' | 'person' | 'project' | 'relationship',
    at: string,
  ): void => {
    if (kindOf.has(key)) errors.push({ file, column: at, message: `duplicate id "${key}"` });
    else kindOf.set(key, kind);
  };
  board.organisations.forEach((o, i) => claim(o.id, 'organisation', `organisations[${i}].id`));
  board.people.forEach((p, i) => claim(p.id, 'person', `people[${i}].id`));
  board.projects.forEach((p, i) => claim(p.id, 'project', `projects[${i}].id`));
  board.relationships.forEach((r, i) => claim(r.id, 'relationship', `relationships[${i}].id`));
  const isNode = (key: string): boolean => kindOf.get(key) === 'organisation' || kindOf.get(key) === 'person';
  board.people.forEach((p, i) => {
    if (p.organisationId != null && kindOf.get(p.organisationId) !== 'organisation') {
      errors.push({
        file,
        column: `people[${i}].organisationId`,
        message: `no organisation with id "${p.organisationId}" in the file`,
      });
    }
  });
  board.projects.forEach((p, i) =>
    (p.memberIds ?? []).forEach((member, j) => {
      if (!isNode(member)) {
        errors.push({
          file,
          column: `projects[${i}].memberIds[${j}]`,
          message: `no organisation or person with id "${member}" in the file`,
        });
      }
    }),
  );
  board.relationships.forEach((r, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!isNode(r[end])) {
        errors.push({
          file,
          column: `relationships[${i}].${end}`,
          message: `no organisation or person with id "${r[end]}" in the file`,
        });
      }
    }
    if (r.source === r.target) {
      errors.push({
        file,
        column: `relationships[${i}].target`,
        message: 'a relationship must connect two different nodes',
      });
    }
  });
  return errors;
}

function toParsedBoard(board: BoardFile, file: string): ParsedBoard {
  const at = (path: string) => ({ file, path });
  return {
    ...(board.title === undefined ? {} : { title: board.title }),
    organisations: board.organisations.map((o, i) => ({
      ...o,
      position: o.position ?? null,
      origin: at(`organisations[${i}]`),
    })),
    people: board.people.map(({ organisationId, ...p }, i) => ({
      ...p,
      ...(organisationId === undefined ? {} : { organisation: organisationId }),
      position: p.position ?? null,
      origin: at(`people[${i}]`),
    })),
    projects: board.projects.map(({ memberIds, ...p }, i) => ({
      ...p,
      ...(memberIds === undefined ? {} : { members: memberIds }),
      origin: at(`projects[${i}]`),
    })),
    relationships: board.relationships.map((r, i) => ({ ...r, origin: at(`relationships[${i}]`) })),
  };
}

/** Decodes (UTF-8 only, size-limited) and parses a board JSON file as the user picked it. */
export function parseBoardJsonFile(file: {
  readonly name: string;
  readonly bytes: Uint8Array;
}): FormatResult<ParsedBoard> {
  const text = decodeTextFile(file.bytes, { file: file.name });
  return text.ok ? parseBoardJson(text.value, file.name) : text;
}
