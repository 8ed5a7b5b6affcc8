import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addProject,
  addThread,
  connect,
  createUndoManager,
  deleteEntities,
  onPurge,
  purgePerson,
  readBoard,
  scoreHealth,
  updatePerson,
} from '../index.ts';
import type { RelationshipId } from '../index.ts';

const contains = (bytes: Uint8Array, text: string): boolean =>
  Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

function board() {
  const doc = new Y.Doc();
  const gemeente = addOrganisation(doc, {
    name: 'Gemeente',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const anna = addPerson(doc, {
    name: 'Annabel Secretname',
    organisationId: gemeente,
    roles: ['sponsor'],
    notes: 'Annabel prefers mornings',
    position: { x: 10, y: 100 },
  });
  const bert = addPerson(doc, { name: 'Bert', organisationId: gemeente, position: { x: 200, y: 100 } });
  const link = connect(doc, { source: anna, target: bert, strength: 3 }) as RelationshipId;
  addProject(doc, { name: 'Wijkaanpak', memberIds: [anna, bert] });
  addThread(doc, {
    target: anna,
    author: { name: 'Carla', colour: '#112233' },
    text: 'Annabel knows everyone',
  });
  addThread(doc, {
    target: link,
    author: { name: 'Carla', colour: '#112233' },
    text: 'Annabel and Bert meet weekly',
  });
  addThread(doc, { target: bert, author: { name: 'Carla', colour: '#112233' }, text: 'Bert is new' });
  scoreHealth(doc, link, { id: 'scorer-1', name: 'Dirk' }, 'trust', 4);
  return { doc, anna, bert, link };
}

describe('purgePerson', () => {
  it('removes the person, their relationships, memberships, comments about them and those relationships’ health', () => {
    const { doc, anna, bert } = board();
    updatePerson(doc, anna, { name: 'Annabel Secretname-Jansen' });
    expect(purgePerson(doc, anna, 'test')).toBe(true);

    const after = readBoard(doc);
    expect([...after.people.keys()]).toEqual([bert]);
    expect(after.relationships.size).toBe(0);
    expect([...after.projects.values()][0]?.memberIds).toEqual([bert]);
    expect(after.annotations.size).toBe(1);
    const whole = Y.encodeStateAsUpdate(doc);
    for (const text of ['Annabel', 'Secretname', 'knows everyone', 'meet weekly', 'Dirk'])
      expect(contains(whole, text), text).toBe(false);
    expect(contains(whole, 'Bert is new')).toBe(true);
  });

  it('is one transaction with the given origin, and says when the state held nothing of the person', () => {
    const { doc, anna } = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    let purges = 0;
    onPurge(doc, () => purges++);
    expect(purgePerson(doc, anna, 'server')).toBe(true);
    expect(origins).toEqual(['server']);
    expect(purges).toBe(1);
    expect(purgePerson(doc, anna, 'server')).toBe(false);
  });

  it('counts the purge, so a page that deleted the person cannot undo them back', () => {
    const { doc: server, anna } = board();
    const page = new Y.Doc();
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
    const undo = createUndoManager(page);
    const stop = onPurge(page, () => undo.clear());
    deleteEntities(page, [anna]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(page, Y.encodeStateVector(server)));
    expect(purgePerson(server, anna, 'server')).toBe(true);
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server, Y.encodeStateVector(page)));
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(readBoard(page).people.has(anna)).toBe(false);
    stop();
  });
});
