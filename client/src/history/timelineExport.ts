import type { Moment } from '@interplay/shared/history/moment';

const COLUMNS = [
  'id',
  'at',
  'kind',
  'status',
  'title',
  'description',
  'trigger',
  'proposedBy',
  'recordedAt',
] as const;

function cell(value: string | null): string {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The timeline as CSV: one row per moment, in order, with a header row. */
export function timelineCsv(moments: readonly Moment[]): string {
  const rows = moments.map((moment) => COLUMNS.map((column) => cell(moment[column])).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The timeline as JSON: `{ format, moments }`, the moments as the API sends them. */
export function timelineJson(boardTitle: string, moments: readonly Moment[]): string {
  return `${JSON.stringify({ format: 'interplay-timeline', title: boardTitle, moments }, null, 2)}\n`;
}
