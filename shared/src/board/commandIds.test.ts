import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addProject, connect, isGeneratedIdFormat, readBoard } from '../index.ts';
import type { NodeId } from '../index.ts';

const ID_A = '0b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ID_B = '1b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ID_C = '2b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ID_D = '3b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('add commands with a given id (imports keep their ids)', () => {
  it('keep a well-formed unused id', () => {
    const doc = new Y.Doc();
    const org = addOrganisation(doc, {
      id: ID_A,
      name: 'Gemeente',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const person = addPerson(doc, { id: ID_B, name: 'Anna', organisationId: org, position: { x: 0, y: 90 } });
    const project = addProject(doc, { id: ID_C, name: 'Wonen', memberIds: [org] });
    const relationship = connect(doc, { id: ID_D, source: org, target: person as NodeId });
    expect([org, person, project, relationship]).toEqual([ID_A, ID_B, ID_C, ID_D]);
    const board = readBoard(doc);
    expect(board.organisations.get(org)?.name).toBe('Gemeente');
    expect(board.relationships.get(ID_D as never)?.source).toBe(ID_A);
  });

  it('refuse an id in another format, or one that is taken by any kind, and change nothing', () => {
    const doc = new Y.Doc();
    addOrganisation(doc, { id: ID_A, name: 'Gemeente', sector: 'municipality', position: { x: 0, y: 0 } });
    expect(() =>
      addOrganisation(doc, { id: 'org-1', name: 'X', sector: 'care', position: { x: 0, y: 0 } }),
    ).toThrow(/addOrganisation: id must be a lower-case UUID/);
    expect(() =>
      addPerson(doc, { id: ID_A, name: 'Anna', organisationId: null, position: { x: 0, y: 0 } }),
    ).toThrow(/addPerson: id "0b1f2c3d-.*" is already used on this board/);
    expect(() => addProject(doc, { id: ID_A.toUpperCase(), name: 'P' })).toThrow(/addProject: id must be/);
    const board = readBoard(doc);
    expect([board.organisations.size, board.people.size, board.projects.size]).toEqual([1, 0, 0]);
  });

  it('generate ids in the format they accept', () => {
    const doc = new Y.Doc();
    const id = addOrganisation(doc, { name: 'G', sector: 'care', position: { x: 0, y: 0 } });
    expect(isGeneratedIdFormat(id)).toBe(true);
  });
});
