/**
 * A stored entry as plain data, and making a `Y.Map` hold such data key by key: a restore makes the live
 * document equal to a past one (`history.ts`), the anonymised view makes its projection equal to what the
 * rule makes of the board (`anonymousProjection.ts`). Only keys that differ are written.
 */
import * as Y from 'yjs';

/** Stands for a shared type other than a map: the board has none, and one a hostile page wrote is left alone. */
const FOREIGN_TYPE: unique symbol = Symbol('foreign shared type');

/** Nested `Y.Map`s become `Map`s, other shared types {@link FOREIGN_TYPE}, everything else stays a value. */
export type Tree = Map<string, unknown>;

export function toTree(map: Y.Map<unknown>): Tree {
  const tree: Tree = new Map();
  map.forEach((value, key) => {
    if (value instanceof Y.Map) tree.set(key, toTree(value as Y.Map<unknown>));
    else tree.set(key, value instanceof Y.AbstractType ? FOREIGN_TYPE : value);
  });
  return tree;
}

function toYMap(tree: Tree): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of tree) {
    if (value instanceof Map) map.set(key, toYMap(value as Tree));
    else if (value !== FOREIGN_TYPE) map.set(key, value);
  }
  return map;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** Makes `target[key]` hold `value` (a tree or a plain value), touching nothing that is equal already. */
export function setEqual(target: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === FOREIGN_TYPE) return;
  const current = target.get(key);
  if (value instanceof Map) {
    if (current instanceof Y.Map) makeEqual(current as Y.Map<unknown>, value as Tree);
    else target.set(key, toYMap(value as Tree));
  } else if (current instanceof Y.AbstractType || !sameValue(current, value)) {
    target.set(key, value);
  }
}

/** Makes `target` hold `tree`, touching only the keys that differ. */
export function makeEqual(target: Y.Map<unknown>, tree: Tree): void {
  for (const key of Array.from(target.keys())) if (!tree.has(key)) target.delete(key);
  for (const [key, value] of tree) setEqual(target, key, value);
}

/** A top-level map of `doc`, or null when a (hostile) page defined that name as another type. */
export function tryMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}
