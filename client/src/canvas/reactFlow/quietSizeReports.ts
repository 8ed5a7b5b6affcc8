import { useState } from 'react';
import type { FlowState, FlowStore } from './flowState.ts';
import { useFlowStore } from './flowState.ts';

type Measure = FlowState['updateNodeInternals'];
type Updates = Parameters<Measure>[0];

/** What React Flow records when it measures a node that has no handles in the DOM. */
const NO_HANDLES = { source: null, target: null };

const quietened = new WeakSet<FlowStore>();

/**
 * React Flow's ResizeObserver reports every node once when it mounts, and it asks for each report
 * to be measured in full ("force"): a new record for every node, so every node wrapper renders a
 * second time when a large board opens, although nothing changed: the nodes come with their
 * sizes (`nodeSize.ts`; a tiny body is drawn at exactly that size), and at the overview they have
 * no handles (`useTinyHandles`).
 *
 * So for a node with no handle in its element, this records what a measurement would find about
 * handles (none, as React Flow itself would) and lets React Flow measure it without force: only a
 * node whose size is not the one React Flow knows gets a new record. A node with handles in its
 * element is measured as before (force), as are calls that come with handles to measure
 * (`useMeasureLateHandles`). Install it once per React Flow store, before `<ReactFlow>` mounts
 * (its node renderer keeps the function it finds then).
 */
export function quietSizeReports(flow: FlowStore): void {
  if (quietened.has(flow)) return;
  quietened.add(flow);
  const measure = flow.getState().updateNodeInternals;
  const quiet: Measure = (updates, params) => {
    const { nodeLookup } = flow.getState();
    let calmed: Updates | null = null;
    for (const [id, update] of updates) {
      if (!update.force) continue;
      const internals = nodeLookup.get(id)?.internals;
      if (!internals || update.nodeElement.querySelector('.react-flow__handle') !== null) continue;
      const bounds = internals.handleBounds;
      // Handles measured before and gone now (a card that turned tiny): let React Flow forget them.
      if (bounds !== undefined && (bounds.source !== null || bounds.target !== null)) continue;
      internals.handleBounds ??= NO_HANDLES;
      calmed ??= new Map(updates);
      calmed.set(id, { ...update, force: false });
    }
    measure(calmed ?? updates, params);
  };
  flow.setState({ updateNodeInternals: quiet });
}

/** Installs `quietSizeReports` on the map's React Flow store; call it above `<ReactFlow>`, before it mounts. */
export function useQuietSizeReports(): void {
  const flow = useFlowStore();
  useState(() => quietSizeReports(flow));
}
