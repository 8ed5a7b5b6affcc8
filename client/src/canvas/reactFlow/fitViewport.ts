import { getViewportForBounds } from '@xyflow/react';
import { fitClearOfOverlays, paddingSides } from '../fitClearOfOverlays.ts';
import type { Rect, Viewport } from '../fitClearOfOverlays.ts';
import { MAP_OVERLAY_ATTRIBUTE } from '../fitPadding.ts';
import type { FitPadding } from '../fitPadding.ts';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { nodeBox } from '../view/nodeBox.ts';
import type { FlowState } from './flowState.ts';

/**
 * What floats over the map, in pixels from its top left corner: what React Flow's panels hold (tool bar,
 * controls, minimap, legend; each child on its own, since a panel can be wider than what it shows) and
 * whatever is marked with `MAP_OVERLAY_ATTRIBUTE`. Hidden ones have no size and are left out.
 */
export function mapOverlays(root: HTMLElement): Rect[] {
  const origin = root.getBoundingClientRect();
  const elements: Element[] = [];
  for (const panel of root.querySelectorAll('.react-flow__panel')) {
    elements.push(...(panel.children.length > 0 ? Array.from(panel.children) : [panel]));
  }
  elements.push(...root.querySelectorAll(`[${MAP_OVERLAY_ATTRIBUTE}]`));
  return elements
    .map((element) => element.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height }));
}

/**
 * The viewport that shows `bounds` (the whole map) with `padding` at most at `maxZoom`, with no card or
 * person under the tool bar, the controls, the minimap or the bars (`fitClearOfOverlays`).
 */
export function fitViewport(
  state: Pick<FlowState, 'width' | 'height' | 'minZoom' | 'maxZoom' | 'domNode'>,
  bounds: { x: number; y: number; width: number; height: number },
  nodes: readonly BoardFlowNode[],
  padding: FitPadding,
  maxZoom: number,
): Viewport {
  const { width, height, minZoom, domNode } = state;
  const zoomLimit = Math.min(maxZoom, state.maxZoom);
  const viewportFor = (sides: { top: number; right: number; bottom: number; left: number }): Viewport =>
    getViewportForBounds(bounds, width, height, minZoom, zoomLimit, {
      top: `${sides.top}px`,
      right: `${sides.right}px`,
      bottom: `${sides.bottom}px`,
      left: `${sides.left}px`,
    });
  return fitClearOfOverlays({
    width,
    height,
    base: paddingSides(padding, width, height),
    overlays: domNode ? mapOverlays(domNode) : [],
    items: nodes.map((node) => nodeBox(node, null)),
    viewportFor,
  });
}
