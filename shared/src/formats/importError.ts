/**
 * What every importer reports when a file cannot be used: where (file, row,
 * column, as the user sees them) and what was expected.
 */
export interface ImportError {
  readonly file?: string;
  /** 1-based line number in the file as a spreadsheet shows it (the header is row 1). */
  readonly row?: number;
  /** The column as written in the file's header, or a JSON path. */
  readonly column?: string;
  readonly message: string;
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
