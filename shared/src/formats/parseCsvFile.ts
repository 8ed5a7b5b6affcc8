/**
 * Reads one decoded CSV file of a known kind into incoming entities, with an
 * error (file, row, column as written, what was expected) for every bad cell.
 * Rows are counted as a spreadsheet shows them: the header is row 1.
 */
import Papa from 'papaparse';
import type { Position } from '../board/types.ts';
import { CSV_COLUMNS, matchHeader } from './csvColumns.ts';
import type { CsvKind } from './csvColumns.ts';
import {
  readColour,
  readCoordinate,
  readDate,
  readName,
  readStrength,
  readText,
  readThemes,
  readWord,
  readWords,
  splitList,
  unguardCell,
} from './csvCells.ts';
import type { CellResult } from './csvCells.ts';
import { importError } from './importError.ts';
import type { ImportError } from './importError.ts';
import type {
  IncomingOrganisation,
  IncomingPerson,
  IncomingProject,
  IgnoredColumn,
  IncomingRelationship,
  SourceRef,
} from './parsedBoard.ts';
import { DIRECTION_WORDS, FORM_WORDS, KIND_WORDS, ROLE_WORDS, SECTOR_WORDS } from './vocabulary.ts';

/** Stop listing errors after this many; the first ones are what the user needs to fix. */
export const MAX_REPORTED_ERRORS = 100;

export interface CsvFileContent {
  readonly organisations: IncomingOrganisation[];
  readonly people: IncomingPerson[];
  readonly projects: IncomingProject[];
  readonly relationships: IncomingRelationship[];
  readonly ignoredColumns: IgnoredColumn[];
  /** Names of organisation and people rows with a bad cell: not read, but not missing either. */
  readonly unreadNames: string[];
}

/** Splits text into records with papaparse (delimiter detected: `,`, `;` and tab all occur). */
export function parseCsvRecords(text: string, file: string): { records: string[][]; errors: ImportError[] } {
  // Trailing line breaks are dropped first: papaparse counts the empty last line when it guesses the
  // delimiter, and then takes a two-column `;` file (`naam;sector`) for a one-column `,` file.
  const result = Papa.parse<string[]>(text.replace(/(?:\r\n|\n|\r)+$/, ''), { skipEmptyLines: false });
  const errors: ImportError[] = result.errors
    // A file with a single column has no delimiter to detect; that is not an error.
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) =>
      importError(
        { file, row: e.row === undefined ? undefined : e.row + 1 },
        'csv.malformed',
        `malformed CSV: ${e.message}`,
        { detail: e.message },
      ),
    );
  return { records: result.data, errors };
}

/** Reads the records of one file of `kind`, appending entities to `into` and problems to `errors`. */
export function readCsvRecords(
  kind: CsvKind,
  file: string,
  records: readonly string[][],
  into: CsvFileContent,
  errors: ImportError[],
): void {
  const header = records[0] ?? [];
  const fieldAt = new Map<string, number>();
  const columns: Record<string, string> = {};
  header.forEach((text, index) => {
    const match = matchHeader(kind, text);
    if (!match) {
      if (text.trim() !== '') into.ignoredColumns.push({ file, column: text.trim() });
      return;
    }
    if (fieldAt.has(match.field)) {
      errors.push(
        importError(
          { file, row: 1, column: text },
          'csv.duplicateColumn',
          `two columns stand for "${match.field}"; keep one`,
          { field: match.field },
        ),
      );
      return;
    }
    fieldAt.set(match.field, index);
    columns[match.field] = text.trim();
  });
  const missing = CSV_COLUMNS[kind].filter((c) => c.required && !fieldAt.has(c.field));
  if (missing.length > 0) {
    const columnsText = missing
      .map((c) => [c.field, ...c.aliases].map((a) => `"${a}"`).join(' / '))
      .join(', ');
    const found = header.map((h) => `"${h}"`).join(', ');
    errors.push(
      importError(
        { file, row: 1 },
        'csv.missingColumns',
        `missing required column${missing.length > 1 ? 's' : ''} ${missing
          .map((c) => `"${c.field}" (or ${c.aliases.map((a) => `"${a}"`).join(', ') || 'no other name'})`)
          .join(', ')}; found columns: ${found || 'none'}`,
        { columns: columnsText, found: found || '–' },
      ),
    );
    return;
  }
  for (let index = 1; index < records.length && errors.length < MAX_REPORTED_ERRORS; index += 1) {
    const record = records[index] ?? [];
    if (record.every((cell) => cell.trim() === '')) continue;
    const origin: SourceRef = { file, row: index + 1, columns };
    const row = new RowReader(record, fieldAt, columns, origin, errors);
    readRow(kind, row, into);
  }
}

class RowReader {
  failed = false;
  constructor(
    private readonly record: readonly string[],
    private readonly fieldAt: ReadonlyMap<string, number>,
    private readonly columns: Readonly<Record<string, string>>,
    readonly origin: SourceRef,
    private readonly errors: ImportError[],
  ) {}

  /** The cell of a field, or undefined when the file has no such column. */
  cell(field: string): string | undefined {
    const index = this.fieldAt.get(field);
    return index === undefined ? undefined : unguardCell(this.record[index] ?? '');
  }

  /** Reads a present, non-empty cell; undefined when the column is absent or the cell empty. */
  read<T>(field: string, reader: (cell: string) => CellResult<T>, emptyIsMissing = true): T | undefined {
    const cell = this.cell(field);
    if (cell === undefined || (emptyIsMissing && cell.trim() === '')) return undefined;
    const result = reader(cell);
    if ('error' in result) {
      this.failed = true;
      this.errors.push(
        importError(
          { file: this.origin.file, row: this.origin.row, column: this.columns[field] ?? field },
          result.code,
          result.error,
          result.params,
        ),
      );
      return undefined;
    }
    return result.value;
  }

  position(): Position | null {
    const x = this.cell('x')?.trim() ?? '';
    const y = this.cell('y')?.trim() ?? '';
    if (x === '' && y === '') return null;
    if (x === '' || y === '') {
      this.failed = true;
      this.errors.push(
        importError(
          {
            file: this.origin.file,
            row: this.origin.row,
            column: this.columns[x === '' ? 'x' : 'y'] ?? (x === '' ? 'x' : 'y'),
          },
          'csv.positionHalf',
          'give both x and y, or neither to have the node laid out automatically',
        ),
      );
      return null;
    }
    const px = this.read('x', readCoordinate);
    const py = this.read('y', readCoordinate);
    return px === undefined || py === undefined ? null : { x: px, y: py };
  }
}

const defined = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function readRow(kind: CsvKind, row: RowReader, into: CsvFileContent): void {
  const id = row.cell('id')?.trim() || undefined;
  const name = kind === 'relationships' ? undefined : row.read('name', readName, false);
  const notes = row.read('notes', readText, false);
  const themes = row.read('themes', readThemes, false);
  const origin = row.origin;
  switch (kind) {
    case 'organisations': {
      const sector = row.read('sector', (c) => readWord(SECTOR_WORDS, c, 'sector'), false);
      const position = row.position();
      if (row.failed || name === undefined || sector === undefined) {
        if (name !== undefined) into.unreadNames.push(name);
        return;
      }
      into.organisations.push({
        ...defined('id', id),
        name,
        sector,
        ...defined('notes', notes),
        ...defined('themes', themes),
        position,
        origin,
      });
      return;
    }
    case 'people': {
      const organisationCell = row.cell('organisation');
      const organisation = organisationCell === undefined ? undefined : organisationCell.trim() || null;
      const roles = row.read('roles', (c) => readWords(ROLE_WORDS, c, 'role'), false);
      const position = row.position();
      if (row.failed || name === undefined) {
        if (name !== undefined) into.unreadNames.push(name);
        return;
      }
      into.people.push({
        ...defined('id', id),
        name,
        ...defined('organisation', organisation),
        ...defined('roles', roles),
        ...defined('notes', notes),
        position,
        origin,
      });
      return;
    }
    case 'projects': {
      const colour = row.read('colour', readColour);
      const description = row.read('description', readText, false);
      const membersCell = row.cell('members');
      if (row.failed || name === undefined) return;
      into.projects.push({
        ...defined('id', id),
        name,
        ...defined('colour', colour),
        ...defined('description', description),
        ...defined('themes', themes),
        ...defined('members', membersCell === undefined ? undefined : splitList(membersCell)),
        origin,
      });
      return;
    }
    case 'relationships': {
      const source = row.read('source', readName, false);
      const target = row.read('target', readName, false);
      const strength = row.read('strength', readStrength);
      const relationKind = row.read('kind', (c) => readWord(KIND_WORDS, c, 'kind of relationship'));
      const form = row.read('form', (c) => readWord(FORM_WORDS, c, 'form of collaboration'));
      const direction = row.read('direction', (c) => readWord(DIRECTION_WORDS, c, 'direction'));
      const lastCheckedCell = row.cell('lastChecked');
      const lastChecked =
        lastCheckedCell === undefined
          ? undefined
          : lastCheckedCell.trim() === ''
            ? null
            : row.read('lastChecked', readDate);
      if (row.failed || source === undefined || target === undefined) return;
      into.relationships.push({
        ...defined('id', id),
        source,
        target,
        ...defined('strength', strength),
        ...defined('kind', relationKind),
        ...defined('form', form),
        ...defined('direction', direction),
        ...defined('notes', notes),
        ...defined('lastChecked', lastChecked),
        origin,
      });
      return;
    }
  }
}
