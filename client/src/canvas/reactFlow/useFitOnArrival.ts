import { useCallback, useEffect, useLayoutEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { FitViewOptions } from '@xyflow/react';
import { boardBounds } from '../boardBounds.ts';
import { fitViewport } from './fitViewport.ts';
import { useFitBoard } from './useFitBoard.ts';
import type { FitPadding } from '../fitPadding.ts';
import type { BoardViewStore } from '../view/boardViewStore.ts';
import { useFlowStore } from './flowState.ts';

/**
 * Fits the whole map (nodes, project areas and notes: `boardBounds`) into view once, when the board's content first arrives
 * (from IndexedDB or the server, usually after the map has mounted empty).
 *
 * The fit is computed from the nodes' known sizes (`nodeSize.ts`) and set on
 * React Flow synchronously, in the same task as the store update that brings
 * the nodes, so the first render that has nodes is already at the fitted zoom:
 * on a large board that is the overview, where the level of detail applies
 * from the start (cheap node bodies, edges drawn as one layer). Fitting after
 * that render (React Flow's `fitView`) would first mount everything at zoom 1,
 * edges included, and then render it all again. React Flow's own queued fit
 * (the `fitView` prop) knows only the nodes; it is called off once ours is set. Ours keeps the cards clear
 * of the tool bar, the controls, the minimap and the bars (`fitViewport`).
 *
 * A board link's connection may hold the board until the map can fit it (`BoardSession.showBoard`):
 * `onSized` lets it in once React Flow has its size, in a task of its own, after the empty map's
 * first frame.
 */
export function useFitOnArrival(
  store: BoardViewStore,
  options: { padding: FitPadding; maxZoom: number },
  onSized?: () => void,
): void {
  const flow = useFlowStore();
  const { fitView } = useReactFlow();
  const { padding, maxZoom } = options;
  const fitBoard = useFitBoard();
  const fitWholeBoardToo = useCallback((): (() => void) | undefined => {
    let frame = 0;
    const fitWhenSized = (): boolean => {
      // After React Flow's own fit (`fitViewQueued` clears when it is done).
      const { panZoom, width, height, fitViewQueued } = flow.getState();
      if (!panZoom || width === 0 || height === 0 || fitViewQueued) return false;
      frame = requestAnimationFrame(() => fitBoard({ padding, maxZoom }));
      return true;
    };
    if (fitWhenSized()) return () => cancelAnimationFrame(frame);
    const stop = flow.subscribe(() => {
      if (fitWhenSized()) stop();
    });
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [fitBoard, flow, padding, maxZoom]);
  useLayoutEffect(() => {
    // Nodes already there at mount are fitted by `<ReactFlow fitView>`, which knows no notes, project
    // areas or overlays: the whole board is fitted again once React Flow has its size (after its own fit).
    let fitted = store.getState().nodes.length > 0;
    if (fitted) return fitWholeBoardToo();
    let stopWholeBoardFit: (() => void) | undefined;
    const stop = store.subscribe((state) => {
      const bounds = fitted ? null : boardBounds(state.nodes, state.snapshot);
      if (!bounds) return;
      fitted = true;
      const flowState = flow.getState();
      const { panZoom, width, height } = flowState;
      if (!panZoom || width === 0 || height === 0) {
        // React Flow fits the nodes once it has its size; the whole board is fitted after that.
        const fallback: FitViewOptions = { padding, maxZoom };
        void fitView(fallback);
        stopWholeBoardFit = fitWholeBoardToo();
        return;
      }
      // Ours covers the whole board; React Flow's queued fit (of the nodes only) would undo it.
      flow.setState({ fitViewQueued: false, fitViewOptions: undefined });
      void panZoom.setViewport(fitViewport(flowState, bounds, state.nodes, padding, maxZoom));
    });
    return () => {
      stop();
      stopWholeBoardFit?.();
    };
  }, [store, flow, fitView, fitWholeBoardToo, padding, maxZoom]);
  useEffect(() => {
    if (!onSized) return;
    let timer: number | undefined;
    const letInWhenSized = (): boolean => {
      const { panZoom, width, height } = flow.getState();
      if (!panZoom || width === 0 || height === 0) return false;
      timer = window.setTimeout(onSized, 0);
      return true;
    };
    if (letInWhenSized()) return () => window.clearTimeout(timer);
    const stop = flow.subscribe(() => {
      if (letInWhenSized()) stop();
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [flow, onSized]);
}
