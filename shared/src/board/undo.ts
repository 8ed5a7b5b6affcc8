/**
 * Undo, in one place: what it covers (the board's types, never settings), whose edits (only this page's
 * commands, `localOrigin`), and what one step is. Every command is one transaction and one step: merging by
 * time would glue quick successive edits (create, rename, set sector…) together. A gesture made of many
 * transactions, a drag, is one step from {@link beginUndoGesture} to {@link endUndoGesture}.
 */
import * as Y from 'yjs';
import { boardTypes, localOrigin } from './document.ts';

/** Transactions closer together than this merge into one step: none, each command stands alone. */
export const UNDO_CAPTURE_TIMEOUT_MS = 0;

/** An undo manager over the board that tracks only this client's commands: undo never reverts others' work. */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(boardTypes(doc), {
    trackedOrigins: new Set<unknown>([localOrigin]),
    captureTimeout: UNDO_CAPTURE_TIMEOUT_MS,
  });
}

/**
 * Starts a gesture (a drag) whose transactions undo as one step, however long it pauses: what came before
 * stays a step of its own, and the capture window is held open until {@link endUndoGesture}.
 */
export function beginUndoGesture(manager: Y.UndoManager): void {
  manager.stopCapturing();
  manager.captureTimeout = Number.MAX_SAFE_INTEGER;
}

/** Ends the gesture: its step is closed, and the next command is a step of its own again. */
export function endUndoGesture(manager: Y.UndoManager): void {
  manager.captureTimeout = UNDO_CAPTURE_TIMEOUT_MS;
  manager.stopCapturing();
}
