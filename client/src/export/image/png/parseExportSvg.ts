/**
 * A reader for the SVG documents `buildBoardSvg` writes (not for SVG in
 * general): elements with double-quoted attributes, escaped text, no
 * comments or CDATA. It lets the PNG be painted from exactly the document the
 * SVG export saves, with Canvas 2D in a worker, where there is no DOMParser.
 */
export interface SvgElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: SvgElement[];
  /** Character data directly inside the element (for `<text>`). */
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function unescape(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

const NAME = /^[\w:-]+/;

/**
 * The `name="value"` pairs of a tag, from `from` to `to` (by index, not by
 * regular expression: 26,000 tags of a large board). `buildBoardSvg` escapes
 * `>` and `"` in values, so neither ends a value early.
 */
function readAttributes(svg: string, from: number, to: number): Map<string, string> {
  const attributes = new Map<string, string>();
  let at = from;
  for (;;) {
    while (at < to && svg.charCodeAt(at) <= 32) at += 1;
    if (at >= to) return attributes;
    const equals = svg.indexOf('="', at);
    const end = equals === -1 ? -1 : svg.indexOf('"', equals + 2);
    if (equals === -1 || end === -1 || end >= to) throw new Error(`bad attribute at character ${at}`);
    attributes.set(svg.slice(at, equals), unescape(svg.slice(equals + 2, end)));
    at = end + 1;
  }
}

/** Parses an export SVG into its element tree; throws on markup it does not expect. */
export function parseExportSvg(svg: string): SvgElement {
  const stack: SvgElement[] = [];
  let root: SvgElement | null = null;
  let at = 0;
  while (at < svg.length) {
    const open = svg.indexOf('<', at);
    const textEnd = open === -1 ? svg.length : open;
    if (textEnd > at && stack.length > 0) stack[stack.length - 1]!.text += unescape(svg.slice(at, textEnd));
    if (open === -1) break;
    const close = svg.indexOf('>', open);
    if (close === -1) throw new Error(`unterminated tag at character ${open}`);
    at = close + 1;
    const tag = svg.slice(open + 1, close);
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const element = stack.pop();
      if (element?.name !== name) throw new Error(`unexpected </${name}> at character ${open}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const name = NAME.exec(tag)?.[0];
    if (!name) throw new Error(`bad tag at character ${open}`);
    const attributes = readAttributes(svg, open + 1 + name.length, selfClosing ? close - 1 : close);
    const element: SvgElement = { name, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('the SVG document is incomplete');
  return root;
}
