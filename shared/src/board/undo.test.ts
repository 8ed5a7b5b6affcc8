import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  beginUndoGesture,
  connect,
  createUndoManager,
  endUndoGesture,
  deleteEntities,
  moveNodes,
  readBoard,
  updateOrganisation,
} from '../index.ts';

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'provider');
}

describe('createUndoManager', () => {
  it('undoes only local commands, never remote changes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const undo = createUndoManager(a);
    const mine = addOrganisation(a, { name: 'Mine', sector: 'care', position: { x: 0, y: 0 } });
    undo.stopCapturing();
    sync(a, b);
    const theirs = addOrganisation(b, { name: 'Theirs', sector: 'welfare', position: { x: 9, y: 9 } });
    updateOrganisation(b, mine, { notes: 'remote note' });
    sync(b, a);
    updateOrganisation(a, mine, { name: 'Mine renamed' });

    undo.undo();
    let s = readBoard(a);
    expect(s.organisations.get(mine)).toMatchObject({ name: 'Mine', notes: 'remote note' });
    expect(s.organisations.get(theirs)?.name).toBe('Theirs');

    undo.undo();
    s = readBoard(a);
    expect(s.organisations.has(mine)).toBe(false);
    expect(s.organisations.get(theirs)?.name).toBe('Theirs');
    expect(undo.canUndo()).toBe(false);

    undo.redo();
    expect(readBoard(a).organisations.get(mine)?.name).toBe('Mine');
  });

  it('keeps each command a step of its own', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    const x = addOrganisation(doc, { name: 'X', sector: 'care', position: { x: 0, y: 0 } });
    updateOrganisation(doc, x, { name: 'X2' });
    updateOrganisation(doc, x, { sector: 'housing' });
    undo.undo();
    expect(readBoard(doc).organisations.get(x)).toMatchObject({ name: 'X2', sector: 'care' });
    undo.undo();
    expect(readBoard(doc).organisations.get(x)?.name).toBe('X');
  });

  it('makes a drag of many moves one step, however it pauses, and restores a deleted node with its relationships', async () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    const x = addOrganisation(doc, { name: 'X', sector: 'care', position: { x: 0, y: 0 } });
    const y = addOrganisation(doc, { name: 'Y', sector: 'care', position: { x: 0, y: 0 } });
    const r = connect(doc, { source: x, target: y })!;
    beginUndoGesture(undo);
    for (let i = 1; i <= 10; i++) {
      moveNodes(doc, [{ id: x, position: { x: i, y: i } }]);
      if (i === 5) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    endUndoGesture(undo);
    deleteEntities(doc, [x]);
    expect(readBoard(doc).relationships.size).toBe(0);

    undo.undo();
    let s = readBoard(doc);
    expect(s.organisations.get(x)?.position).toEqual({ x: 10, y: 10 });
    expect(s.relationships.get(r)).toMatchObject({ source: x, target: y });

    undo.undo();
    s = readBoard(doc);
    expect(s.organisations.get(x)?.position).toEqual({ x: 0, y: 0 });
  });
});
