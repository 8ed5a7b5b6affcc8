import { useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { PointerEvent, ReactNode } from 'react';
import { ConnectionMode, MiniMap, Panel, ReactFlow } from '@xyflow/react';
import type { AriaLabelConfig, Connection, EdgeTypes, NodeTypes } from '@xyflow/react';
import type { Position } from '@interplay/shared';
import { useT } from '../i18n/index.ts';
import { SECTOR_COLOURS } from '../theme/sectors.ts';
import { useMapContext, useMapView } from './MapContext.ts';
import { AffiliationEdge } from './edges/AffiliationEdge.tsx';
import { RelationshipEdge } from './edges/RelationshipEdge.tsx';
import { OrganisationNode } from './nodes/OrganisationNode.tsx';
import { PersonNode } from './nodes/PersonNode.tsx';
import { ProjectAreas } from './projects/ProjectAreas.tsx';
import { selectEdges, selectNodes } from './view/selectors.ts';
import type { BoardFlowEdge, BoardFlowNode } from './view/flowTypes.ts';
import { Toolbar } from './Toolbar.tsx';
import { MapControls } from './MapControls.tsx';
import { useMapEvents } from './editing/useMapEvents.ts';
import { PaintHints } from './layers/PaintHints.tsx';
import { DotBackground } from './layers/DotBackground.tsx';
import { CanvasMiniMap } from './layers/CanvasMiniMap.tsx';
import { DraggedEdges } from './layers/DraggedEdges.tsx';
import { OverviewEdges, useOverviewEdgeSplit } from './layers/OverviewEdges.tsx';
import { useRenderWindow } from './layers/useRenderWindow.ts';
import './layers/paint.css';
import { useFitOnArrival } from './reactFlow/useFitOnArrival.ts';
import { useFlowMirror } from './reactFlow/useFlowMirror.ts';
import { useToolsBeforeMap } from './reactFlow/useToolsBeforeMap.ts';
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

/** React Flow's accessible names and descriptions, in the page's language. */
function useAriaLabels(): Partial<AriaLabelConfig> {
  const t = useT();
  return useMemo<Partial<AriaLabelConfig>>(
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
}

export interface FlowCanvasProps {
  /** Drawn inside the map after its own layers (notes, cursors, facilitation…), composed by the page. */
  readonly layers?: ReactNode;
  /** Panels over the map after the toolbar (the legend). */
  readonly panels?: ReactNode;
  /** Shown in the top-left corner under the toolbar (or alone there when this page does not edit). */
  readonly underToolbar?: ReactNode;
  /** Buttons after zoom and fit in the top-right group. */
  readonly controls?: ReactNode;
  /** Pointer handlers of the element around the map (sharing the cursor). */
  readonly onPointerMove?: (event: PointerEvent) => void;
  readonly onPointerLeave?: () => void;
  /** Alt/Ctrl/Cmd+double-click on the empty map, at that flow position. */
  readonly onAltDoubleClick?: (at: Position) => void;
  /** Called once React Flow knows its size (a board held back until the map can fit it may come in). */
  readonly onSized?: () => void;
}

/**
 * The React Flow map of the shown board: its nodes, lines and project areas,
 * the toolbar, controls and minimap, and whatever the page composes into it.
 */
export function FlowCanvas({
  layers,
  panels,
  underToolbar,
  controls,
  onPointerMove,
  onPointerLeave,
  onAltDoubleClick,
  onSized,
}: FlowCanvasProps) {
  const t = useT();
  const { readOnly, permissions, store, editing } = useMapContext();
  const nodes = useMapView(selectNodes);
  const edges = useMapView(selectEdges);
  // On a large board at the overview most edges are drawn by one layer, not by React Flow (OverviewEdges).
  const { flowEdges, layerEdges, overview } = useOverviewEdgeSplit(edges, nodes.length);
  // On a large board at working zoom only a window around the view is painted, re-centred as the view nears its
  // border (instead of React Flow's onlyRenderVisibleElements, which re-mounts at the screen border every frame).
  const windowed = useRenderWindow(nodes, flowEdges, nodes.length > VISIBLE_ONLY_ABOVE && !overview);
  const { actions, drag, onNodesChange, onEdgesChange, onConnect, onDoubleClick, handlers } =
    useMapEvents(onAltDoubleClick);
  const ariaLabelConfig = useAriaLabels();
  // The document usually arrives after the map mounts (from IndexedDB or the server): fit once it does,
  // before its first render with nodes.
  useFitOnArrival(store, FIT_VIEW_OPTIONS, onSized);
  // Live positions (this page's drag, someone else's) reach React Flow directly, without a new nodes array.
  useFlowMirror(store, nodes.length <= CANVAS_MINIMAP_ABOVE);
  // The tool bar and the controls come before the cards in Tab order.
  const canvas = useRef<HTMLDivElement | null>(null);
  const tools = useToolsBeforeMap(canvas);

  return (
    <div
      ref={canvas}
      className="ip-canvas"
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
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
        {layers}
        {nodes.length === 0 && !readOnly && (
          <Panel position="top-center" className="ip-empty-hint">
            {t('canvas.empty')}
          </Panel>
        )}
        {panels}
        {tools &&
          createPortal(
            <>
              {(editing || underToolbar) && (
                <Panel position="top-left" className="ip-top-left">
                  {editing && <Toolbar actions={actions} onDismissHint={handlers.dismissHint} />}
                  {underToolbar}
                </Panel>
              )}
              <MapControls fitLabel={t('canvas.fitHint')} onFit={actions.fitView}>
                {controls}
              </MapControls>
            </>,
            tools,
          )}
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
