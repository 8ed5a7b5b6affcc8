/** Helpers shared by the commands; not exported from the package. */
import * as Y from 'yjs';
import { collection, localOrigin } from '../document.ts';
import type { EntityKind, EntityMap } from '../document.ts';
import { isGeneratedIdFormat } from '../ids.ts';

/** Run `fn` as one local transaction (one undo step, one update on the wire). */
export function transactLocal<T>(doc: Y.Doc, fn: () => T): T {
  let result: T | undefined;
  doc.transact(() => {
    result = fn();
  }, localOrigin);
  return result as T;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Set a field only when its value really changes, so re-saving an unchanged
 * side panel sends nothing and adds no undo step.
 */
export function setField(map: EntityMap, key: string, value: unknown): void {
  if (!sameValue(map.get(key), value)) map.set(key, value);
}

/** A new entity map with `fields`, stored under `id`. */
export function insertEntity(
  doc: Y.Doc,
  kind: EntityKind,
  id: string,
  fields: Record<string, unknown>,
): EntityMap {
  const map = new Y.Map<unknown>();
  collection(doc, kind).set(id, map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** Which kind of node an id is in the document, or null when it is not a (live) node. */
export function storedNodeKind(doc: Y.Doc, id: string): 'organisation' | 'person' | null {
  if (collection(doc, 'organisation').get(id) instanceof Y.Map) return 'organisation';
  if (collection(doc, 'person').get(id) instanceof Y.Map) return 'person';
  return null;
}

/** Which kind of entity an id is in the document, or null. */
export function storedEntityKind(doc: Y.Doc, id: string): EntityKind | null {
  for (const kind of ['organisation', 'person', 'project', 'relationship'] as const) {
    if (collection(doc, kind).get(id) instanceof Y.Map) return kind;
  }
  return null;
}

/** Throw a clear error unless `value` is a string id. */
export function assertId(command: string, value: unknown, what = 'id'): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${command}: ${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

/**
 * The id for a new entity: `requested` when given (it must look like a
 * generated id and not be taken by any entity on the board — an import that
 * keeps the ids of its file), else a fresh one from `generate`.
 */
export function newEntityId<Id extends string>(
  doc: Y.Doc,
  command: string,
  requested: string | undefined,
  generate: () => Id,
): Id {
  if (requested === undefined) return generate();
  if (typeof requested !== 'string' || !isGeneratedIdFormat(requested)) {
    throw new Error(
      `${command}: id must be a lower-case UUID like the ones the board generates, got ${JSON.stringify(requested)}`,
    );
  }
  if (storedEntityKind(doc, requested) !== null) {
    throw new Error(`${command}: id ${JSON.stringify(requested)} is already used on this board`);
  }
  return requested as Id;
}
