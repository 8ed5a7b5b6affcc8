/**
 * Checks for single field values that every importer shares, so a CSV cell
 * and a JSON field are held to the model's own rules (and applying an
 * accepted import can never make a command throw halfway).
 */
import {
  MAX_COORDINATE,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_THEME_LENGTH,
  MAX_THEMES,
} from '../board/schema.ts';

export { MAX_COORDINATE, MAX_NAME_LENGTH, MAX_NOTES_LENGTH, MAX_THEME_LENGTH, MAX_THEMES };

const COLOUR = /^#[0-9a-f]{6}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isColour(text: string): boolean {
  return COLOUR.test(text);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Splits a `;`-separated cell into trimmed, non-empty items. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
