import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { BoardSnapshot, Project, ProjectId } from '@interplay/shared';
import type { MessageKey } from '../../i18n/index.ts';
import { deriveFlow } from './deriveFlow.ts';
import { FULL_VIEW } from './mapView.ts';
import type { MapView } from './mapView.ts';
import type { BoardFlowEdge, BoardFlowNode } from './flowTypes.ts';
import type { DragFrame } from './dragFrame.ts';
import { combineLive, createLiveDrag } from './liveDrag.ts';
import type { LiveDrag, LivePositions } from './liveDrag.ts';
import { positionOnlyChange } from './positionOnlyChange.ts';

/** What is selected here (never shared through the document; shared through awareness by presence). */
export interface LocalSelection {
  readonly nodeIds: readonly string[];
  readonly relationshipIds: readonly string[];
  readonly projectId: ProjectId | null;
}

export interface BoardViewState {
  /** The board state shown (it lags the last one received while remote moves take the fast path). */
  readonly snapshot: BoardSnapshot;
  /** What of it is shown, and how (`mapView.ts`). */
  readonly view: MapView;
  /** What the canvas draws: `deriveFlow(snapshot, view)`, with local state (selection, live positions). */
  readonly nodes: BoardFlowNode[];
  readonly edges: BoardFlowEdge[];
  readonly projects: ReadonlyMap<ProjectId, Project>;
  readonly selection: LocalSelection;
  /** The node whose name is being edited in place. */
  readonly editingNodeId: string | null;
  readonly hoveredEdgeId: string | null;
  /** A short hint shown near the toolbar (e.g. how to draw a relationship). */
  readonly hint: MessageKey | null;
  /** Ids to select as soon as they appear in a snapshot (after a create command). */
  readonly pendingSelection: readonly string[] | null;
  /** The view colours relationships by their mean health score (`view.colouring`). */
  readonly colourByHealth: boolean;
  /**
   * Where the nodes this page is dragging are right now (the same object for the store's life).
   * During a drag `nodes` keeps its identity and this store's state does not change
   * (`moveDraggedNodes`); whatever must follow the pointer (edges, project areas, minimap)
   * subscribes to this.
   */
  readonly liveDrag: LiveDrag;
  /**
   * Other people's moves shown by the remote fast path (`setSnapshot`), not yet in `nodes`
   * (the same object for the store's life).
   */
  readonly remoteMoves: LiveDrag;
  /** `liveDrag` and `remoteMoves` together: what follows moving nodes listens here. */
  readonly liveMoves: LivePositions;
}

/**
 * Shows live positions in the map's React Flow without a new nodes array
 * (`reactFlow/useFlowMirror.ts`). The view store's `liveDrag` and
 * `remoteMoves` are where live positions are held; the mirror only copies
 * each change into React Flow.
 */
export interface FlowMirror {
  /** One frame of this page's drag (`first`: the drag's first frame). */
  showDrag(frame: DragFrame, first: boolean): void;
  /** Someone else's move, or false, having done nothing, when it cannot be shown this way. */
  showRemote(frame: DragFrame): boolean;
}

/** The nodes array catches up with remote moves shown by the fast path once they pause this long. */
export const REMOTE_CATCH_UP_MS = 250;

export interface BoardViewActions {
  /**
   * A new snapshot of the board. When it differs from the last one only in where a few nodes are
   * (someone else dragging) and a remote mover is set, those nodes are moved in React Flow directly
   * and the nodes array catches up once the moves pause (`REMOTE_CATCH_UP_MS`) or anything else
   * changes.
   */
  setSnapshot(snapshot: BoardSnapshot): void;
  /** Sets (or clears) what shows live positions in React Flow (`useFlowMirror`). */
  setFlowMirror(mirror: FlowMirror | null): void;
  applyNodeChanges(changes: NodeChange<BoardFlowNode>[]): void;
  applyEdgeChanges(changes: EdgeChange<BoardFlowEdge>[]): void;
  /** One frame of a drag: records the positions in `liveDrag` (and shows them), leaving this store's state alone. */
  dragNodes(frame: DragFrame): void;
  /** Ends a drag that had no final position change (the drop normally brings one): keeps the last positions. */
  endLiveDrag(): void;
  /** Select exactly these node/relationship ids (now, or when they arrive). */
  selectOnly(ids: readonly string[]): void;
  /** Select a project (or none); `keepSelection` leaves selected nodes and relationships selected. */
  selectProject(id: ProjectId | null, keepSelection?: boolean): void;
  clearSelection(): void;
  setEditing(id: string | null): void;
  setHoveredEdge(id: string | null): void;
  setHint(hint: MessageKey | null): void;
  setColourByHealth(on: boolean): void;
  /** Shows the board under another view. */
  setView(view: MapView): void;
}

export type BoardViewStore = StoreApi<BoardViewState & BoardViewActions>;

const NO_SELECTION: LocalSelection = { nodeIds: [], relationshipIds: [], projectId: null };

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Recompute the selection from nodes and edges, keeping the old object when nothing changed. Node ids stay in
 * the order they were selected in: the first one selected is a new relationship's source.
 */
function selectionOf(
  nodes: readonly BoardFlowNode[],
  edges: readonly BoardFlowEdge[],
  projectId: ProjectId | null,
  previous: LocalSelection,
): LocalSelection {
  const selectedNow = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
  const kept = previous.nodeIds.filter((id) => selectedNow.has(id));
  const keptSet = new Set(kept);
  const nodeIds = [...kept, ...[...selectedNow].filter((id) => !keptSet.has(id))];
  const relationshipIds = edges.filter((e) => e.selected && e.type === 'relationship').map((e) => e.id);
  if (
    projectId === previous.projectId &&
    sameIds(nodeIds, previous.nodeIds) &&
    sameIds(relationshipIds, previous.relationshipIds)
  ) {
    return previous;
  }
  return { nodeIds, relationshipIds, projectId };
}

function withSelected<T extends { selected?: boolean; id: string }>(
  items: T[],
  ids: ReadonlySet<string>,
): T[] {
  return items.map((item) => {
    const selected = ids.has(item.id);
    return Boolean(item.selected) === selected ? item : { ...item, selected };
  });
}

/**
 * Nodes with the live positions of a drag in progress (or, with `dragging`
 * false, of remote moves the nodes array does not hold yet): any node object
 * made meanwhile (a selection change, a snapshot with someone else's edit)
 * must carry them, or React Flow would show the node jump back.
 */
function withLivePositions(
  nodes: BoardFlowNode[],
  live: ReadonlyMap<string, XYPosition> | null,
  dragging = true,
): BoardFlowNode[] {
  if (!live) return nodes;
  let changed = false;
  const next = nodes.map((node) => {
    const position = live.get(node.id);
    if (
      !position ||
      (node.position.x === position.x &&
        node.position.y === position.y &&
        Boolean(node.dragging) === dragging)
    ) {
      return node;
    }
    changed = true;
    return { ...node, position, dragging };
  });
  return changed ? next : nodes;
}

type LocalAction =
  | 'applyEdgeChanges'
  | 'selectOnly'
  | 'selectProject'
  | 'clearSelection'
  | 'setEditing'
  | 'setHoveredEdge'
  | 'setHint';

/**
 * The actions on this page's own view state: selection, hover, editing, the hint. `withLive` gives
 * new node objects the live positions of a drag or a remote move the nodes array does not hold yet.
 */
function localActions(
  set: (partial: Partial<BoardViewState>) => void,
  get: () => BoardViewState & BoardViewActions,
  withLive: (nodes: BoardFlowNode[]) => BoardFlowNode[],
): Pick<BoardViewActions, LocalAction> {
  return {
    applyEdgeChanges(changes) {
      const state = get();
      const edges = applyEdgeChanges(changes, state.edges);
      set({ edges, selection: selectionOf(state.nodes, edges, state.selection.projectId, state.selection) });
    },

    selectOnly(ids) {
      const state = get();
      const wanted = new Set(ids);
      const nodes = withLive(withSelected(state.nodes, wanted));
      const edges = withSelected(state.edges, wanted);
      const found = nodes.some((n) => wanted.has(n.id)) || edges.some((e) => wanted.has(e.id));
      set({
        nodes,
        edges,
        pendingSelection: found || ids.length === 0 ? null : ids,
        selection: selectionOf(nodes, edges, null, state.selection),
      });
    },

    selectProject(id, keepSelection = false) {
      const state = get();
      const none = new Set<string>();
      const nodes = keepSelection ? state.nodes : withLive(withSelected(state.nodes, none));
      const edges = keepSelection ? state.edges : withSelected(state.edges, none);
      set({ nodes, edges, selection: selectionOf(nodes, edges, id, state.selection) });
    },

    clearSelection() {
      get().selectOnly([]);
    },

    setEditing(id) {
      set({ editingNodeId: id });
    },

    setHoveredEdge(id) {
      if (get().hoveredEdgeId !== id) set({ hoveredEdgeId: id });
    },

    setHint(hint) {
      set({ hint });
    },
  };
}

/**
 * The state that shows `snapshot`: what the pipeline draws for it under the state's view (from
 * `derivedFrom`, what was drawn last), with the selection carried over and the live drag's positions.
 */
function shownState(
  state: BoardViewState,
  snapshot: BoardSnapshot,
  derivedFrom: { board: BoardSnapshot; view: MapView } | null,
  live: ReadonlyMap<string, XYPosition> | null,
): Partial<BoardViewState> {
  const { view } = state;
  const flow = deriveFlow(snapshot, view, derivedFrom && { ...state, ...derivedFrom });
  let { nodes, edges } = flow;
  let pendingSelection = state.pendingSelection;
  if (pendingSelection) {
    const ids = new Set(pendingSelection);
    const present = nodes.some((n) => ids.has(n.id)) || edges.some((e) => ids.has(e.id));
    if (present) {
      nodes = withSelected(nodes, ids);
      edges = withSelected(edges, ids);
      pendingSelection = null;
    }
  }
  const projectId =
    state.selection.projectId && snapshot.projects.has(state.selection.projectId)
      ? state.selection.projectId
      : null;
  nodes = withLivePositions(nodes, live);
  return {
    snapshot,
    nodes,
    edges,
    projects: flow.projects,
    pendingSelection,
    selection: selectionOf(nodes, edges, projectId, state.selection),
  };
}

/**
 * The canvas's view state: React Flow nodes and edges derived from the board
 * snapshot (unchanged entities keep object identity) plus local-only state.
 * Data flows one way: document → `setSnapshot` → nodes/edges → React Flow.
 */
export function createBoardViewStore(
  initial: BoardSnapshot,
  initialView: MapView = FULL_VIEW,
): BoardViewStore {
  // The board state and view the nodes and lines were last derived from (null before the first derive).
  let derivedFrom: { board: BoardSnapshot; view: MapView } | null = null;
  const liveDrag = createLiveDrag();
  const remoteMoves = createLiveDrag();
  const liveMoves = combineLive(liveDrag, remoteMoves);
  let mirror: FlowMirror | null = null;
  // The last snapshot received (the state's `snapshot` lags it while remote moves take the fast path).
  let received = initial;
  let catchUp: ReturnType<typeof setTimeout> | undefined;
  /** Withdraws what the fast path showed: the nodes array now holds it (or a drag took over). */
  const caughtUp = (): void => {
    clearTimeout(catchUp);
    catchUp = undefined;
    remoteMoves.end();
  };
  const store = createStore<BoardViewState & BoardViewActions>()((set, get) => ({
    snapshot: initial,
    view: initialView,
    nodes: [],
    edges: [],
    projects: initial.projects,
    selection: NO_SELECTION,
    editingNodeId: null,
    hoveredEdgeId: null,
    hint: null,
    pendingSelection: null,
    colourByHealth: false,
    liveDrag,
    remoteMoves,
    liveMoves,

    setSnapshot(snapshot) {
      const previous = received;
      received = snapshot;
      // Not during this page's own drag: that path keeps its own live positions (withLivePositions).
      const moved = mirror && !liveDrag.positions() ? positionOnlyChange(previous, snapshot) : null;
      if (moved && mirror?.showRemote(moved)) {
        remoteMoves.move(moved);
        clearTimeout(catchUp);
        catchUp = setTimeout(() => {
          catchUp = undefined;
          if (received !== get().snapshot) get().setSnapshot(received);
        }, REMOTE_CATCH_UP_MS);
        return;
      }
      const state = get();
      set(shownState(state, snapshot, derivedFrom, liveDrag.positions()));
      derivedFrom = { board: snapshot, view: state.view };
      // After the new nodes are in: what follows remote moves then reads them.
      caughtUp();
    },

    setFlowMirror(next) {
      mirror = next;
      // Without a mirror nothing can show what waits: hand it to the nodes array now.
      if (!next && received !== get().snapshot) get().setSnapshot(received);
    },

    applyNodeChanges(changes) {
      const state = get();
      // A drop (or any position change not marked as dragging) ends the live drag of that node.
      const dropped = changes.flatMap((change) =>
        change.type === 'position' && !change.dragging ? [change.id] : [],
      );
      let live = liveDrag.positions();
      if (live && dropped.length > 0) {
        const stillLive = new Map(live);
        for (const id of dropped) stillLive.delete(id);
        live = stillLive;
      }
      const nodes = withLivePositions(
        withLivePositions(applyNodeChanges(changes, state.nodes), remoteMoves.positions(), false),
        live,
      );
      set({
        nodes,
        selection: selectionOf(nodes, state.edges, state.selection.projectId, state.selection),
      });
      // After the new nodes are in: what follows the drag then reads them.
      liveDrag.end(dropped);
    },

    dragNodes(frame) {
      mirror?.showDrag(frame, liveDrag.positions() === null);
      liveDrag.move(frame);
    },

    endLiveDrag() {
      const live = liveDrag.positions();
      if (!live) return;
      set({ nodes: withLivePositions(get().nodes, live, false) });
      liveDrag.end();
    },

    ...localActions(set, get, (nodes) =>
      withLivePositions(withLivePositions(nodes, remoteMoves.positions(), false), liveDrag.positions()),
    ),

    setColourByHealth(on) {
      get().setView({ ...get().view, colouring: on ? 'health' : 'kind' });
    },

    setView(view) {
      if (view === get().view) return;
      set({ view, colourByHealth: view.colouring === 'health' });
      get().setSnapshot(received);
    },
  }));
  store.setState({ colourByHealth: initialView.colouring === 'health' });
  store.getState().setSnapshot(initial);
  return store;
}
