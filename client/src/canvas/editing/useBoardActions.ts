import { useMemo } from 'react';
import type { NodeId } from '@interplay/shared';
import { useT } from '../../i18n/index.ts';
import { useMapContext } from '../MapContext.ts';
import { useFlowViewport } from '../reactFlow/flowState.ts';
import { useFitBoard } from '../reactFlow/useFitBoard.ts';
import { createBoardActions } from './boardActions.ts';
import type { BoardActions } from './boardActions.ts';

/**
 * The user's intents on the map and in the side panel, each one model command
 * (one transaction, one undo step), each checked against what this page may
 * do now (`permissions`). Shared by the toolbar, shortcuts and the side panel.
 * Where the map never edits (`editing` null) every change is refused.
 */
export function useBoardActions(): BoardActions {
  const { store, editing, readOnly, permissions } = useMapContext();
  const viewport = useFlowViewport();
  const fitBoard = useFitBoard();
  const t = useT();
  const doc = editing?.doc ?? null;
  const undoManager = editing?.undoManager ?? null;

  return useMemo(() => {
    const hint = store.getState().setHint;
    const refused = (action: Parameters<typeof permissions.why>[0]): boolean => {
      const why = permissions.why(action);
      if (why !== null && !readOnly) hint(why);
      return why !== null || doc === null;
    };
    return createBoardActions({
      doc,
      store,
      undoManager,
      readOnly,
      t,
      viewCentre: () => viewport.centre(),
      selectedNodeIds: () => store.getState().selection.nodeIds as NodeId[],
      hint,
      refused,
      may: (action) => permissions.why(action) === null && doc !== null,
      edit(write, action = 'edit') {
        if (!refused(action) && doc) write(doc);
      },
      fitBoard,
    });
  }, [doc, fitBoard, permissions, readOnly, store, t, undoManager, viewport]);
}
