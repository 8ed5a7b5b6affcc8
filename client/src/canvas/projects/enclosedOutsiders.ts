import type { Box } from './projectShape.ts';

/**
 * A project's area is the convex hull of its members, so it can take in a
 * card or a person that is not a member. The map and the image export say
 * so: such an outsider gets a frame cut out of the area, dashed in the
 * project's colour, and the project's name tag lists it in its tooltip.
 * React-free.
 */

interface Point {
  readonly x: number;
  readonly y: number;
}

/** How far the cut-out frame reaches around an outsider's box. */
export const OUTSIDER_MARGIN = 8;

/** Whether `p` is inside the convex polygon `outline` (either turning direction). */
export function insideConvex(p: Point, outline: readonly Point[]): boolean {
  if (outline.length < 3) return false;
  let sign = 0;
  for (let i = 0; i < outline.length; i += 1) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross === 0) continue;
    const s = Math.sign(cross);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/**
 * The nodes of `nodes` that are not among `memberIds` but whose box's middle lies inside the area's
 * `outline`, in the order given. A person whose organisation is a member is not an outsider: people stand
 * beside their organisation's card, inside its project's area.
 */
export function enclosedOutsiders<
  T extends { readonly id: string; readonly box: Box; readonly organisationId?: string | null },
>(outline: readonly Point[], memberIds: ReadonlySet<string>, nodes: readonly T[]): T[] {
  if (outline.length < 3) return [];
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of outline) {
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x);
    bottom = Math.max(bottom, p.y);
  }
  return nodes.filter(({ id, box, organisationId }) => {
    if (memberIds.has(id) || (organisationId && memberIds.has(organisationId))) return false;
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    if (middle.x < left || middle.x > right || middle.y < top || middle.y > bottom) return false;
    return insideConvex(middle, outline);
  });
}

/** The frame cut out of an area around an outsider's box. */
export function outsiderFrame(box: Box): Box {
  return {
    x: box.x - OUTSIDER_MARGIN,
    y: box.y - OUTSIDER_MARGIN,
    width: box.width + 2 * OUTSIDER_MARGIN,
    height: box.height + 2 * OUTSIDER_MARGIN,
  };
}
