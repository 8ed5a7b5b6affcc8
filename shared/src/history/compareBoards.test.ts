import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addProject,
  addToProject,
  connect,
  deleteEntities,
  moveNodes,
  readBoard,
  scoreHealth,
  updatePerson,
  updateRelationship,
} from '../index.ts';
import { compareBoards, countChanges } from './compareBoards.ts';

describe('compareBoards', () => {
  it('lists exactly the differences of a fixed scenario between two moments', () => {
    const doc = new Y.Doc();
    const at = { x: 0, y: 0 };
    const gemeente = addOrganisation(doc, { name: 'Gemeente Zwolle', sector: 'municipality', position: at });
    const veste = addOrganisation(doc, { name: 'De Veste', sector: 'housing', position: at });
    const ggz = addOrganisation(doc, { name: 'GGZ', sector: 'mentalHealth', position: at });
    const anna = addPerson(doc, { name: 'Anna', organisationId: gemeente, position: at });
    const wijk = addProject(doc, { name: 'Wijkaanpak', memberIds: [gemeente] });
    const tie = connect(doc, { source: gemeente, target: veste, strength: 2, form: 'coordinate' })!;
    const lost = connect(doc, { source: gemeente, target: ggz })!;
    const anne = { id: 'scorer-anne', name: 'Anne' };
    scoreHealth(doc, tie, anne, 'trust', 4);
    scoreHealth(doc, tie, anne, 'goals', 6);
    const kickOff = readBoard(doc);

    // Half a year later: a new partner, a lost tie, a stronger and closer one, a new role, a new member,
    // trust up, goals unchanged; and a node moved, which is no change of the network.
    const rabobank = addOrganisation(doc, { name: 'Rabobank', sector: 'business', position: at });
    deleteEntities(doc, [lost]);
    updateRelationship(doc, tie, { strength: 4, form: 'adjust' });
    updatePerson(doc, anna, { roles: ['sponsor'] });
    addToProject(doc, wijk, [veste]);
    scoreHealth(doc, tie, anne, 'trust', 7);
    moveNodes(doc, [{ id: ggz, position: { x: 500, y: 500 } }]);
    const later = readBoard(doc);

    const comparison = compareBoards(kickOff, later);
    expect(comparison.entities).toEqual([
      { kind: 'organisation', id: rabobank, name: 'Rabobank', change: 'added', fields: [] },
      { kind: 'person', id: anna, name: 'Anna', change: 'changed', fields: ['roles'] },
      { kind: 'project', id: wijk, name: 'Wijkaanpak', change: 'changed', fields: ['members'] },
      {
        kind: 'relationship',
        id: tie,
        name: 'Gemeente Zwolle – De Veste',
        change: 'changed',
        fields: ['strength', 'form'],
      },
      { kind: 'relationship', id: lost, name: 'Gemeente Zwolle – GGZ', change: 'removed', fields: [] },
    ]);
    expect(comparison.health).toEqual([
      { relationshipId: tie, name: 'Gemeente Zwolle – De Veste', dimension: 'trust', before: 4, after: 7 },
    ]);
    expect(countChanges(comparison)).toEqual({ added: 1, removed: 1, changed: 3 });
    expect(compareBoards(later, later)).toEqual({ entities: [], health: [] });
  });
});
