import * as Y from 'yjs';
import { migrateBoard } from './migrations.ts';

/**
 * The first state of a new board, as one Yjs update: its schema version, and whatever `fill` writes with
 * the model's commands (a board started from a file). Stored with the board, so no server process has to
 * migrate (and log a row for) a board that was never at an older version.
 */
export function newBoardState(fill: (doc: Y.Doc) => void = () => undefined): Uint8Array {
  const doc = new Y.Doc();
  try {
    migrateBoard(doc);
    fill(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
