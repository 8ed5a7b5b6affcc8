import { describe, expect, it } from 'vitest';
import { addOrganisation, addProject, addThread, observeBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import * as Y from 'yjs';
import { boardBounds, NOTE_FOOTPRINT, PROJECT_LABEL_OVERHANG } from './boardBounds.ts';
import { PROJECT_AREA_PADDING } from './projects/projectAreaLayout.ts';
import type { BoardFlowNode } from './view/flowTypes.ts';

const author = { name: 'Femke', colour: '#0f5fb8' };

function snapshotOf(doc: Y.Doc): BoardSnapshot {
  let snapshot: BoardSnapshot | null = null;
  observeBoard(doc, (s) => (snapshot ??= s))();
  if (!snapshot) throw new Error('no snapshot');
  return snapshot;
}

const node = (x: number, y: number): BoardFlowNode =>
  ({
    id: `n${x}`,
    type: 'organisation',
    position: { x, y },
    width: 200,
    height: 80,
    data: {},
  }) as BoardFlowNode;

describe('boardBounds', () => {
  it('is null on an empty board', () => {
    expect(boardBounds([], snapshotOf(new Y.Doc()))).toBeNull();
  });

  it('covers nodes and free notes, so a note beside the map is in view after a fit', () => {
    const doc = new Y.Doc();
    addThread(doc, { position: { x: 3000, y: -500 }, author, text: 'Parking lot' });
    const bounds = boardBounds([node(0, 0), node(400, 300)], snapshotOf(doc));
    expect(bounds).toEqual({ x: 0, y: -500, width: 3000 + NOTE_FOOTPRINT.width, height: 380 + 500 });
  });

  it('leaves out notes on entities (they sit on their node)', () => {
    const doc = new Y.Doc();
    const id = addOrganisation(doc, { name: 'Gemeente', sector: 'municipality', position: { x: 0, y: 0 } });
    addThread(doc, { target: id, author, text: 'On the card' });
    expect(boardBounds([node(0, 0)], snapshotOf(doc))).toEqual({
      x: 0,
      y: 0,
      width: 200,
      height: 80,
    });
  });

  it('covers project areas around their members, with room for the name above or below, so no project name opens hidden', () => {
    const doc = new Y.Doc();
    const a = addOrganisation(doc, { name: 'A', sector: 'municipality', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'education', position: { x: 400, y: 300 } });
    addProject(doc, { name: 'Both', memberIds: [a, b] });
    const nodes = [{ ...node(0, 0), id: a }, { ...node(400, 300), id: b }, node(1000, 1000)];
    const top = PROJECT_AREA_PADDING + PROJECT_LABEL_OVERHANG;
    expect(boardBounds(nodes, snapshotOf(doc))).toEqual({
      x: -PROJECT_AREA_PADDING,
      y: -top,
      width: 1200 + PROJECT_AREA_PADDING,
      height: 1080 + top,
    });
  });
});
