/**
 * What every importer reports when a file cannot be used: where (file, row,
 * column, as the user sees them), a stable `code` with `params` from which the
 * page writes the reason in the user's language, and the English `message`
 * (for logs and tests, and as the fallback for a code the page does not know).
 */
export const IMPORT_ERROR_CODES = [
  'file.tooLarge', // size, limit (MB, one decimal)
  'encoding.utf16',
  'encoding.binary',
  'encoding.invalidUtf8',
  'zip.unreadable', // detail
  'zip.noCsv',
  'csv.malformed', // detail
  'csv.unknownFile', // names
  'csv.duplicateColumn', // field
  'csv.missingColumns', // columns, found
  'csv.positionHalf',
  'value.emptyName',
  'value.tooLong', // max, found
  'value.themeTooLong', // max, theme
  'value.tooManyThemes', // max, found
  'value.unknown', // what, value, accepted
  'value.strength', // found
  'value.coordinate', // max, found
  'value.colour', // found
  'value.date', // found
  'json.invalid', // detail
  'json.notBoard',
  'json.newerVersion', // version, supported
  'json.schema', // detail (zod's English text)
  'json.expectedType', // expected
  'json.expectedOneOf', // accepted
  'json.duplicateId', // id
  'json.missingReference', // what, id
  'ref.sameEnds',
  'ref.missing', // what, value
  'ref.ambiguous', // whats, value, count
  'match.otherKind', // id
  'match.ambiguousName', // kinds, name, count
  'match.repeated', // kind, name
  'match.duplicateName', // name
  'import.jsonWithOthers',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** Values that fill a code's sentence; kinds (`organisation`, …) are the model's words. */
export type ImportErrorParams = Readonly<Record<string, string | number>>;

export interface ImportError {
  readonly file?: string;
  /** 1-based line number in the file as a spreadsheet shows it (the header is row 1). */
  readonly row?: number;
  /** The column as written in the file's header, or a JSON path. */
  readonly column?: string;
  /** Stable reason, for the page to render in the user's language. */
  readonly code: ImportErrorCode;
  readonly params?: ImportErrorParams;
  /** The reason in English. */
  readonly message: string;
}

/** Where an error is: file, row, column. */
export interface ErrorPlace {
  readonly file?: string | undefined;
  readonly row?: number | undefined;
  readonly column?: string | undefined;
}

/** Builds an error, leaving out the parts of its place that are unknown. */
export function importError(
  place: ErrorPlace,
  code: ImportErrorCode,
  message: string,
  params?: ImportErrorParams,
): ImportError {
  return {
    ...(place.file === undefined ? {} : { file: place.file }),
    ...(place.row === undefined ? {} : { row: place.row }),
    ...(place.column === undefined ? {} : { column: place.column }),
    code,
    ...(params === undefined ? {} : { params }),
    message,
  };
}

/** Either a value or the reasons there is none. */
export type FormatResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ImportError[] };

/** Renders an error as one line for logs and messages: `people.csv, row 4, column "sector": …`. */
export function formatImportError(error: ImportError): string {
  const where = [
    error.file,
    error.row === undefined ? undefined : `row ${error.row}`,
    error.column === undefined ? undefined : `column "${error.column}"`,
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? `${where.join(', ')}: ${error.message}` : error.message;
}
