import { useEffect, useState } from 'react';
import { createUndoManager, isReadOnlyRole, onPurge } from '@interplay/shared';
import type { UndoManager } from 'yjs';
import type { BoardSession } from '../../sync/BoardSession.ts';

/**
 * This page's undo history of the live board (none for a view-only link). It lives as long as the session,
 * not the map: looking at the board as it was and coming back keeps it.
 */
export function useUndoManager(session: BoardSession): UndoManager | null {
  const [undoManager, setUndoManager] = useState<UndoManager | null>(null);
  const viewer = isReadOnlyRole(session.role);
  useEffect(() => {
    if (viewer) return;
    // What one undo step is (a command; a whole drag, see useDragSync) is the model's rule (board/undo.ts).
    const manager = createUndoManager(session.doc);
    // Undoing a delete after the facilitator removed that person for good would bring them back.
    const stopClearing = onPurge(session.doc, () => manager.clear());
    setUndoManager(manager);
    return () => {
      stopClearing();
      manager.destroy();
      setUndoManager(null);
    };
  }, [viewer, session.doc]);
  return undoManager;
}
