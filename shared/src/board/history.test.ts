import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addProject,
  connect,
  deleteEntities,
  readBoard,
  setBoardLocked,
  updateOrganisation,
} from '../index.ts';
import { docFromParts, readBoardState, restoreBoard } from './history.ts';

const origin = { name: 'test.restore' };

describe('restoreBoard', () => {
  it('makes the board what it was in one transaction, touching only what differs, and leaves the settings', () => {
    const doc = new Y.Doc();
    const a = addOrganisation(doc, { name: 'Gemeente', sector: 'municipality', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'Woonstad', sector: 'housing', position: { x: 300, y: 0 } });
    connect(doc, { source: a, target: b, strength: 3 });
    addProject(doc, { name: 'Wijkaanpak', memberIds: [a, b] });
    const past = docFromParts([Y.encodeStateAsUpdate(doc)]);
    const then = readBoard(doc);

    deleteEntities(doc, [b]);
    updateOrganisation(doc, a, { name: 'Gemeente Zwolle' });
    addOrganisation(doc, { name: 'Later', sector: 'other', position: { x: 0, y: 300 } });
    setBoardLocked(doc, true);

    let transactions = 0;
    const changedFields: string[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin !== origin) return;
      transactions += 1;
      transaction.changed.forEach((keys) => keys.forEach((key) => key !== null && changedFields.push(key)));
    });
    restoreBoard(doc, past, origin);

    expect(transactions).toBe(1);
    const now = readBoard(doc);
    expect(now.organisations).toEqual(then.organisations);
    expect(now.relationships).toEqual(then.relationships);
    expect(now.projects).toEqual(then.projects);
    expect(now.settings.boardLocked).toBe(true);
    // Of the organisation that stayed, only its name was set back, not its other fields.
    expect(changedFields).toContain('name');
    expect(changedFields).not.toContain('sector');
    expect(readBoardState(Y.encodeStateAsUpdate(doc)).organisations.size).toBe(2);
  });

  it('skips a stored part Yjs cannot apply and keeps the rest', () => {
    const doc = new Y.Doc();
    addOrganisation(doc, { name: 'Gemeente', sector: 'municipality', position: { x: 0, y: 0 } });
    const rebuilt = docFromParts([new Uint8Array([255, 1, 2]), Y.encodeStateAsUpdate(doc)]);
    expect(readBoard(rebuilt).organisations.size).toBe(1);
  });
});
