/**
 * The board as a JSON file: the plain model (never Yjs internals) with a
 * format name and schema version, in a stable order so that exporting the
 * same board twice gives the same bytes. The schema and its migrations are in
 * `boardJsonSchema.ts`.
 */
import type { z } from 'zod';
import { GIVE_TAKE_RESOURCES, HEALTH_DIMENSIONS } from '../board/types.ts';
import type { Author, BoardSnapshot, GiveTake, Thread } from '../board/types.ts';
import { checkBoardFileReferences } from './boardJsonReferences.ts';
import {
  BOARD_JSON_FORMAT,
  BOARD_JSON_SCHEMA_VERSION,
  boardFileSchema,
  migrateBoardFile,
} from './boardJsonSchema.ts';
import type { BoardFile, ScoresByDimension } from './boardJsonSchema.ts';
import { decodeTextFile } from './decodeTextFile.ts';
import { importError } from './importError.ts';
import type { FormatResult, ImportError } from './importError.ts';
import type { ParsedBoard } from './parsedBoard.ts';

export { BOARD_JSON_FORMAT, BOARD_JSON_SCHEMA_VERSION };

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byId<T extends { readonly id: string }>(values: Iterable<T>): T[] {
  return [...values].sort((a, b) => compare(a.id, b.id));
}

const author = (a: Author): Author => ({ name: a.name, colour: a.colour });

/**
 * Threads as the file holds them. Orphaned threads (their entity was deleted)
 * are left out: their target is not in the file, so they could not be
 * imported. Messages a damaged document left empty are left out too.
 */
function exportedThreads(threads: Iterable<Thread>) {
  return byId(threads)
    .filter((t) => !t.orphaned)
    .map((t) => ({
      id: t.id,
      target: t.target,
      position: t.position === null ? null : { x: t.position.x, y: t.position.y },
      createdAt: t.createdAt,
      author: author(t.author),
      resolved: t.resolved,
      resolvedBy: t.resolvedBy === null ? null : author(t.resolvedBy),
      resolvedAt: t.resolvedAt,
      messages: t.messages
        .filter((m) => m.text.length > 0)
        .map((m) => ({ id: m.id, author: author(m.author), text: m.text, createdAt: m.createdAt })),
    }))
    .filter((t) => t.messages.length > 0);
}

function isAllNone(giveTake: GiveTake): boolean {
  return GIVE_TAKE_RESOURCES.every((r) => giveTake[r].brings === 'none' && giveTake[r].takes === 'none');
}

/** The whole board as pretty-printed JSON; entities sorted by id, fields in a fixed order. */
export function exportBoardJson(snapshot: BoardSnapshot, options: { title?: string } = {}): string {
  const s = snapshot.settings;
  const file = {
    format: BOARD_JSON_FORMAT,
    schemaVersion: BOARD_JSON_SCHEMA_VERSION,
    ...(options.title === undefined ? {} : { title: options.title }),
    settings: {
      layoutLocked: s.layoutLocked,
      boardLocked: s.boardLocked,
      phase: s.phase,
      staleAfterDays: s.staleAfterDays,
      viewersMayComment: s.viewersMayComment,
    },
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
    annotations: exportedThreads(snapshot.annotations.values()),
    health: [...snapshot.health.values()]
      .sort((a, b) => compare(a.relationshipId, b.relationshipId))
      .flatMap((h) =>
        [...h.scores]
          .sort((a, b) => compare(a.scorerId, b.scorerId))
          .map((score) => {
            const scores: ScoresByDimension = {};
            for (const d of HEALTH_DIMENSIONS) if (score.scores[d] !== undefined) scores[d] = score.scores[d];
            return {
              relationshipId: h.relationshipId,
              scorerId: score.scorerId,
              name: score.name,
              scores,
              updatedAt: score.updatedAt,
            };
          })
          // A scorer whose every score was cleared has nothing to import (no command stores a bare name).
          .filter((entry) => Object.keys(entry.scores).length > 0),
      ),
    giveTake: [...snapshot.giveTake.entries()]
      .sort(([a], [b]) => compare(a, b))
      .filter(([, giveTake]) => !isAllNone(giveTake))
      .map(([organisationId, giveTake]) => ({
        organisationId,
        ...Object.fromEntries(
          GIVE_TAKE_RESOURCES.map((r) => [r, { brings: giveTake[r].brings, takes: giveTake[r].takes }]),
        ),
      })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** A schema violation, with a code the page can say in the user's language. */
function schemaError(file: string, issue: z.core.$ZodIssue): ImportError {
  const place = { file, column: pathText(issue.path) };
  if (issue.code === 'invalid_type') {
    return importError(place, 'json.expectedType', issue.message, { expected: issue.expected });
  }
  if (issue.code === 'invalid_value') {
    return importError(place, 'json.expectedOneOf', issue.message, {
      accepted: issue.values.map((v) => JSON.stringify(v)).join(', '),
    });
  }
  return importError(place, 'json.schema', issue.message, { detail: issue.message });
}

/**
 * Reads a board JSON file (schema version 1 or 2). Validates its shape with
 * zod and its references (see `checkBoardFileReferences`), and reports every
 * problem with its JSON path.
 */
export function parseBoardJson(text: string, file = 'board.json'): FormatResult<ParsedBoard> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [importError({ file }, 'json.invalid', `not valid JSON: ${detail}`, { detail })],
    };
  }
  return parseBoardJsonValue(data, file);
}

/** `parseBoardJson` of a value already parsed from JSON (e.g. a field of an API request body). */
export function parseBoardJsonValue(data: unknown, file = 'board.json'): FormatResult<ParsedBoard> {
  const fail = (errors: ImportError[]): FormatResult<ParsedBoard> => ({ ok: false, errors });
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== BOARD_JSON_FORMAT
  ) {
    return fail([
      importError(
        { file, column: 'format' },
        'json.notBoard',
        `not an Interplay board file (expected "format": "${BOARD_JSON_FORMAT}")`,
      ),
    ]);
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > BOARD_JSON_SCHEMA_VERSION) {
    return fail([
      importError(
        { file, column: 'schemaVersion' },
        'json.newerVersion',
        `the file has schema version ${version}, made by a newer Interplay; this one reads version ${BOARD_JSON_SCHEMA_VERSION}`,
        { version, supported: BOARD_JSON_SCHEMA_VERSION },
      ),
    ]);
  }
  const parsed = boardFileSchema.safeParse(migrateBoardFile(data));
  if (!parsed.success) return fail(parsed.error.issues.slice(0, 50).map((issue) => schemaError(file, issue)));
  const errors = checkBoardFileReferences(parsed.data, file);
  if (errors.length > 0) return fail(errors);
  return { ok: true, value: toParsedBoard(parsed.data, file) };
}

function toParsedBoard(board: BoardFile, file: string): ParsedBoard {
  const at = (path: string) => ({ file, path });
  return {
    ...(board.title === undefined ? {} : { title: board.title }),
    ...(board.settings === undefined ? {} : { settings: board.settings }),
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
    threads: board.annotations.map((t, i) => ({
      ...t,
      resolvedBy: t.resolvedBy ?? null,
      resolvedAt: t.resolvedAt ?? null,
      origin: at(`annotations[${i}]`),
    })),
    health: board.health.map(({ relationshipId, ...h }, i) => ({
      ...h,
      relationship: relationshipId,
      origin: at(`health[${i}]`),
    })),
    giveTake: board.giveTake.map(({ organisationId, ...giveTake }, i) => ({
      organisation: organisationId,
      giveTake,
      origin: at(`giveTake[${i}]`),
    })),
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
