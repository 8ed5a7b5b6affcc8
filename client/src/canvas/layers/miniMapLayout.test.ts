import { describe, expect, it } from 'vitest';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { fit, nodeBounds } from './miniMapLayout.ts';

const node = (x: number, y: number, width?: number, height?: number) =>
  ({ position: { x, y }, measured: width === undefined ? undefined : { width, height } }) as BoardFlowNode;

describe('minimap layout', () => {
  it('bounds all nodes (measured size, or a card size before measuring) with a 5 % margin', () => {
    const bounds = nodeBounds([node(0, 0, 100, 50), node(900, 400)]);
    // 0..1100 wide, 0..464 high; margin 5 % of the larger side (55) on every side.
    expect(bounds).toEqual({ x: -55, y: -55, width: 1210, height: 574 });
    expect(nodeBounds([])).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('maps the bounds into the minimap with one scale, centred', () => {
    const layout = fit({ x: 100, y: 0, width: 400, height: 100 }, 200, 100);
    expect(layout.scale).toBe(0.5);
    // The box's left edge lands at pixel 0, its vertical middle (flow y 50) at the minimap's middle.
    expect(100 * layout.scale + layout.offsetX).toBe(0);
    expect(50 * layout.scale + layout.offsetY).toBe(50);
  });
});
