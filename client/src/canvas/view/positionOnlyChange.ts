import type { BoardSnapshot } from '@interplay/shared';
import type { DragFrame } from './dragFrame.ts';
import { MOVING_LIMIT } from '../layers/movingNodes.ts';

/** Same field values, arrays compared element by element (the reader re-reads a changed entity whole). */
function sameExceptPosition(a: object, b: object): boolean {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  const keys = Object.keys(after);
  if (Object.keys(before).length !== keys.length) return false;
  for (const key of keys) {
    if (key === 'position') continue;
    const x = before[key];
    const y = after[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    if (x.some((item, i) => item !== y[i])) return false;
  }
  return true;
}

function movedIn<T extends { readonly id: string; readonly position: { x: number; y: number } }>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  moved: Array<{ id: string; position: { x: number; y: number } }>,
): boolean {
  if (before === after) return true;
  if (before.size !== after.size) return false;
  for (const [id, entity] of after) {
    const previous = before.get(id);
    if (previous === entity) continue;
    if (!previous || !sameExceptPosition(previous, entity) || moved.length >= MOVING_LIMIT) return false;
    moved.push({ id, position: { x: entity.position.x, y: entity.position.y } });
  }
  return true;
}

/**
 * The nodes that moved from `previous` to `next`, when moving a few nodes is
 * all that changed (someone else dragging); null when anything else changed
 * too (a rename, a new node, a project, a comment, a setting…), nothing
 * changed, or more than `MOVING_LIMIT` nodes moved (an import, a layout).
 * The reader keeps every unchanged map and entity object, so this compares
 * by identity and looks at the fields of the changed entities only.
 */
export function positionOnlyChange(previous: BoardSnapshot, next: BoardSnapshot): DragFrame | null {
  if (
    previous.projects !== next.projects ||
    previous.relationships !== next.relationships ||
    previous.settings !== next.settings ||
    previous.annotations !== next.annotations ||
    previous.health !== next.health ||
    previous.giveTake !== next.giveTake
  ) {
    return null;
  }
  const moved: Array<{ id: string; position: { x: number; y: number } }> = [];
  if (!movedIn(previous.organisations, next.organisations, moved)) return null;
  if (!movedIn(previous.people, next.people, moved)) return null;
  return moved.length > 0 ? moved : null;
}
