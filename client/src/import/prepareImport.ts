import type { BoardSnapshot } from '@interplay/shared';
import { parseBoardCsv, parseBoardJsonFile, planImport } from '@interplay/shared/formats/index';
import type {
  CsvParseResult,
  ImportError,
  ImportFile,
  ImportPlan,
  PartialCsvBoard,
} from '@interplay/shared/formats/index';

/** What reading and planning an import gives: a plan to preview, or the reasons there is none. */
export type PreparedImport =
  | { readonly ok: true; readonly plan: ImportPlan; readonly title: string | null }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

const isJson = (name: string): boolean => name.toLowerCase().endsWith('.json');

/**
 * The references of the rows that were read (a relationship's ends, a person's organisation, a project's
 * members) to names neither the files nor the board have: reported with the files' bad cells, so one try
 * shows every problem. A name of a row not read for a bad cell is not missing: that row is reported already.
 */
function referenceErrors(partial: PartialCsvBoard, current: BoardSnapshot): ImportError[] {
  const unread = new Set(partial.unreadNames.map((name) => name.trim().toLowerCase()));
  return planImport(current, partial.board).errors.filter(
    (error) =>
      (error.code === 'ref.missing' || error.code === 'ref.ambiguous') &&
      !unread.has(
        String(error.params?.value ?? '')
          .trim()
          .toLowerCase(),
      ),
  );
}

/**
 * Parses the picked files (one board JSON file, or CSV files and/or zips of
 * them) and plans their import into `current`. Pure and synchronous: runs in
 * the import worker, or on the page where workers are unavailable.
 */
export function prepareImport(files: readonly ImportFile[], current: BoardSnapshot): PreparedImport {
  const json = files.filter((file) => isJson(file.name));
  if (json.length > 0 && files.length > 1) {
    return {
      ok: false,
      errors: [
        {
          file: json[0]?.name ?? '',
          code: 'import.jsonWithOthers',
          message: 'a board file (.json) is imported on its own; choose it without other files',
        },
      ],
    };
  }
  const first = json[0];
  const parsed: CsvParseResult = first ? parseBoardJsonFile(first) : parseBoardCsv(files);
  if (!parsed.ok) {
    const more = parsed.partial ? referenceErrors(parsed.partial, current) : [];
    return { ok: false, errors: [...parsed.errors, ...more] };
  }
  const plan = planImport(current, parsed.value);
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  return { ok: true, plan, title: parsed.value.title ?? null };
}
