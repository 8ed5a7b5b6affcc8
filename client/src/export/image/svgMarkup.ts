/**
 * Anything but the characters that need neither an entity nor removal, by
 * UTF-16 code unit: without the `u` flag the engine scans a one-byte string
 * (path data, ids, colours, most names) several times faster. It also matches
 * every surrogate, valid pairs included; those texts take the exact path.
 */
const MAY_NEED_ESCAPING = /[^\t\n\r\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;
const NEEDS_ESCAPING = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[&<>"']/u;

/**
 * Escapes text for XML character data and attribute values. Also drops the
 * characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone
 * surrogates, U+FFFE/U+FFFF), which would make the whole file unreadable.
 */
export function escapeXml(text: string): string {
  // Nearly every value (numbers, colours, ids, most names) needs nothing: one test instead of two replaces.
  if (!MAY_NEED_ESCAPING.test(text) || !NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** "0" … "9", so that a tenth is written without converting a number. */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * A number for SVG coordinates: one decimal, no "-0". Writes the same digits
 * as `String(Math.round(value * 10) / 10)`, but from integers: printing a
 * fraction is V8's slowest number-to-string path, and a large board's export
 * prints about a hundred thousand coordinates.
 */
export function num(value: number): string {
  const tenths = Math.round(value * 10);
  if (tenths === 0) return '0';
  const magnitude = tenths < 0 ? -tenths : tenths;
  // Beyond 2^31 (and for NaN or Infinity) the plain conversion, which is exact everywhere.
  if (!(magnitude < 0x80000000)) return String(tenths / 10);
  const digit = magnitude % 10;
  const whole = (magnitude - digit) / 10;
  const sign = tenths < 0 ? '-' : '';
  return digit === 0 ? `${sign}${whole}` : `${sign}${whole}.${DIGITS[digit]}`;
}

/** Attributes from an object; undefined values are left out, strings are escaped. */
export function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  // for…in, not Object.entries: no array per attribute (tens of thousands of elements).
  for (const name in values) {
    const value = values[name];
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** A `<text>` element with escaped content. */
export function text(content: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return `<text${attrs(values)}>${escapeXml(content)}</text>`;
}

/**
 * Markup collected element by element and joined into flat strings every few
 * hundred elements. An element's markup is a tree of string pieces until it
 * is joined; kept in one list to the end, tens of thousands of those trees
 * would survive every young-generation collection of the build and be copied
 * each time (a fifth of the build was garbage collection).
 */
export class MarkupBuffer {
  private pending: string[] = [];
  private readonly done: string[] = [];

  add(markup: string): void {
    this.pending.push(markup);
    if (this.pending.length === 256) this.flush();
  }

  /** Everything added so far, in order, as flat strings of a few hundred elements each. */
  chunks(): readonly string[] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.done.push(this.pending.join(''));
    this.pending = [];
  }
}
