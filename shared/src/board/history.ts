/**
 * The board's past states as the model sees them: rebuilding a stored state, reading it, and making the live
 * document equal to it again (a restore). The server decides when states are taken and stores them as Yjs
 * updates; only this module knows which parts of the layout a restore brings back.
 */
import * as Y from 'yjs';
import { COLLECTION_KEYS, ENTITY_KINDS, FACILITATION_KEYS } from './document.ts';
import { readBoard } from './read.ts';
import type { BoardSnapshot } from './types.ts';

/**
 * A document holding a stored state: `parts` are Yjs updates applied in order (a full state, then the
 * changes of each later state). Parts Yjs cannot apply are skipped: a damaged one must not hide the rest.
 */
export function docFromParts(parts: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const part of parts) {
      try {
        Y.applyUpdate(doc, part);
      } catch {
        // Left out; the reader repairs whatever it leaves inconsistent.
      }
    }
  });
  return doc;
}

/** The board held by a stored state (one Yjs update), read as the live board is. */
export function readBoardState(update: Uint8Array): BoardSnapshot {
  const doc = docFromParts([update]);
  try {
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * What a restore brings back: the entities, comments, health scores and give and take. The settings (locks,
 * phase) and `meta` stay as they are now: a restore recovers content, it must not unlock a locked session.
 */
const RESTORED_ROOTS: readonly string[] = [
  ...ENTITY_KINDS.map((kind) => COLLECTION_KEYS[kind]),
  FACILITATION_KEYS.annotations,
  FACILITATION_KEYS.health,
  FACILITATION_KEYS.giveTake,
];

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

function copyMap(source: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  source.forEach((value, key) => {
    if (value instanceof Y.Map) copy.set(key, copyMap(value as Y.Map<unknown>));
    else if (!(value instanceof Y.AbstractType)) copy.set(key, value);
  });
  return copy;
}

/** Makes `target` hold what `source` holds, touching only the keys that differ. */
function makeEqual(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of Array.from(target.keys())) if (!source.has(key)) target.delete(key);
  source.forEach((value, key) => {
    const current = target.get(key);
    if (value instanceof Y.Map) {
      if (current instanceof Y.Map) makeEqual(current as Y.Map<unknown>, value as Y.Map<unknown>);
      else target.set(key, copyMap(value as Y.Map<unknown>));
    } else if (value instanceof Y.AbstractType) {
      // The board has no other shared types; one a hostile page wrote is not brought back.
    } else if (current instanceof Y.AbstractType || !sameValue(current, value)) {
      target.set(key, value);
    }
  });
}

function tryMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

/**
 * Makes the board in `doc` what it was in `past`, as one transaction with `origin`: every entity, comment,
 * health score and give-and-take entry that differs is deleted, added or set back, field by field, so a field
 * nobody changed since is not touched. Settings stay as they are (see {@link RESTORED_ROOTS}).
 */
export function restoreBoard(doc: Y.Doc, past: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    for (const name of RESTORED_ROOTS) {
      const target = tryMap(doc, name);
      const source = tryMap(past, name);
      if (target !== null && source !== null) makeEqual(target, source);
    }
  }, origin);
}
