import type { BoardFlowNode } from '../view/flowTypes.ts';

/** A node not measured yet is drawn at about a card's size. */
export const DEFAULT_SIZE = { width: 200, height: 64 };

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The nodes' bounding box in flow coordinates, with 5 % margin; a unit box when there are none. */
export function nodeBounds(nodes: readonly BoardFlowNode[]): Bounds {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const width = node.measured?.width ?? DEFAULT_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_SIZE.height;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  if (!Number.isFinite(left)) return { x: 0, y: 0, width: 1, height: 1 };
  const pad = Math.max(right - left, bottom - top) * 0.05;
  return { x: left - pad, y: top - pad, width: right - left + 2 * pad, height: bottom - top + 2 * pad };
}

/** Flow → minimap pixels: uniform scale, centred (pixel = flow * scale + offset). */
export function fit(bounds: Bounds, width: number, height: number) {
  const scale = Math.min(width / bounds.width, height / bounds.height);
  return {
    scale,
    offsetX: (width - bounds.width * scale) / 2 - bounds.x * scale,
    offsetY: (height - bounds.height * scale) / 2 - bounds.y * scale,
  };
}
