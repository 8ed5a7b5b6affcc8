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

const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

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
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[\w:-]+/.exec(body)?.[0];
    if (!name) throw new Error(`bad tag at character ${open}`);
    const attributes = new Map<string, string>();
    for (const match of body.slice(name.length).matchAll(ATTRIBUTE)) {
      attributes.set(match[1]!, unescape(match[2]!));
    }
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
