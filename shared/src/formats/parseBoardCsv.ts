/**
 * Reads a set of CSV files (or a zip of them) into one incoming board. Which
 * kind each file holds is told by its name or, failing that, its headers.
 * Nothing is returned unless every file is clean.
 */
import { unzipSync } from 'fflate';
import { CSV_KINDS, detectCsvKind } from './csvColumns.ts';
import { MAX_IMPORT_FILE_BYTES, checkFileSize, decodeTextFile } from './decodeTextFile.ts';
import { importError } from './importError.ts';
import type { FormatResult, ImportError } from './importError.ts';
import type { ParsedBoard } from './parsedBoard.ts';
import { MAX_REPORTED_ERRORS, parseCsvRecords, readCsvRecords } from './parseCsvFile.ts';
import type { CsvFileContent } from './parseCsvFile.ts';

/** A file as the user picked it: its name and its raw bytes. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * What reading CSV files gives. When the only problems are bad cells, `partial` holds every row that was
 * read, so the caller can check its references too and report every problem of the files at once.
 */
export type CsvParseResult =
  | { readonly ok: true; readonly value: ParsedBoard }
  | { readonly ok: false; readonly errors: readonly ImportError[]; readonly partial?: PartialCsvBoard };

export interface PartialCsvBoard {
  readonly board: ParsedBoard;
  /** Names of rows not read for a bad cell: a reference to one of them is not a missing name. */
  readonly unreadNames: readonly string[];
}

/** Problems of single cells; any other problem (a file, a column) leaves whole files unread. */
const isCellError = (error: ImportError): boolean =>
  error.code.startsWith('value.') || error.code === 'csv.positionHalf';

/** Parses decoded CSV texts (name → text) into one board. */
export function parseBoardCsvTexts(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
): CsvParseResult {
  const content: CsvFileContent = {
    organisations: [],
    people: [],
    projects: [],
    relationships: [],
    ignoredColumns: [],
    unreadNames: [],
  };
  const errors: ImportError[] = [];
  for (const { name, text } of files) {
    const { records, errors: syntaxErrors } = parseCsvRecords(text, name);
    if (syntaxErrors.length > 0) {
      errors.push(...syntaxErrors);
      continue;
    }
    const kind = detectCsvKind(name, records[0] ?? []);
    if (kind === null) {
      const names = `${CSV_KINDS.map((k) => `${k}.csv`).join(', ')} (or organisaties, personen, projecten, relaties)`;
      errors.push(
        importError({ file: name }, 'csv.unknownFile', `cannot tell what this file holds; name it ${names}`, {
          names: `${CSV_KINDS.map((k) => `${k}.csv`).join(', ')}, organisaties.csv, personen.csv, projecten.csv, relaties.csv`,
        }),
      );
      continue;
    }
    readCsvRecords(kind, name, records, content, errors);
    if (errors.length >= MAX_REPORTED_ERRORS) break;
  }
  const { unreadNames, ...board } = content;
  if (errors.length === 0) return { ok: true, value: board };
  const cellsOnly = errors.length < MAX_REPORTED_ERRORS && errors.every(isCellError);
  return cellsOnly ? { ok: false, errors, partial: { board, unreadNames } } : { ok: false, errors };
}

/** Decodes (UTF-8 only, size-limited) and parses CSV files; a `.zip` among them is opened first. */
export function parseBoardCsv(
  files: readonly ImportFile[],
  maxBytes = MAX_IMPORT_FILE_BYTES,
): CsvParseResult {
  const texts: { name: string; text: string }[] = [];
  const errors: ImportError[] = [];
  for (const file of files) {
    const entries = /\.zip$/i.test(file.name)
      ? unzipCsv(file, maxBytes)
      : { ok: true as const, value: [file] };
    if (!entries.ok) {
      errors.push(...entries.errors);
      continue;
    }
    for (const entry of entries.value) {
      const decoded = decodeTextFile(entry.bytes, { file: entry.name, maxBytes });
      if (decoded.ok) texts.push({ name: entry.name, text: decoded.value });
      else errors.push(...decoded.errors);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return parseBoardCsvTexts(texts);
}

/**
 * The CSV files inside a zip. Sizes are checked from the zip's directory
 * before anything is inflated, so a zip bomb is refused without unpacking it.
 */
export function unzipCsv(zip: ImportFile, maxBytes = MAX_IMPORT_FILE_BYTES): FormatResult<ImportFile[]> {
  const size = checkFileSize(zip.name, zip.bytes.byteLength, maxBytes);
  if (!size.ok) return size;
  const errors: ImportError[] = [];
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(zip.bytes, {
      filter: (entry) => {
        const base = entry.name.replace(/^.*\//, '');
        if (!/\.csv$/i.test(base) || base.startsWith('.') || entry.name.startsWith('__MACOSX/')) return false;
        const tooBig = checkFileSize(`${zip.name}/${entry.name}`, entry.originalSize, maxBytes);
        if (!tooBig.ok) errors.push(...tooBig.errors);
        return tooBig.ok;
      },
    });
  } catch (error) {
    return {
      ok: false,
      errors: [
        importError(
          { file: zip.name },
          'zip.unreadable',
          `not a readable zip file (${error instanceof Error ? error.message : String(error)})`,
          { detail: error instanceof Error ? error.message : String(error) },
        ),
      ],
    };
  }
  if (errors.length > 0) return { ok: false, errors };
  const files = Object.entries(unpacked)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, bytes]) => ({ name, bytes }));
  if (files.length === 0)
    return {
      ok: false,
      errors: [importError({ file: zip.name }, 'zip.noCsv', 'the zip holds no .csv files')],
    };
  return { ok: true, value: files };
}
