/**
 * The board's past states as the model sees them: rebuilding a stored state, reading it, and making the live
 * document equal to it again (a restore). The server decides when states are taken and stores them as Yjs
 * updates; only this module knows which parts of the layout a restore brings back.
 */
import * as Y from 'yjs';
import { COLLECTION_KEYS, ENTITY_KINDS, FACILITATION_KEYS } from './document.ts';
import { makeEqual, toTree, tryMap } from './mapTree.ts';
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
      if (target !== null && source !== null) makeEqual(target, toTree(source));
    }
  }, origin);
}
