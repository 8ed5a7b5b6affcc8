import { hyphenateSync } from 'hyphen/nl';

/** Invisible unless a line breaks there; the browser then shows a hyphen. */
export const SOFT_HYPHEN = '\u00ad';

/**
 * Words this long or longer may break at their hyphenation points. A count of letters rather than a width,
 * so the page, its workers and the export decide alike without measuring: at 14 letters a word comes near
 * the width of a person's name (128 px) and of a card's name in present mode.
 */
const LONG_WORD_LETTERS = 14;

/**
 * A name as the map and the exports lay it out (`longWordLetters`: from how many letters a word may break;
 * the zoomed-out overview, whose large type fits fewer letters on a line, breaks shorter ones): a soft hyphen at each hyphenation point of its long words,
 * by Dutch rules whatever the interface's language (the organisations and people on a board are Dutch
 * ones: "Huur·ders·ver·e·ni·ging"), so such a word breaks between syllables rather than anywhere.
 */
export function nameText(name: string, longWordLetters = LONG_WORD_LETTERS): string {
  return name
    .split(/(\s+)/)
    .map((part) => ([...part].length < longWordLetters ? part : hyphenatedWord(part)))
    .join('');
}

/** Letters a line may start a broken word with, and carry over to the next line, at least. */
const FIRST_PIECE = 2;
const LAST_PIECE = 3;

/** Hyphenated words, by word: every card re-renders its name, and the map sizes every card on opening. */
const hyphenated = new Map<string, string>();
const MAX_CACHED_WORDS = 10_000;

/** A word with soft hyphens at its syllables (see `syllables`), remembered. */
function hyphenatedWord(word: string): string {
  let known = hyphenated.get(word);
  if (known === undefined) {
    if (hyphenated.size >= MAX_CACHED_WORDS) hyphenated.clear();
    known = syllables(word).join(SOFT_HYPHEN);
    hyphenated.set(word, known);
  }
  return known;
}

/** A word's syllables by the patterns, without a piece too short to stand alone on a line ("Schimmelpennin-ck"). */
function syllables(word: string): string[] {
  const parts = hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
  while (parts.length > 1 && [...parts.at(-1)!].length < LAST_PIECE) {
    const last = parts.pop()!;
    parts[parts.length - 1] += last;
  }
  while (parts.length > 1 && [...parts[0]!].length < FIRST_PIECE) {
    const first = parts.shift()!;
    parts[0] = first + parts[0]!;
  }
  return parts;
}

/** How many of `syllables` (never all) fit after `prefix` with the hyphen the line then ends in. */
function syllablesThatFit(
  syllables: readonly string[],
  prefix: string,
  fits: (t: string) => boolean,
): number {
  let count = 0;
  let text = prefix;
  for (let j = 0; j < syllables.length - 1; j += 1) {
    text += syllables[j];
    if (!fits(`${text}-`)) break;
    count = j + 1;
  }
  return count;
}

/**
 * `text` in lines no wider than `maxWidth`, as the browser lays out a name with `overflow-wrap: break-word`:
 * greedy, at spaces; at a soft hyphen when a word does not fit whole (the line then ends in "-"); anywhere
 * in a syllable wider than a line on its own. The map counts these lines to size its cards before they are
 * drawn, and the export draws them, so both break a name in the same places.
 */
export function breakLines(text: string, maxWidth: number, width: (text: string) => number): string[] {
  const fits = (candidate: string): boolean => width(candidate) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    let rest = word.split(SOFT_HYPHEN);
    const joined = line === '' ? rest.join('') : `${line} ${rest.join('')}`;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line !== '') {
      const count = syllablesThatFit(rest, `${line} `, fits);
      lines.push(count > 0 ? `${line} ${rest.slice(0, count).join('')}-` : line);
      rest = rest.slice(count);
      line = '';
    }
    for (;;) {
      const whole = rest.join('');
      if (fits(whole)) {
        line = whole;
        break;
      }
      const count = syllablesThatFit(rest, '', fits);
      if (count > 0) {
        lines.push(`${rest.slice(0, count).join('')}-`);
        rest = rest.slice(count);
        continue;
      }
      const chars = [...rest[0]!];
      let cut = Math.max(1, chars.length - 1);
      while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut -= 1;
      lines.push(chars.slice(0, cut).join(''));
      rest = [chars.slice(cut).join(''), ...rest.slice(1)];
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
