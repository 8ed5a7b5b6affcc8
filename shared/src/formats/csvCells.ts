/**
 * Reading single CSV cells into field values. Each reader returns the value
 * or an error message; the caller adds file, row and column.
 */
import type { Strength } from '../board/types.ts';
import type { ImportErrorCode, ImportErrorParams } from './importError.ts';
// The model's own field rules, so a CSV cell is held to what the commands accept (and applying an accepted
// import can never make a command throw halfway).
import {
  MAX_COORDINATE,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_THEME_LENGTH,
  MAX_THEMES,
  isHexColour,
  isIsoDate,
} from '../board/records/fields.ts';
import { describeWords, parseWord } from './vocabulary.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A cell's value, or why it has none (English text, plus code and params for the page). */
export type CellResult<T> =
  | { readonly value: T }
  | { readonly error: string; readonly code: ImportErrorCode; readonly params?: ImportErrorParams };

const fail = (code: ImportErrorCode, error: string, params?: ImportErrorParams): CellResult<never> => ({
  error,
  code,
  ...(params === undefined ? {} : { params }),
});

/** Undoes the exporter's formula guard: `'=SUM(…)` was written for a cell that read `=SUM(…)`. */
/** Splits a `;`-separated cell into trimmed, non-empty items. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function readName(cell: string): CellResult<string> {
  const name = cell.trim();
  if (name === '') return fail('value.emptyName', 'expected a name, found an empty cell');
  if (name.length > MAX_NAME_LENGTH)
    return fail('value.tooLong', `a name has at most ${MAX_NAME_LENGTH} characters (found ${name.length})`, {
      max: MAX_NAME_LENGTH,
      found: name.length,
    });
  return { value: name };
}

export function readText(cell: string): CellResult<string> {
  if (cell.length > MAX_NOTES_LENGTH)
    return fail('value.tooLong', `at most ${MAX_NOTES_LENGTH} characters (found ${cell.length})`, {
      max: MAX_NOTES_LENGTH,
      found: cell.length,
    });
  return { value: cell };
}

export function readThemes(cell: string): CellResult<string[]> {
  const themes = [...new Set(splitList(cell))];
  const long = themes.find((t) => t.length > MAX_THEME_LENGTH);
  if (long !== undefined)
    return fail(
      'value.themeTooLong',
      `a theme has at most ${MAX_THEME_LENGTH} characters ("${long.slice(0, 30)}…")`,
      { max: MAX_THEME_LENGTH, theme: `${long.slice(0, 30)}…` },
    );
  if (themes.length > MAX_THEMES)
    return fail('value.tooManyThemes', `at most ${MAX_THEMES} themes (found ${themes.length})`, {
      max: MAX_THEMES,
      found: themes.length,
    });
  return { value: themes };
}

export function readWord<T extends string>(
  vocabulary: Vocabulary<T>,
  cell: string,
  what: string,
): CellResult<T> {
  const value = parseWord(vocabulary, cell);
  return value === null
    ? fail(
        'value.unknown',
        `unknown ${what} "${cell.trim()}"; expected one of: ${describeWords(vocabulary)}`,
        {
          what,
          value: cell.trim(),
          accepted: describeWords(vocabulary),
        },
      )
    : { value };
}

export function readWords<T extends string>(
  vocabulary: Vocabulary<T>,
  cell: string,
  what: string,
): CellResult<T[]> {
  const values: T[] = [];
  for (const word of splitList(cell)) {
    const value = parseWord(vocabulary, word);
    if (value === null)
      return fail(
        'value.unknown',
        `unknown ${what} "${word}"; expected one of: ${describeWords(vocabulary)}, separated by ;`,
        { what, value: word, accepted: `${describeWords(vocabulary)}; …` },
      );
    if (!values.includes(value)) values.push(value);
  }
  return { value: values.sort((a, b) => vocabulary.values.indexOf(a) - vocabulary.values.indexOf(b)) };
}

export function readStrength(cell: string): CellResult<Strength> {
  const text = cell.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 5)
    return fail('value.strength', `expected a whole number from 1 (weak) to 5 (strong), found "${text}"`, {
      found: text,
    });
  return { value: value as Strength };
}

/** A coordinate; a Dutch spreadsheet's decimal comma (`12,5`) is accepted too. */
export function readCoordinate(cell: string): CellResult<number> {
  const text = cell.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
    return fail(
      'value.coordinate',
      `expected a number between -${MAX_COORDINATE} and ${MAX_COORDINATE}, found "${cell.trim()}"`,
      { max: MAX_COORDINATE, found: cell.trim() },
    );
  }
  return { value };
}

export function readColour(cell: string): CellResult<string> {
  const text = cell.trim();
  return isHexColour(text)
    ? { value: text.toLowerCase() }
    : fail('value.colour', `expected a colour written #rrggbb, found "${text}"`, { found: text });
}

export function readDate(cell: string): CellResult<string> {
  const text = cell.trim();
  return isIsoDate(text)
    ? { value: text }
    : fail('value.date', `expected a date written YYYY-MM-DD, found "${text}"`, { found: text });
}
