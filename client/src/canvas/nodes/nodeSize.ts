import type { Organisation, Person } from '@interplay/shared';
import { languageStore, translate } from '../../i18n/index.ts';
import { breakLines, nameText, SOFT_HYPHEN } from '../../theme/lineBreaks.ts';

/**
 * The size an organisation card or a person node will have on screen,
 * worked out from its text with the same fonts and box geometry as
 * `canvas.css` (`.ip-org…`, `.ip-person…`), so React Flow can show and place
 * a new node in its first render instead of mounting it hidden, measuring it
 * and rendering it again. It is an estimate: React Flow still measures every
 * node once it is in the DOM and corrects the few that differ (a name broken
 * in an unusual place, a font not loaded yet).
 */
export interface NodeSize {
  readonly width: number;
  readonly height: number;
}

const FONT_FAMILY = '"Inter Variable", system-ui, sans-serif';

/* .ip-org: border 8 + padding 8 + icon 36 + gap 10 … padding 12 + border 2; width between 200 and 280. */
const ORG_CHROME_X = 8 + 8 + 36 + 10 + 12 + 2;
const ORG_MIN_WIDTH = 200;
const ORG_MAX_WIDTH = 280;
/* padding 8 + 8, border 2 + 2 */
const ORG_CHROME_Y = 20;
const ORG_MIN_HEIGHT = 64;
const ORG_ICON = 36;
const ORG_NAME = { font: `700 16px ${FONT_FAMILY}`, lineHeight: 19.2, maxLines: 3 };
/* Uppercase, letter-spacing 0.03em, the page's line-height (1.5), 2 px above. */
const ORG_SECTOR = { font: `600 12px ${FONT_FAMILY}`, letterSpacing: 0.36, lineHeight: 18, gap: 2 };

/* .ip-person: 140 wide; padding-top 4, circle 52, name margin 4, name padding 1 + 1 (6 + 6 across). */
const PERSON_WIDTH = 140;
const PERSON_ABOVE_NAME = 4 + 52 + 4 + 2;
const PERSON_NAME = { font: `650 15px ${FONT_FAMILY}`, lineHeight: 18, width: PERSON_WIDTH - 12 };

type Measure = (text: string, font: string, letterSpacing: number) => number;

let context: CanvasRenderingContext2D | null | undefined;
let contextFont = '';
const widths = new Map<string, number>();

/** Text width from a 2D canvas; without one (unit tests in Node) an average glyph width. */
const measure: Measure = (text, font, letterSpacing) => {
  const key = `${font}|${letterSpacing}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  let width: number;
  if (context) {
    // Setting the font parses it: only when it changes (most calls are for the same style).
    if (font !== contextFont) {
      context.font = font;
      contextFont = font;
    }
    width = context.measureText(text).width + letterSpacing * text.length;
  } else {
    const size = Number(/(\d+)px/.exec(font)?.[1] ?? 16);
    width = text.length * (size * 0.58 + letterSpacing);
  }
  widths.set(key, width);
  return width;
};

interface TextStyle {
  readonly font: string;
  readonly letterSpacing?: number;
}

/** Width of the text on one line (CSS max-content). */
function maxContent(text: string, style: TextStyle): number {
  return measure(text, style.font, style.letterSpacing ?? 0);
}

/** Lines the browser needs for `text` in a box `width` wide (see `breakLines`). */
function lineCount(text: string, width: number, style: TextStyle): number {
  // Most names fit on one line: no need to measure their words.
  if (maxContent(text.replaceAll(SOFT_HYPHEN, ''), style) <= width + 0.01) return 1;
  const spacing = style.letterSpacing ?? 0;
  return breakLines(text, width + 0.01, (line) => measure(line, style.font, spacing)).length;
}

/** The on-screen size of an organisation card, its sector named in the current language. */
export function organisationSize(organisation: Pick<Organisation, 'name' | 'sector'>): NodeSize {
  const sector = translate(languageStore.getState().language, `sector.${organisation.sector}`).toUpperCase();
  const textWidth = Math.max(maxContent(organisation.name, ORG_NAME), maxContent(sector, ORG_SECTOR));
  // The browser lays the text out in the exact (fractional) width and reports it rounded.
  const exactWidth = Math.min(ORG_MAX_WIDTH, Math.max(ORG_MIN_WIDTH, ORG_CHROME_X + textWidth));
  // Layout works in 1/64 px and rounds a max-content width up to that unit.
  const width = Math.round(Math.ceil(exactWidth * 64) / 64);
  const textBox = exactWidth - ORG_CHROME_X;
  const nameLines = Math.min(ORG_NAME.maxLines, lineCount(nameText(organisation.name), textBox, ORG_NAME));
  const sectorLines = lineCount(sector, textBox, ORG_SECTOR);
  const text = nameLines * ORG_NAME.lineHeight + ORG_SECTOR.gap + sectorLines * ORG_SECTOR.lineHeight;
  const height = Math.max(ORG_MIN_HEIGHT, Math.round(ORG_CHROME_Y + Math.max(ORG_ICON, text)));
  return { width, height };
}

/** The on-screen size of a person node (circle and the name beneath it). */
export function personSize(person: Pick<Person, 'name'>): NodeSize {
  const lines = lineCount(nameText(person.name), PERSON_NAME.width, PERSON_NAME);
  return { width: PERSON_WIDTH, height: Math.round(PERSON_ABOVE_NAME + lines * PERSON_NAME.lineHeight) };
}
