import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addOrganisation,
  addPerson,
  connect,
  moveNodes,
  observeBoard,
  readBoard,
  updateOrganisation,
} from '@interplay/shared';
import { REMOTE_CATCH_UP_MS, createBoardViewStore } from './boardViewStore.ts';
import type { DragFrame } from './dragFrame.ts';
import { organisationSize, personSize } from '../nodes/nodeSize.ts';

function setup() {
  const doc = new Y.Doc();
  const store = createBoardViewStore(readBoard(doc));
  const stop = observeBoard(doc, (snapshot) => store.getState().setSnapshot(snapshot));
  return { doc, store, stop };
}

describe('board view store', () => {
  it('keeps the object identity of nodes and edges whose entities did not change', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 300, y: 0 } });
    const rel = connect(doc, { source: a, target: b });
    const before = store.getState();
    updateOrganisation(doc, a, { name: 'A2' });
    const after = store.getState();
    const nodeB = (s: typeof before) => s.nodes.find((n) => n.id === b);
    const nodeA = (s: typeof before) => s.nodes.find((n) => n.id === a);
    expect(nodeB(after)).toBe(nodeB(before));
    expect(nodeA(after)).not.toBe(nodeA(before));
    expect(after.edges.find((e) => e.id === rel)).toBe(before.edges.find((e) => e.id === rel));
    stop();
  });

  it('keeps local view state (selection, measured size) out of the document and across changes', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    store.getState().applyNodeChanges([
      { type: 'select', id: a, selected: true },
      { type: 'dimensions', id: a, dimensions: { width: 230, height: 70 } },
    ]);
    moveNodes(doc, [{ id: a, position: { x: 50, y: 60 } }]);
    const node = store.getState().nodes.find((n) => n.id === a);
    expect(node?.position).toEqual({ x: 50, y: 60 });
    expect(node?.selected).toBe(true);
    expect(node?.measured).toEqual({ width: 230, height: 70 });
    expect(store.getState().selection.nodeIds).toEqual([a]);
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/selected|measured/);
    stop();
  });

  it('keeps the selected nodes in the order they were selected in, whatever their order on the map', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 300, y: 0 } });
    store.getState().applyNodeChanges([{ type: 'select', id: b, selected: true }]);
    store.getState().applyNodeChanges([{ type: 'select', id: a, selected: true }]);
    expect(store.getState().selection.nodeIds).toEqual([b, a]);
    store.getState().applyNodeChanges([{ type: 'select', id: b, selected: false }]);
    store.getState().applyNodeChanges([{ type: 'select', id: b, selected: true }]);
    expect(store.getState().selection.nodeIds).toEqual([a, b]);
    stop();
  });

  it('follows the pointer, not the document, for a node being dragged here', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    store
      .getState()
      .applyNodeChanges([{ type: 'position', id: a, position: { x: 100, y: 100 }, dragging: true }]);
    moveNodes(doc, [{ id: a, position: { x: 40, y: 40 } }]);
    expect(store.getState().nodes.find((n) => n.id === a)?.position).toEqual({ x: 100, y: 100 });
    stop();
  });

  it('draws an affiliation edge from a person to their organisation and selects new entities on arrival', () => {
    const { doc, store, stop } = setup();
    const org = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    store.getState().selectOnly(['not-yet-there']);
    const person = addPerson(doc, { name: 'P', organisationId: org, position: { x: 0, y: 100 } });
    expect(
      store.getState().edges.some((e) => e.type === 'affiliation' && e.source === person && e.target === org),
    ).toBe(true);
    store.getState().selectOnly([person]);
    expect(store.getState().selection.nodeIds).toEqual([person]);
    stop();
  });

  it('gives a new node its on-screen size at once, and never overrides what React Flow measured', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const p = addPerson(doc, { name: 'Anna de Vries', organisationId: null, position: { x: 0, y: 100 } });
    const node = (id: string) => store.getState().nodes.find((n) => n.id === id);
    expect(node(a)?.measured).toEqual(organisationSize({ name: 'A', sector: 'care' }));
    expect(node(p)?.measured).toEqual(personSize({ name: 'Anna de Vries' }));
    store
      .getState()
      .applyNodeChanges([{ type: 'dimensions', id: a, dimensions: { width: 250, height: 80 } }]);
    updateOrganisation(doc, a, { name: 'A much longer name that may wrap onto a second line' });
    expect(node(a)?.measured).toEqual({ width: 250, height: 80 });
    stop();
  });
});

describe('board view store during a local drag', () => {
  it('keeps the nodes array while dragging, carries live positions into new node objects, and drops into the array', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 300, y: 0 } });
    const before = store.getState();
    const heard: string[] = [];
    const stopA = store.getState().liveDrag.subscribeNodes([a], () => heard.push('a'));
    const stopB = store.getState().liveDrag.subscribeNodes([b], () => heard.push('b'));
    store.getState().dragNodes([{ id: a, position: { x: 50, y: 60 } }]);
    // A drag frame sets no state (no subscriber of the view store runs): only what follows node a hears it.
    expect(store.getState()).toBe(before);
    expect(heard).toEqual(['a']);
    expect(store.getState().liveDrag.positions()?.get(a)).toEqual({ x: 50, y: 60 });
    // A selection change mid-drag makes new node objects: the dragged one keeps the pointer's position.
    store.getState().selectOnly([a, b]);
    expect(store.getState().nodes.find((n) => n.id === a)?.position).toEqual({ x: 50, y: 60 });
    expect(store.getState().nodes.find((n) => n.id === b)?.position).toEqual({ x: 300, y: 0 });
    // The drop's change ends the live drag.
    store
      .getState()
      .applyNodeChanges([{ id: a, type: 'position', position: { x: 70, y: 80 }, dragging: false }]);
    expect(store.getState().liveDrag.positions()).toBeNull();
    expect(heard).toEqual(['a', 'a']);
    stopA();
    stopB();
    const dropped = store.getState().nodes.find((n) => n.id === a);
    expect(dropped?.position).toEqual({ x: 70, y: 80 });
    expect(dropped?.dragging).toBe(false);
    stop();
  });

  it('ends a drag that had no drop change at the last live position', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    store.getState().dragNodes([{ id: a, position: { x: 10, y: 20 } }]);
    store.getState().endLiveDrag();
    expect(store.getState().liveDrag.positions()).toBeNull();
    expect(store.getState().nodes.find((n) => n.id === a)?.position).toEqual({ x: 10, y: 20 });
    stop();
  });

  it('shows remote moves through the mover and lets the nodes array catch up once they pause', () => {
    vi.useFakeTimers();
    try {
      const { doc, store, stop } = setup();
      const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
      const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 300, y: 0 } });
      const frames: DragFrame[] = [];
      store.getState().setFlowMirror({
        showDrag: () => {},
        showRemote: (frame) => {
          frames.push(frame);
          return true;
        },
      });
      const nodes = store.getState().nodes;
      const heard: string[] = [];
      const stopListening = store.getState().liveMoves.subscribeNodes([a], () => heard.push('a'));
      moveNodes(doc, [{ id: a, position: { x: 10, y: 20 } }]);
      moveNodes(doc, [{ id: a, position: { x: 30, y: 40 } }]);
      // Shown by the mover only: no new nodes array, the live position where the layers look.
      expect(frames).toEqual([
        [{ id: a, position: { x: 10, y: 20 } }],
        [{ id: a, position: { x: 30, y: 40 } }],
      ]);
      expect(store.getState().nodes).toBe(nodes);
      expect(store.getState().liveMoves.positions()?.get(a)).toEqual({ x: 30, y: 40 });
      expect(heard).toEqual(['a', 'a']);
      // A node object made meanwhile (a selection) carries the remote position.
      store.getState().selectOnly([a]);
      expect(store.getState().nodes.find((n) => n.id === a)?.position).toEqual({ x: 30, y: 40 });
      vi.advanceTimersByTime(REMOTE_CATCH_UP_MS);
      expect(store.getState().nodes.find((n) => n.id === a)?.position).toEqual({ x: 30, y: 40 });
      expect(store.getState().nodes.find((n) => n.id === a)?.selected).toBe(true);
      expect(store.getState().snapshot.organisations.get(a)?.position).toEqual({ x: 30, y: 40 });
      expect(store.getState().liveMoves.positions()).toBeNull();
      expect(heard).toEqual(['a', 'a', 'a']);
      // Anything but a move goes through the nodes array at once, with the moves that waited.
      moveNodes(doc, [{ id: b, position: { x: 310, y: 5 } }]);
      expect(store.getState().nodes.find((n) => n.id === b)?.position).toEqual({ x: 300, y: 0 });
      updateOrganisation(doc, a, { name: 'A2' });
      expect(frames).toHaveLength(3);
      expect(store.getState().nodes.find((n) => n.id === b)?.position).toEqual({ x: 310, y: 5 });
      expect(store.getState().liveMoves.positions()).toBeNull();
      // A mover that cannot show the move (e.g. the node is not rendered) leaves it to the nodes array.
      store.getState().setFlowMirror({ showDrag: () => {}, showRemote: () => false });
      moveNodes(doc, [{ id: b, position: { x: 320, y: 5 } }]);
      expect(store.getState().nodes.find((n) => n.id === b)?.position).toEqual({ x: 320, y: 5 });
      stopListening();
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes no remote fast path while this page drags', () => {
    const { doc, store, stop } = setup();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 300, y: 0 } });
    const mover = vi.fn(() => true);
    store.getState().setFlowMirror({ showDrag: () => {}, showRemote: mover });
    store.getState().dragNodes([{ id: a, position: { x: 10, y: 20 } }]);
    moveNodes(doc, [{ id: b, position: { x: 310, y: 5 } }]);
    expect(mover).not.toHaveBeenCalled();
    expect(store.getState().nodes.find((n) => n.id === b)?.position).toEqual({ x: 310, y: 5 });
    stop();
  });
});
