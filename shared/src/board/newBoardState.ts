import * as Y from 'yjs';
import { migrateBoard } from './migrations.ts';

/**
 * The whole state, as one Yjs update, of a new board that `fill` writes with the model's commands. The
 * board starts at the current schema version. For code outside the model that builds a board to store.
 */
export function newBoardState(fill: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    migrateBoard(doc);
    fill(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
