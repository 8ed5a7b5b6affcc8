export interface BenchRow {
  measure: string;
  value: number;
  unit: string;
  /** Undefined for informative rows without a target. */
  target?: { text: string; met: (value: number) => boolean };
}

function format(value: number, unit: string): string {
  if (Number.isNaN(value)) return 'not run';
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 'fps' || unit === 'ms' ? (value < 10 ? 1 : 0) : 0;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

/** A plain-text table: measure, figure, target, verdict. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => [
    row.measure,
    format(row.value, row.unit),
    row.target?.text ?? '',
    !row.target || Number.isNaN(row.value) ? '' : row.target.met(row.value) ? 'met' : 'MISSED',
  ]);
  const header = ['Measure', 'Figure', 'Target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
