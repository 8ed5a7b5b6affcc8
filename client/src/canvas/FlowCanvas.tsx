import { useCallback, useMemo } from 'react';
import type { MouseEvent } from 'react';
import { ConnectionMode, Controls, MiniMap, Panel, ReactFlow, useReactFlow } from '@xyflow/react';
import type { AriaLabelConfig, Connection, EdgeTypes, NodeChange, NodeTypes } from '@xyflow/react';
import { moveNodes } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { Legend } from '../legend/Legend.tsx';
import { RemoteCursors } from '../presence/RemoteCursors.tsx';
import { useCursorBroadcast } from '../presence/useCursorBroadcast.ts';
import { SECTOR_COLOURS } from '../theme/sectors.ts';
import { useBoardView, useBoardViewContext } from './BoardViewContext.ts';
import { AffiliationEdge } from './edges/AffiliationEdge.tsx';
import { RelationshipEdge } from './edges/RelationshipEdge.tsx';
import { OrganisationNode } from './nodes/OrganisationNode.tsx';
import { PersonNode } from './nodes/PersonNode.tsx';
import { ProjectAreas } from './projects/ProjectAreas.tsx';
import {
  selectApplyEdgeChanges,
  selectApplyNodeChanges,
  selectEdges,
  selectNodes,
} from './view/selectors.ts';
import type { BoardFlowEdge, BoardFlowNode } from './view/flowTypes.ts';
import { Toolbar } from './Toolbar.tsx';
import { ExportImportButtons } from '../export/dialog/ExportImportButtons.tsx';
import { useBoardActions } from './editing/useBoardActions.ts';
import { useBoardShortcuts } from './editing/useBoardShortcuts.ts';
import { useDragSync } from './editing/useDragSync.ts';
import { PaintHints } from './layers/PaintHints.tsx';
import { DotBackground } from './layers/DotBackground.tsx';
import { CanvasMiniMap } from './layers/CanvasMiniMap.tsx';
import { DraggedEdges } from './layers/DraggedEdges.tsx';
import { OverviewEdges, useOverviewEdgeSplit } from './layers/OverviewEdges.tsx';
import { useRenderWindow } from './layers/useRenderWindow.ts';
import './layers/paint.css';
import { FacilitationLayer } from '../facilitation/FacilitationLayer.tsx';
import { NotesLayer } from '../annotations/NotesLayer.tsx';
import { useAddNote } from '../annotations/useAddNote.ts';
import { BoardInsights } from '../health/BoardInsights.tsx';
import { useFitOnArrival } from './reactFlow/useFitOnArrival.ts';
import { useRemoteMover } from './reactFlow/useRemoteMover.ts';
import { BOARD_FIT_PADDING } from './fitPadding.ts';

// Module-level so React Flow never sees new type maps (which would remount every node).
const nodeTypes: NodeTypes = { organisation: OrganisationNode, person: PersonNode };
const edgeTypes: EdgeTypes = { relationship: RelationshipEdge, affiliation: AffiliationEdge };
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];
const PRO_OPTIONS = { hideAttribution: true };
// Props React Flow copies into its store whenever they change identity (each copy re-runs every
// node's and edge's store selectors): module-level or memoised, never new objects per render.
const FIT_VIEW_OPTIONS = { padding: BOARD_FIT_PADDING, maxZoom: 1.2 };
/** Small enough to leave the bottom edge to the legend and the session tools on a laptop. */
const MINIMAP_SIZE = { width: 180, height: 120 };
/** Above this many nodes only a window around the screen is painted at working zoom (`useRenderWindow`). */
const VISIBLE_ONLY_ABOVE = 300;
/** Above this many nodes the minimap is one canvas (`CanvasMiniMap`): React Flow's costs every node on every frame. */
const CANVAS_MINIMAP_ABOVE = 500;

function minimapColour(node: BoardFlowNode): string {
  return node.type === 'organisation' ? SECTOR_COLOURS[node.data.organisation.sector] : '#334155';
}

function isValidConnection(connection: Connection | BoardFlowEdge): boolean {
  return connection.source !== connection.target;
}

/** The React Flow map with its toolbar, controls, minimap, legend, project areas and cursors. */
export function FlowCanvas() {
  const t = useT();
  const { session, store, undoManager, readOnly, permissions } = useBoardViewContext();
  const nodes = useBoardView(selectNodes);
  const edges = useBoardView(selectEdges);
  // On a large board at the overview most edges are drawn by one layer, not by React Flow (OverviewEdges).
  const { flowEdges, layerEdges, overview } = useOverviewEdgeSplit(edges, nodes.length);
  // On a large board at working zoom only a window around the view is painted, re-centred as the view nears its
  // border (instead of React Flow's onlyRenderVisibleElements, which re-mounts at the screen border every frame).
  const windowed = useRenderWindow(nodes, flowEdges, nodes.length > VISIBLE_ONLY_ABOVE && !overview);
  const applyNodeChanges = useBoardView(selectApplyNodeChanges);
  const onEdgesChange = useBoardView(selectApplyEdgeChanges);
  const actions = useBoardActions();
  const drag = useDragSync(session.doc, store, undoManager, permissions.move);
  const cursor = useCursorBroadcast(session.awareness);
  const { screenToFlowPosition } = useReactFlow();
  useBoardShortcuts(actions, readOnly);
  const addNote = useAddNote();
  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitHint'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.node.connect'),
      'node.a11yDescription.default': t('canvas.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeNoKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('canvas.a11y.moved', { direction, x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('canvas.a11y.edge'),
    }),
    [t],
  );

  // The document usually arrives after the map mounts (from IndexedDB or the server): fit once it does,
  // before its first render with nodes.
  useFitOnArrival(store, FIT_VIEW_OPTIONS);
  // Someone else's drag moves the nodes in React Flow directly, without a new nodes array.
  useRemoteMover(store, nodes.length <= CANVAS_MINIMAP_ABOVE);

  // Arrow-key moves of selected nodes (React Flow's keyboard a11y) are not drags: write them here.
  // A drag's final change arrives here too; writing the same position again is a no-op in the model.
  const onNodesChange = useCallback(
    (changes: NodeChange<BoardFlowNode>[]) => {
      if (drag.onDragFrame(changes)) return;
      applyNodeChanges(changes);
      if (!permissions.move) return;
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
      if (moves.length > 0) moveNodes(session.doc, moves);
    },
    [applyNodeChanges, drag, permissions.move, session.doc],
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
      // Alt/Ctrl/Cmd+double-click places a free note (NotesLayer decides who may write it).
      if (event.altKey || event.ctrlKey || event.metaKey) {
        addNote(at);
        return;
      }
      if (readOnly) return;
      actions.addOrganisation({ x: at.x - 110, y: at.y - 32 });
    },
    [actions, addNote, readOnly, screenToFlowPosition],
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

  return (
    <div
      className="ip-canvas"
      onPointerMove={cursor.onPointerMove}
      onPointerLeave={cursor.onPointerLeave}
      onDoubleClick={onDoubleClick}
      data-testid="board-canvas"
    >
      <ReactFlow<BoardFlowNode, BoardFlowEdge>
        nodes={windowed.nodes}
        edges={windowed.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        onNodeDragStart={drag.onNodeDragStart}
        onNodeDrag={drag.onNodeDrag}
        onNodeDragStop={drag.onNodeDragStop}
        onPaneClick={handlers.onPaneClick}
        onNodeClick={handlers.onNodeClick}
        onEdgeClick={handlers.onEdgeClick}
        onEdgeMouseEnter={handlers.onEdgeMouseEnter}
        onEdgeMouseLeave={handlers.onEdgeMouseLeave}
        nodesDraggable={permissions.move}
        nodesConnectable={permissions.add.relationship}
        elementsSelectable
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        zoomOnDoubleClick={false}
        minZoom={0.1}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        proOptions={PRO_OPTIONS}
        aria-label={t('canvas.label')}
        ariaLabelConfig={ariaLabelConfig}
      >
        <DotBackground gap={24} size={1.6} colour="#b8c1ce" />
        <PaintHints />
        <ProjectAreas />
        <OverviewEdges edges={layerEdges} />
        <DraggedEdges />
        <NotesLayer />
        <RemoteCursors />
        <FacilitationLayer />
        <BoardInsights />
        {session.role !== 'viewer' && (
          <Panel position="top-left">
            <Toolbar actions={actions} onDismissHint={handlers.dismissHint} />
          </Panel>
        )}
        {nodes.length === 0 && !readOnly && (
          <Panel position="top-center" className="ip-empty-hint">
            {t('canvas.empty')}
          </Panel>
        )}
        <Panel position="bottom-left" className="ip-legend-panel">
          <Legend />
        </Panel>
        {/* One group in the top-right corner: zoom, fit, then export and import. */}
        <Controls position="top-right" orientation="horizontal" showInteractive={false}>
          <ExportImportButtons />
        </Controls>
        {nodes.length > CANVAS_MINIMAP_ABOVE ? (
          <CanvasMiniMap {...MINIMAP_SIZE} nodeColour={minimapColour} ariaLabel={t('canvas.minimap')} />
        ) : (
          <MiniMap<BoardFlowNode>
            position="bottom-right"
            nodeColor={minimapColour}
            nodeStrokeWidth={2}
            pannable
            zoomable
            style={MINIMAP_SIZE}
            ariaLabel={t('canvas.minimap')}
          />
        )}
      </ReactFlow>
    </div>
  );
}
