import { useEffect } from 'react';
import { useNodeId } from '@xyflow/react';
import { useFlowStore } from './flowState.ts';
import type { FlowStore } from './flowState.ts';

/** Nodes whose handles mounted after React Flow measured them, per React Flow store, until the next frame. */
const pending = new Map<FlowStore, Set<string>>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  for (const [store, ids] of pending) {
    const { domNode, updateNodeInternals } = store.getState();
    const updates = new Map<string, { id: string; nodeElement: HTMLDivElement; force: true }>();
    // One query for all of them: crossing into the full level of detail mounts every node's handles.
    for (const element of domNode?.querySelectorAll<HTMLDivElement>('.react-flow__node') ?? []) {
      const id = element.dataset.id;
      if (id !== undefined && ids.has(id)) updates.set(id, { id, nodeElement: element, force: true });
    }
    if (updates.size > 0) updateNodeInternals(updates, { triggerFitView: false });
  }
  pending.clear();
}

/**
 * React Flow measures a node's handle bounds when its ResizeObserver first sees the node (and
 * when its size changes); a node whose handles mount later (tiny bodies mount them on demand,
 * `useTinyHandles`) keeps bounds without handles, so it could neither start nor receive a
 * relationship and its edges would not be drawn. This asks React Flow to measure such a node
 * again, batched per animation frame (one call for a whole board crossing the zoom threshold).
 */
export function useMeasureLateHandles(): void {
  const id = useNodeId();
  const store = useFlowStore();
  useEffect(() => {
    if (id === null) return;
    const bounds = store.getState().nodeLookup.get(id)?.internals.handleBounds;
    // Not measured yet (the observer will see these handles), or measured with handles.
    if (!bounds || bounds.source) return;
    const ids = pending.get(store) ?? new Set<string>();
    ids.add(id);
    pending.set(store, ids);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  }, [id, store]);
}
