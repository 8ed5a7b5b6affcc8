/**
 * Reports problems found in the document. Any client can write anything, so a
 * broken field may be read on every change: each distinct problem is logged
 * once per page, not once per read.
 */

interface Warner {
  warn(...args: unknown[]): void;
}

const MAX_REMEMBERED = 500;
const reported = new Set<string>();

/** Log `message` once per distinct `code` (e.g. `organisation.sector`). */
export function reportProblem(code: string, message: string): void {
  if (reported.has(code)) return;
  if (reported.size >= MAX_REMEMBERED) return;
  reported.add(code);
  (globalThis as { console?: Warner }).console?.warn(`[interplay board] ${message}`);
}

/** For tests: forget which problems were already logged. */
export function resetReportedProblems(): void {
  reported.clear();
}
