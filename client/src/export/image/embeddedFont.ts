/**
 * A font file to embed in an export as a base64 `@font-face`, so the file
 * looks the same on a computer without the font. `unicodeRange` is CSS syntax
 * (`U+0000-00FF,U+0131`); a font is embedded only when the export's text uses
 * a character in its range.
 */
export interface EmbeddedFont {
  readonly woff2Base64: string;
  readonly unicodeRange: string;
}

/** The family name inside exports; distinct from the page's, so an installed Inter cannot stand in for it. */
export const EXPORT_FONT_FAMILY = 'Interplay Inter';
/** What `<svg font-family>` asks for: the embedded font, then the same font by its usual names. */
export const EXPORT_FONT_STACK = `'${EXPORT_FONT_FAMILY}', 'Inter Variable', Inter, system-ui, sans-serif`;

/**
 * The two files of `@fontsource-variable/inter` the export embeds (one
 * variable font covers every weight), with their ranges from its `wght.css`.
 */
export const INTER_FONT_FILES = {
  latin: {
    file: 'inter-latin-wght-normal.woff2',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  latinExt: {
    file: 'inter-latin-ext-wght-normal.woff2',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
} as const;

/** A regular expression matching any character in a CSS unicode-range. */
export function unicodeRangePattern(unicodeRange: string, flags = 'u'): RegExp {
  const classes = unicodeRange.split(',').map((part) => {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match?.[1]) throw new Error(`bad unicode-range part: ${part}`);
    const from = `\\u{${match[1]}}`;
    return match[2] ? `${from}-\\u{${match[2]}}` : from;
  });
  return new RegExp(`[${classes.join('')}]`, flags);
}

/**
 * The distinct characters of `text` (a surrogate pair as one, a lone
 * surrogate on its own), in order of first appearance. A large board's body
 * is megabytes of markup but uses about a hundred characters: testing those
 * against each font's range costs one scan instead of a regular expression
 * run and a copy of the whole body per font (which took half of the build).
 */
function distinctCharacters(pieces: readonly string[]): string[] {
  return distinctCodeUnits(pieces) ?? distinctCodePoints(pieces.join(''));
}

/**
 * The fast scan: one regular expression per new character, matching any
 * character not seen yet, each continuing where the last one stopped (the
 * engine skips known characters far faster than a loop). Null when the text
 * has a surrogate, whose pair must be read as one character.
 */
function distinctCodeUnits(pieces: readonly string[]): string[] | null {
  const characters: string[] = [];
  let seen = '';
  let unseen = /[^]/g;
  for (const piece of pieces) {
    unseen.lastIndex = 0;
    for (;;) {
      const match = unseen.exec(piece);
      if (!match) break;
      const code = piece.charCodeAt(match.index);
      if (code >= 0xd800 && code <= 0xdfff) return null;
      characters.push(piece[match.index]!);
      seen += `\\u${code.toString(16).padStart(4, '0')}`;
      unseen = new RegExp(`[^${seen}]`, 'g');
      unseen.lastIndex = match.index + 1;
    }
  }
  return characters;
}

/** The exact scan, code point by code point. */
function distinctCodePoints(text: string): string[] {
  const seen = new Set<string>();
  for (const character of text) seen.add(character);
  return [...seen];
}

/**
 * `@font-face` rules for the fonts `usedText` needs (one string, or its
 * pieces in order): a font is embedded when the text has a character in its
 * range that no earlier font covers.
 */
export function fontFaceCss(fonts: readonly EmbeddedFont[], usedText: string | readonly string[]): string {
  if (fonts.length === 0) return '';
  let rest = distinctCharacters(typeof usedText === 'string' ? [usedText] : usedText);
  const rules: string[] = [];
  for (const font of fonts) {
    const pattern = unicodeRangePattern(font.unicodeRange);
    const covered = rest.filter((character) => pattern.test(character));
    if (covered.length === 0) continue;
    rest = rest.filter((character) => !pattern.test(character));
    rules.push(
      `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-style:normal;font-weight:100 900;` +
        `src:url(data:font/woff2;base64,${font.woff2Base64}) format('woff2');unicode-range:${font.unicodeRange};}`,
    );
  }
  return rules.join('');
}
