/**
 * A vertical range `[top, bottom]` (in the element's own units) that holds
 * everything a shape covers, before its stroke width is added. Conservative:
 * it may be larger than the shape, never smaller.
 */
export type YExtent = readonly [top: number, bottom: number];

const TOKENS = /[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
/** Numbers each path command takes. */
const ARITY: Readonly<Record<string, number>> = {
  m: 2,
  l: 2,
  t: 2,
  h: 1,
  v: 1,
  c: 6,
  s: 4,
  q: 4,
  a: 7,
  z: 0,
};

/**
 * The vertical extent of SVG path data (every command, absolute and
 * relative). Bézier curves lie within their control points, so those count
 * as points; an arc lies within twice its larger radius of its start. Empty
 * or unreadable data gives `[Infinity, -Infinity]` (covers nothing).
 */
export function pathYExtent(d: string): YExtent {
  let top = Infinity;
  let bottom = -Infinity;
  const see = (y: number): void => {
    if (y < top) top = y;
    if (y > bottom) bottom = y;
  };
  const tokens = d.match(TOKENS) ?? [];
  let command = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let at = 0;
  const args: number[] = [];
  while (at < tokens.length) {
    const token = tokens[at]!;
    const letter = /^[A-Za-z]$/.test(token);
    if (letter) {
      command = token;
      at += 1;
    } else if (command === '') return [Infinity, -Infinity];
    const lower = command.toLowerCase();
    const relative = command !== command.toUpperCase();
    const arity = ARITY[lower] ?? 0;
    if (arity === 0) {
      x = startX;
      y = startY;
      if (!letter) at += 1;
      continue;
    }
    args.length = 0;
    for (let k = 0; k < arity && at < tokens.length && !/^[A-Za-z]$/.test(tokens[at]!); k += 1) {
      args.push(Number(tokens[at]));
      at += 1;
    }
    if (args.length < arity) break;
    const dy = relative ? y : 0;
    const dx = relative ? x : 0;
    switch (lower) {
      case 'h':
        x = args[0]! + dx;
        break;
      case 'v':
        y = args[0]! + dy;
        see(y);
        break;
      case 'a': {
        const reach = 2 * Math.max(Math.abs(args[0]!), Math.abs(args[1]!));
        see(y - reach);
        see(y + reach);
        x = args[5]! + dx;
        y = args[6]! + dy;
        see(y);
        break;
      }
      default:
        // Control points, then the end point (the last pair).
        for (let k = 1; k < arity; k += 2) see(args[k]! + dy);
        x = args[arity - 2]! + dx;
        y = args[arity - 1]! + dy;
    }
    if (lower === 'm') {
      startX = x;
      startY = y;
      // Pairs after a moveto are linetos of the same kind.
      command = relative ? 'l' : 'L';
    }
    see(y);
  }
  return [top, bottom];
}
