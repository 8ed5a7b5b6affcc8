import * as Y from 'yjs';
import { boardTypes, localOrigin } from './document.ts';

/** Edits closer together than this merge into one undo step (typing, a drag's many moves). */
export const UNDO_CAPTURE_TIMEOUT_MS = 500;

/**
 * An undo manager over every board collection that tracks only this client's
 * commands (`localOrigin`): undo never reverts what others did.
 * Call `stopCapturing()` when a drag starts so the drag becomes its own step.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(boardTypes(doc), {
    trackedOrigins: new Set<unknown>([localOrigin]),
    captureTimeout: UNDO_CAPTURE_TIMEOUT_MS,
  });
}
