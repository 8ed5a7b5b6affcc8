import { importError } from './importError.ts';
import type { ImportError, ImportErrorCode, ImportErrorParams } from './importError.ts';
import type { SourceRef } from './parsedBoard.ts';

/**
 * An import error at a field of an incoming entity, named as the user sees
 * it: a JSON path for board files, the header's own column name for CSV.
 */
export function errorAt(
  origin: SourceRef,
  field: string | undefined,
  code: ImportErrorCode,
  message: string,
  params?: ImportErrorParams,
): ImportError {
  const column =
    field === undefined
      ? undefined
      : origin.path
        ? `${origin.path}.${field}`
        : (origin.columns?.[field] ?? field);
  return importError({ file: origin.file, row: origin.row, column }, code, message, params);
}
