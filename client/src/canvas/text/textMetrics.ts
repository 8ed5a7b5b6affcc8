import { breakLines } from '../../theme/lineBreaks.ts';
import { INTER_FIRST_CODE_POINT, INTER_WIDTHS } from './interWidths.ts';

/** Font weights the export uses; widths in between are interpolated. */
export type FontWeight = 400 | 600 | 650 | 700 | 800;

type MeasuredWeight = 400 | 600 | 700 | 800;

const tables = new Map<MeasuredWeight, Uint16Array>();

function table(weight: MeasuredWeight): Uint16Array {
  let widths = tables.get(weight);
  if (!widths) {
    widths = Uint16Array.from(INTER_WIDTHS[weight].split(','), Number);
    tables.set(weight, widths);
  }
  return widths;
}

/** Width of an uppercase letter: the fallback for characters outside the table (CJK, emoji… are wider). */
const FALLBACK_EM = 0.72;

function advance(widths: Uint16Array, codePoint: number): number {
  const width = widths[codePoint - INTER_FIRST_CODE_POINT];
  if (width !== undefined && codePoint >= INTER_FIRST_CODE_POINT) return width / 1000;
  return codePoint > 0x2e80 ? 1 : FALLBACK_EM;
}

function emWidth(text: string, weight: MeasuredWeight): number {
  const widths = table(weight);
  let total = 0;
  // By code point, as `for…of` reads a string, but without a string per character (names are measured by the thousand).
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i += 1;
      }
    }
    total += advance(widths, code);
  }
  return total;
}

/**
 * The rendered width of `text` in Inter at `fontSize` px, without kerning
 * (Inter's kerning only narrows, so wrapping by this width never overflows).
 */
export function textWidth(text: string, fontSize: number, weight: FontWeight, letterSpacingEm = 0): number {
  const em =
    weight === 650 ? (emWidth(text, 600) + emWidth(text, 700)) / 2 : emWidth(text, weight as MeasuredWeight);
  // Counting code points only when there is spacing to add: 0 × the count is 0 all the same.
  return (em + (letterSpacingEm === 0 ? 0 : letterSpacingEm * [...text].length)) * fontSize;
}

export interface WrapOptions {
  readonly maxWidth: number;
  readonly fontSize: number;
  readonly weight: FontWeight;
  /** Lines beyond this are dropped and the last kept line ends in an ellipsis (like CSS line-clamp). */
  readonly maxLines: number;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` as the map's cards do (`breakLines`: at spaces, at the
 * soft hyphens `nameText` puts into long words, anywhere in a syllable too wide for a line).
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { maxWidth, fontSize, weight, maxLines } = options;
  const lines = breakLines(text, maxWidth, (line) => textWidth(line, fontSize, weight));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsise(kept[maxLines - 1] ?? '', options);
  return kept;
}

/** Shortens a line so that it fits with a trailing ellipsis. */
export function ellipsise(
  line: string,
  options: Pick<WrapOptions, 'maxWidth' | 'fontSize' | 'weight'>,
): string {
  const chars = [...line];
  while (
    chars.length > 0 &&
    textWidth(`${chars.join('')}…`, options.fontSize, options.weight) > options.maxWidth
  )
    chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
