import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { BoardSnapshot, ProjectId } from '@interplay/shared';
import type { MessageKey } from '../../i18n/index.ts';
import { deriveEdges, deriveNodes } from './deriveFlow.ts';
import type { BoardFlowEdge, BoardFlowNode } from './flowTypes.ts';

/** What is selected here (never shared through the document; shared through awareness by presence). */
export interface LocalSelection {
  readonly nodeIds: readonly string[];
  readonly relationshipIds: readonly string[];
  readonly projectId: ProjectId | null;
}

export interface BoardViewState {
  readonly snapshot: BoardSnapshot;
  readonly nodes: BoardFlowNode[];
  readonly edges: BoardFlowEdge[];
  readonly selection: LocalSelection;
  /** The node whose name is being edited in place. */
  readonly editingNodeId: string | null;
  readonly hoveredEdgeId: string | null;
  /** A short hint shown near the toolbar (e.g. how to draw a relationship). */
  readonly hint: MessageKey | null;
  /** Ids to select as soon as they appear in a snapshot (after a create command). */
  readonly pendingSelection: readonly string[] | null;
  /** View option: colour relationships by their mean health score (annotations-health). */
  readonly colourByHealth: boolean;
}

export interface BoardViewActions {
  setSnapshot(snapshot: BoardSnapshot): void;
  applyNodeChanges(changes: NodeChange<BoardFlowNode>[]): void;
  applyEdgeChanges(changes: EdgeChange<BoardFlowEdge>[]): void;
  /** Select exactly these node/relationship ids (now, or when they arrive). */
  selectOnly(ids: readonly string[]): void;
  /** Select a project (or none); `keepSelection` leaves selected nodes and relationships selected. */
  selectProject(id: ProjectId | null, keepSelection?: boolean): void;
  clearSelection(): void;
  setEditing(id: string | null): void;
  setHoveredEdge(id: string | null): void;
  setHint(hint: MessageKey | null): void;
  setColourByHealth(on: boolean): void;
}

export type BoardViewStore = StoreApi<BoardViewState & BoardViewActions>;

const NO_SELECTION: LocalSelection = { nodeIds: [], relationshipIds: [], projectId: null };

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Recompute the selection from nodes and edges, keeping the old object when nothing changed. */
function selectionOf(
  nodes: readonly BoardFlowNode[],
  edges: readonly BoardFlowEdge[],
  projectId: ProjectId | null,
  previous: LocalSelection,
): LocalSelection {
  const nodeIds = nodes.filter((n) => n.selected).map((n) => n.id);
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
 * The canvas's view state: React Flow nodes and edges derived from the board
 * snapshot (unchanged entities keep object identity) plus local-only state.
 * Data flows one way: document → `setSnapshot` → nodes/edges → React Flow.
 */
export function createBoardViewStore(initial: BoardSnapshot): BoardViewStore {
  // The snapshot the edges were last derived from (null before the first derive).
  let edgesFrom: BoardSnapshot | null = null;
  const store = createStore<BoardViewState & BoardViewActions>()((set, get) => ({
    snapshot: initial,
    nodes: [],
    edges: [],
    selection: NO_SELECTION,
    editingNodeId: null,
    hoveredEdgeId: null,
    hint: null,
    pendingSelection: null,
    colourByHealth: false,

    setSnapshot(snapshot) {
      const state = get();
      let nodes = deriveNodes(snapshot, byId(state.nodes));
      // Edges depend on people and relationships only (the reader keeps those maps while they are
      // unchanged, and re-resolves people when organisations come or go): a move re-derives no edge.
      let edges =
        edgesFrom !== null &&
        edgesFrom.people === snapshot.people &&
        edgesFrom.relationships === snapshot.relationships &&
        edgesFrom.organisations.size === snapshot.organisations.size
          ? state.edges
          : deriveEdges(snapshot, byId(state.edges));
      edgesFrom = snapshot;
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
      set({
        snapshot,
        nodes,
        edges,
        pendingSelection,
        selection: selectionOf(nodes, edges, projectId, state.selection),
      });
    },

    applyNodeChanges(changes) {
      const state = get();
      const nodes = applyNodeChanges(changes, state.nodes);
      set({ nodes, selection: selectionOf(nodes, state.edges, state.selection.projectId, state.selection) });
    },

    applyEdgeChanges(changes) {
      const state = get();
      const edges = applyEdgeChanges(changes, state.edges);
      set({ edges, selection: selectionOf(state.nodes, edges, state.selection.projectId, state.selection) });
    },

    selectOnly(ids) {
      const state = get();
      const wanted = new Set(ids);
      const nodes = withSelected(state.nodes, wanted);
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
      const nodes = keepSelection ? state.nodes : withSelected(state.nodes, none);
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

    setColourByHealth(on) {
      set({ colourByHealth: on });
    },
  }));
  store.getState().setSnapshot(initial);
  return store;
}
