import { afterEach, describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { Controls, Handle, MiniMap, Panel, Position, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { selectDomNode, selectPaneDragging, selectZoom, useFlowStore } from './flowState.ts';
import type { FlowState, FlowStore, FlowView } from './flowState.ts';
import { moveDraggedNodes } from './moveDraggedNodes.ts';
import { moveRemoteNodes } from './moveRemoteNodes.ts';
import { nodeBoxOf } from './nodeBoxes.ts';
import { placeWrapper, recordAt } from './nodeRecords.ts';
import { quietSizeReports } from './quietSizeReports.ts';

/*
 * Every React Flow internal the map relies on (`canvas/reactFlow/`), checked against the installed
 * React Flow, rendered on the server (no DOM). An upgrade that changes one fails here, and each
 * message names the internal: read the file that uses it before changing the pin.
 */

const internal = (name: string): string => `React Flow internal changed: ${name}`;

type Card = Node<Record<string, unknown>, 'card'>;

/** A card with both handles, as the map's nodes have. */
function CardNode(_props: NodeProps<Card>) {
  return h('div', null, [
    h(Handle, { key: 't', type: 'target', position: Position.Left }),
    h(Handle, { key: 's', type: 'source', position: Position.Right }),
  ]);
}
const nodeTypes = { card: CardNode };

const node = (id: string, x: number, y: number, extra: Partial<Card> = {}): Card => ({
  id,
  type: 'card',
  position: { x, y },
  data: {},
  measured: { width: 100, height: 50 },
  ...extra,
});

/**
 * Renders a map with `nodes` on the server. `during` runs inside React Flow's provider before its
 * nodes render, with its store (what `useFlowStore` gives the map).
 */
function render(nodes: Card[], during?: (flow: FlowStore) => void, size?: { width: number; height: number }) {
  let store: FlowStore | null = null;
  function Probe(): ReactNode {
    store = useFlowStore();
    during?.(store);
    return null;
  }
  const edges = [{ id: 'e', source: 'a', target: 'b' }];
  const html = renderToString(
    h(ReactFlowProvider, {
      initialNodes: nodes,
      initialEdges: edges,
      ...(size ? { initialWidth: size.width, initialHeight: size.height, fitView: true } : {}),
      // The probe renders before the map, as the map's own providers do (`NodeDetailProvider`).
      children: [h(Probe, { key: 'probe' }), h(ReactFlow<Card>, { key: 'map', nodes, edges, nodeTypes })],
    }),
  );
  if (!store) throw new Error('the probe did not render');
  return { html, flow: store as FlowStore };
}

/** The style React Flow's node wrapper of `id` was rendered with. */
function wrapperStyle(html: string, id: string): string {
  const match = new RegExp(`<div class="react-flow__node[^"]*"[^>]*style="([^"]*)"[^>]*data-id="${id}"`).exec(
    html,
  );
  if (!match?.[1]) throw new Error(internal(`node wrapper .react-flow__node[data-id="${id}"] not rendered`));
  return match[1];
}

const restore: Array<() => void> = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** Sets a global for one test (React Flow's measuring reads `window`, its renderer `ResizeObserver`). */
function stubGlobal(name: string, value: unknown): void {
  const had = Object.prototype.hasOwnProperty.call(globalThis, name);
  const old: unknown = Reflect.get(globalThis, name);
  Reflect.set(globalThis, name, value);
  restore.push(() => (had ? Reflect.set(globalThis, name, old) : Reflect.deleteProperty(globalThis, name)));
}

/**
 * Lets React Flow measure nodes without a DOM: a root with its viewport element, node elements of
 * 100 × 50 px without handles, and the two `window` functions measuring reads.
 */
function measurable(flow: FlowStore) {
  stubGlobal('window', {
    getComputedStyle: () => ({ transform: 'none' }),
    DOMMatrixReadOnly: class {
      m22 = 1;
    },
  });
  const viewport = {};
  flow.setState({
    domNode: { querySelector: (selector: string) => (selector === '.xyflow__viewport' ? viewport : null) },
  } as unknown as Partial<FlowState>);
  const element = (id: string) =>
    ({
      offsetWidth: 100,
      offsetHeight: 50,
      getAttribute: (name: string) => (name === 'data-id' ? id : null),
      getBoundingClientRect: () => ({ left: 0, top: 0, width: 100, height: 50 }),
      querySelector: () => null,
      querySelectorAll: () => [],
    }) as unknown as HTMLDivElement;
  return {
    element,
    report(id: string, force: boolean) {
      flow.getState().updateNodeInternals(new Map([[id, { id, nodeElement: element(id), force }]]));
    },
  };
}

describe('React Flow store and node records the map relies on', () => {
  it('store fields: transform [x, y, zoom], width, height, domNode, paneDragging (FlowView)', () => {
    const { html, flow } = render([node('a', 0, 0), node('b', 400, 300)], undefined, {
      width: 1000,
      height: 800,
    });
    const state: FlowView = flow.getState();
    expect(state.transform, internal('store.transform is [x, y, zoom]')).toHaveLength(3);
    const [x, y, zoom] = state.transform;
    expect(
      html,
      internal('store.transform is what the viewport is rendered with (translate(x, y) scale(zoom))'),
    ).toContain(`transform:translate(${x}px,${y}px) scale(${zoom})`);
    expect(selectZoom(state)).toBe(zoom);
    expect([state.width, state.height], internal('store.width / store.height')).toEqual([1000, 800]);
    expect(selectDomNode(state), internal('store.domNode (null before mount)')).toBeNull();
    expect(selectPaneDragging(state), internal('store.paneDragging')).toBe(false);
    const full: FlowState = flow.getState();
    expect(typeof full.nodesSelectionActive, internal('store.nodesSelectionActive')).toBe('boolean');
    expect(full.panZoom, internal('store.panZoom (null before mount)')).toBeNull();
    expect('fitViewQueued' in full && 'fitViewOptions' in full, internal('store.fitViewQueued')).toBe(true);
    expect(
      full.edges.map((edge) => edge.id),
      internal('store.edges are the edges given'),
    ).toEqual(['e']);
  });

  it('nodeLookup records: internals.positionAbsolute, internals.userNode, measured, dragging', () => {
    const a = node('a', 10, 20, { dragging: true });
    const { flow } = render([a, node('b', 400, 300)]);
    const record = flow.getState().nodeLookup.get('a');
    expect(
      record?.internals.positionAbsolute,
      internal('nodeLookup record internals.positionAbsolute'),
    ).toEqual({
      x: 10,
      y: 20,
    });
    expect(record?.internals.userNode, internal('nodeLookup record internals.userNode')).toBe(a);
    expect(record?.measured, internal('nodeLookup record measured')).toEqual({ width: 100, height: 50 });
    expect(record?.dragging, internal('nodeLookup record dragging')).toBe(true);
    expect(record && nodeBoxOf(record)).toEqual({ type: 'card', x: 10, y: 20, width: 100, height: 50 });
  });

  it('the node wrapper renders at its record in nodeLookup, with the transform placeWrapper writes', () => {
    const moved = { x: 70, y: 80 };
    const { html, flow } = render([node('a', 10, 20), node('b', 400, 300)], (store) => {
      // A drag frame before the wrappers render: they must take the position from the record.
      moveDraggedNodes(store, [{ id: 'a', position: moved }], new Map());
    });
    const element = { style: { transform: '' } } as HTMLElement;
    placeWrapper(element, moved);
    expect(
      wrapperStyle(html, 'a'),
      internal('node wrapper style.transform comes from nodeLookup internals.positionAbsolute'),
    ).toContain(`transform:${element.style.transform}`);
    expect(flow.getState().nodeLookup.get('a')?.dragging, internal('nodeLookup record dragging')).toBe(true);
    expect(html, internal('class names: .react-flow__edges')).toContain('class="react-flow__edges"');
    expect(html, internal('class names: .react-flow__viewport-portal')).toContain(
      'class="react-flow__viewport-portal"',
    );
    expect(html, internal('class names: .react-flow__pane')).toContain('class="react-flow__pane');
    expect(html, internal('class names: .xyflow__viewport (measuring reads the zoom there)')).toContain(
      'xyflow__viewport',
    );
    expect(html, internal('class names: .react-flow__handle with source / target')).toMatch(
      /class="react-flow__handle[^"]* source /,
    );
    // useToolsBeforeMap puts the tools' container first in this element, before the renderer.
    expect(html, internal('class names: the root .react-flow element')).toMatch(
      /^<div[^>]* class="react-flow[ "]/,
    );
  });

  it('keeps a replaced record while given the same node object, and drops it for a new one', () => {
    const a = node('a', 10, 20);
    const nodes = [a, node('b', 400, 300)];
    const { flow } = render(nodes);
    expect(moveRemoteNodes(flow, [{ id: 'a', position: { x: 50, y: 60 } }], new Map())).toBe(true);
    const ours = flow.getState().nodeLookup.get('a');
    flow.getState().setNodes([...nodes] as never);
    expect(
      flow.getState().nodeLookup.get('a'),
      internal('setNodes keeps the nodeLookup record of an unchanged node object (checkEquality)'),
    ).toBe(ours);
    flow.getState().setNodes([{ ...a }, nodes[1]!] as never);
    expect(
      flow.getState().nodeLookup.get('a')?.internals.positionAbsolute,
      internal('setNodes makes a new record for a new node object'),
    ).toEqual({ x: 10, y: 20 });
    const record = flow.getState().nodeLookup.get('a');
    expect(record && recordAt(record, { x: 1, y: 2 }, undefined).internals.userNode).toBe(
      record?.internals.userNode,
    );
  });
});

describe('React Flow size reports the map relies on', () => {
  it('size reports: the node renderer’s ResizeObserver asks updateNodeInternals to measure { id, nodeElement, force }', () => {
    let report: ((entries: Array<{ target: unknown }>) => void) | null = null;
    stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: (entries: Array<{ target: unknown }>) => void) {
          report = callback;
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const { flow } = render([node('a', 10, 20), node('b', 400, 300)]);
    const measure = measurable(flow);
    expect(report, internal('the node renderer observes sizes with a ResizeObserver')).not.toBeNull();
    const before = flow.getState().nodeLookup.get('a');
    report!([{ target: measure.element('a') }]);
    expect(
      flow.getState().nodeLookup.get('a'),
      internal('a size report is a forced measurement of the node with that data-id'),
    ).not.toBe(before);
  });

  it('quietSizeReports: a forced report of a node without handles and of known size keeps its record', () => {
    const { flow } = render([node('a', 10, 20), node('b', 400, 300)]);
    const measure = measurable(flow);
    quietSizeReports(flow);
    const before = flow.getState().nodeLookup.get('a');
    measure.report('a', true);
    expect(
      flow.getState().nodeLookup.get('a'),
      internal('store.updateNodeInternals is what size reports call (quietSizeReports replaces it)'),
    ).toBe(before);
    expect(
      before?.internals.handleBounds,
      internal('nodeLookup record internals.handleBounds { source, target }'),
    ).toEqual({ source: null, target: null });
  });

  it('updateNodeInternals: without force a node of known size keeps its record; with force it gets a new one', () => {
    const { flow } = render([node('a', 10, 20), node('b', 400, 300)]);
    const measure = measurable(flow);
    measure.report('a', true);
    const measured = flow.getState().nodeLookup.get('a');
    expect(
      measured?.internals.handleBounds,
      internal('a measurement records handleBounds { source, target } (null: no handles)'),
    ).toEqual({ source: null, target: null });
    measure.report('a', false);
    expect(
      flow.getState().nodeLookup.get('a'),
      internal('updateNodeInternals without force keeps the record of a node whose size is known'),
    ).toBe(measured);
    measure.report('a', true);
    expect(
      flow.getState().nodeLookup.get('a'),
      internal('updateNodeInternals with force makes a new record'),
    ).not.toBe(measured);
  });

  it('class names: what floats over the map is in a .react-flow__panel (mapOverlays reads them)', () => {
    const html = renderToString(
      h(ReactFlowProvider, {
        children: h(ReactFlow<Card>, {
          nodes: [node('a', 0, 0)],
          edges: [],
          nodeTypes,
          children: [
            h(Panel, { key: 'legend', position: 'bottom-left', className: 'legend' }, 'Legend'),
            h(Controls, { key: 'controls', showFitView: false, showInteractive: false }),
            h(MiniMap, { key: 'minimap' }),
          ],
        }),
      }),
    );
    expect(html, internal('class names: Panel')).toMatch(/class="react-flow__panel[^"]*legend/);
    expect(html, internal('class names: Controls in a panel')).toMatch(
      /class="react-flow__panel[^"]*react-flow__controls/,
    );
    expect(html, internal('class names: MiniMap in a panel')).toMatch(
      /class="react-flow__panel[^"]*react-flow__minimap/,
    );
    expect(html, internal('Controls showFitView={false} draws no fit button')).not.toContain(
      'react-flow__controls-fitview',
    );
  });
});
