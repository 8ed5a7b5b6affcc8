const NEEDS_ESCAPING = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[&<>"']/u;

/**
 * Escapes text for XML character data and attribute values. Also drops the
 * characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone
 * surrogates, U+FFFE/U+FFFF), which would make the whole file unreadable.
 */
export function escapeXml(text: string): string {
  // Nearly every value (numbers, colours, ids, most names) needs nothing: one test instead of two replaces.
  if (!NEEDS_ESCAPING.test(text)) return text;
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

/** A number for SVG coordinates: one decimal, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Attributes from an object; undefined values are left out, strings are escaped. */
export function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** A `<text>` element with escaped content. */
export function text(content: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return `<text${attrs(values)}>${escapeXml(content)}</text>`;
}
