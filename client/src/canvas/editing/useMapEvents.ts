import { useCallback, useMemo } from 'react';
import type { MouseEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Connection, NodeChange } from '@xyflow/react';
import { moveNodes } from '@interplay/shared';
import type { NodeId, Position } from '@interplay/shared';
import { useMapContext, useMapView } from '../MapContext.ts';
import type { BoardFlowEdge, BoardFlowNode } from '../view/flowTypes.ts';
import { selectApplyEdgeChanges, selectApplyNodeChanges } from '../view/selectors.ts';
import { useBoardActions } from './useBoardActions.ts';
import { useBoardShortcuts } from './useBoardShortcuts.ts';
import { useDragSync } from './useDragSync.ts';

/**
 * What the map does with React Flow's events: node changes (a drag goes to
 * `useDragSync`, an arrow-key move to the document), drawing a relationship,
 * a double-click on the empty map, clicks and hovers; and the shortcuts.
 */
export function useMapEvents(onAltDoubleClick: ((at: Position) => void) | undefined) {
  const { store, editing, readOnly, permissions } = useMapContext();
  const applyNodeChanges = useMapView(selectApplyNodeChanges);
  const onEdgesChange = useMapView(selectApplyEdgeChanges);
  const actions = useBoardActions();
  const doc = editing?.doc ?? null;
  const drag = useDragSync(doc, store, editing?.undoManager ?? null, permissions.move);
  const { screenToFlowPosition } = useReactFlow();
  useBoardShortcuts(actions, readOnly);
  // Arrow-key moves of selected nodes (React Flow's keyboard a11y) are not drags: write them here.
  // A drag's final change arrives here too; writing the same position again is a no-op in the model.
  const onNodesChange = useCallback(
    (changes: NodeChange<BoardFlowNode>[]) => {
      if (drag.onDragFrame(changes)) return;
      applyNodeChanges(changes);
      if (!permissions.move || !doc) return;
      const moves = changes.flatMap((change) =>
        change.type === 'position' && change.position && !change.dragging
          ? [
              {
                id: change.id as NodeId,
                position: { x: Math.round(change.position.x), y: Math.round(change.position.y) },
              },
            ]
          : [],
      );
      if (moves.length > 0) moveNodes(doc, moves);
    },
    [applyNodeChanges, doc, drag, permissions.move],
  );

  const onConnect = useCallback(
    (connection: Connection) => actions.connectNodes(connection.source, connection.target),
    [actions],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) {
        return;
      }
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Alt/Ctrl/Cmd+double-click is the page's (a free note); a plain one adds an organisation.
      if (event.altKey || event.ctrlKey || event.metaKey) {
        onAltDoubleClick?.(at);
        return;
      }
      if (readOnly) return;
      actions.addOrganisation({ x: at.x - 110, y: at.y - 32 });
    },
    [actions, onAltDoubleClick, readOnly, screenToFlowPosition],
  );

  const handlers = useMemo(
    () => ({
      onPaneClick: () => {
        store.getState().selectProject(null, true);
        store.getState().setHint(null);
      },
      onNodeClick: (event: MouseEvent) => {
        if (!event.ctrlKey && !event.metaKey && !event.shiftKey) store.getState().selectProject(null, true);
      },
      onEdgeClick: () => store.getState().selectProject(null, true),
      onEdgeMouseEnter: (_event: MouseEvent, edge: BoardFlowEdge) => store.getState().setHoveredEdge(edge.id),
      onEdgeMouseLeave: () => store.getState().setHoveredEdge(null),
      dismissHint: () => store.getState().setHint(null),
    }),
    [store],
  );

  return { actions, drag, onNodesChange, onConnect, onDoubleClick, handlers, onEdgesChange };
}
