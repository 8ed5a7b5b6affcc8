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

/** Whether `code` may be part of a tag name (`[\w:-]`: the names the export writes). */
function isNameCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 58) || // 0-9 and ':'
    code === 95 || // _
    code === 45 // -
  );
}

const SLASH = 47;
const QUESTION = 63;
const EXCLAMATION = 33;

/**
 * The `name="value"` pairs of a tag, from `from` to `to` (by index, not by
 * regular expression: 26,000 tags of a large board). `buildBoardSvg` escapes
 * `>` and `"` in values, so neither ends a value early.
 */
function readAttributes(
  svg: string,
  from: number,
  to: number,
  names: Map<string, string>,
): Map<string, string> {
  const attributes = new Map<string, string>();
  let at = from;
  for (;;) {
    while (at < to && svg.charCodeAt(at) <= 32) at += 1;
    if (at >= to) return attributes;
    const equals = svg.indexOf('="', at);
    const end = equals === -1 ? -1 : svg.indexOf('"', equals + 2);
    if (equals === -1 || end === -1 || end >= to) throw new Error(`bad attribute at character ${at}`);
    // One string per attribute name for the whole tree: the sliced copy dies young instead of being kept 130,000 times.
    const sliced = svg.slice(at, equals);
    let name = names.get(sliced);
    if (name === undefined) {
      name = sliced;
      names.set(name, name);
    }
    attributes.set(name, unescape(svg.slice(equals + 2, end)));
    at = end + 1;
  }
}

/**
 * Parses an export SVG into its element tree; throws on markup it does not
 * expect. It reads the document by character codes and indexes, without a
 * substring per tag or a regular expression per name (the parse runs in both
 * PNG workers, on every export).
 */
export function parseExportSvg(svg: string): SvgElement {
  const stack: SvgElement[] = [];
  const names = new Map<string, string>();
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
    const first = svg.charCodeAt(open + 1);
    if (first === QUESTION || first === EXCLAMATION) continue;
    if (first === SLASH) {
      const element = stack.pop();
      if (!element || !closes(svg, open + 2, close, element.name)) {
        throw new Error(`unexpected </${svg.slice(open + 2, close).trim()}> at character ${open}`);
      }
      continue;
    }
    const selfClosing = svg.charCodeAt(close - 1) === SLASH;
    let nameEnd = open + 1;
    while (nameEnd < close && isNameCode(svg.charCodeAt(nameEnd))) nameEnd += 1;
    if (nameEnd === open + 1) throw new Error(`bad tag at character ${open}`);
    const name = svg.slice(open + 1, nameEnd);
    const attributes = readAttributes(svg, nameEnd, selfClosing ? close - 1 : close, names);
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

/** Whether `svg[from, to)` is `name`, give or take white space around it (a closing tag's name). */
function closes(svg: string, from: number, to: number, name: string): boolean {
  let start = from;
  let end = to;
  while (start < end && svg.charCodeAt(start) <= 32) start += 1;
  while (end > start && svg.charCodeAt(end - 1) <= 32) end -= 1;
  return end - start === name.length && svg.startsWith(name, start);
}
