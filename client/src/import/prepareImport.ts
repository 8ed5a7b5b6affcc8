import type { BoardSnapshot } from '@interplay/shared';
import { parseBoardCsv, parseBoardJsonFile, planImport } from '@interplay/shared/formats/index';
import type { ImportError, ImportFile, ImportPlan } from '@interplay/shared/formats/index';

/** What reading and planning an import gives: a plan to preview, or the reasons there is none. */
export type PreparedImport =
  | { readonly ok: true; readonly plan: ImportPlan; readonly title: string | null }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

const isJson = (name: string): boolean => name.toLowerCase().endsWith('.json');

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
  const parsed = first ? parseBoardJsonFile(first) : parseBoardCsv(files);
  if (!parsed.ok) return parsed;
  const plan = planImport(current, parsed.value);
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  return { ok: true, plan, title: parsed.value.title ?? null };
}
