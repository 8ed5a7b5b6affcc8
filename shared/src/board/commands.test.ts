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
  removeFromProject,
  reverseRelationship,
  setStrength,
  updateOrganisation,
  updatePerson,
  updateProject,
  updateRelationship,
} from '../index.ts';
import type { NodeId, OrganisationId, PersonId, RelationshipId, Sector, Strength } from '../index.ts';

function board() {
  const doc = new Y.Doc();
  const gemeente = addOrganisation(doc, {
    name: 'Gemeente',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const corporatie = addOrganisation(doc, {
    name: 'Woonstede',
    sector: 'housing',
    position: { x: 300, y: 0 },
    notes: 'big landlord',
    themes: ['housing and care', 'housing and care', 'energy'],
  });
  const anna = addPerson(doc, {
    name: 'Anna',
    organisationId: gemeente,
    roles: ['connector', 'sponsor'],
    position: { x: 10, y: 100 },
  });
  return { doc, gemeente, corporatie, anna };
}

describe('addOrganisation / addPerson', () => {
  it('stores every field and returns a uuid', () => {
    const { doc, gemeente, corporatie, anna } = board();
    expect(gemeente).toMatch(/^[0-9a-f-]{36}$/);
    const s = readBoard(doc);
    expect(s.organisations.get(corporatie)).toEqual({
      id: corporatie,
      name: 'Woonstede',
      sector: 'housing',
      notes: 'big landlord',
      themes: ['housing and care', 'energy'],
      position: { x: 300, y: 0 },
    });
    expect(s.people.get(anna)).toEqual({
      id: anna,
      name: 'Anna',
      organisationId: gemeente,
      roles: ['sponsor', 'connector'],
      notes: '',
      position: { x: 10, y: 100 },
    });
  });

  it('rejects invalid input with a clear error and writes nothing', () => {
    const doc = new Y.Doc();
    const p = { x: 0, y: 0 };
    expect(() => addOrganisation(doc, { name: 'X', sector: 'bank' as Sector, position: p })).toThrow(
      /addOrganisation: invalid input \(sector/,
    );
    expect(() => addOrganisation(doc, { name: 'X', sector: 'care', position: { x: NaN, y: 0 } })).toThrow(
      /position\.x/,
    );
    expect(() => addOrganisation(doc, { name: 'x'.repeat(201), sector: 'care', position: p })).toThrow(
      /name/,
    );
    expect(() =>
      addPerson(doc, { name: 'P', organisationId: 'nope' as OrganisationId, position: p }),
    ).toThrow(/organisation "nope" does not exist/);
    expect(() =>
      addPerson(doc, { name: 'P', organisationId: null, position: p, roles: ['boss' as 'sponsor'] }),
    ).toThrow(/roles/);
    const s = readBoard(doc);
    expect(s.organisations.size + s.people.size).toBe(0);
  });
});

describe('updates', () => {
  it('updateOrganisation and updatePerson change only the given fields', () => {
    const { doc, gemeente, corporatie, anna } = board();
    expect(updateOrganisation(doc, gemeente, { name: 'Gemeente Zwolle', themes: ['talent'] })).toBe(true);
    expect(updatePerson(doc, anna, { organisationId: corporatie, roles: ['scout'] })).toBe(true);
    expect(updatePerson(doc, anna, { organisationId: null })).toBe(true);
    const s = readBoard(doc);
    expect(s.organisations.get(gemeente)).toMatchObject({ name: 'Gemeente Zwolle', sector: 'municipality' });
    expect(s.organisations.get(gemeente)?.themes).toEqual(['talent']);
    expect(s.people.get(anna)).toMatchObject({ organisationId: null, roles: ['scout'], name: 'Anna' });
  });

  it('returns false for a missing entity and throws on bad values or unknown fields', () => {
    const { doc, gemeente, anna } = board();
    expect(updateOrganisation(doc, 'gone' as OrganisationId, { name: 'x' })).toBe(false);
    expect(updatePerson(doc, 'gone' as PersonId, { name: 'x' })).toBe(false);
    expect(() => updateOrganisation(doc, gemeente, { sector: 'bank' as Sector })).toThrow(/sector/);
    expect(() => updateOrganisation(doc, gemeente, { colour: '#fff' } as never)).toThrow(/colour/);
    expect(() => updatePerson(doc, anna, { organisationId: anna as unknown as OrganisationId })).toThrow(
      /does not exist/,
    );
  });

  it('sends nothing when a field is set to its current value', () => {
    const { doc, gemeente } = board();
    let updates = 0;
    doc.on('update', () => updates++);
    updateOrganisation(doc, gemeente, { name: 'Gemeente', position: { x: 0, y: 0 } });
    expect(updates).toBe(0);
  });

  it('moveNodes moves organisations and people in one transaction and ignores missing ids', () => {
    const { doc, gemeente, anna } = board();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveNodes(doc, [
      { id: gemeente, position: { x: 5, y: 6 } },
      { id: anna, position: { x: -7, y: 8.5 } },
      { id: 'gone' as NodeId, position: { x: 1, y: 1 } },
    ]);
    expect(transactions).toBe(1);
    const s = readBoard(doc);
    expect(s.organisations.get(gemeente)?.position).toEqual({ x: 5, y: 6 });
    expect(s.people.get(anna)?.position).toEqual({ x: -7, y: 8.5 });
    expect(() => moveNodes(doc, [{ id: gemeente, position: { x: Infinity, y: 0 } }])).toThrow(/moveNodes/);
  });
});

describe('relationships', () => {
  it('connect stores defaults and given fields; null for missing or identical ends', () => {
    const { doc, gemeente, corporatie, anna } = board();
    const r = connect(doc, { source: gemeente, target: corporatie })!;
    const r2 = connect(doc, {
      source: anna,
      target: corporatie,
      strength: 5,
      kind: 'funding',
      form: 'interweave',
      direction: 'oneWay',
      notes: 'subsidy',
      lastChecked: '2026-03-01',
    })!;
    const s = readBoard(doc);
    expect(s.relationships.get(r)).toEqual({
      id: r,
      source: gemeente,
      target: corporatie,
      strength: 3,
      kind: 'collaboration',
      form: 'coordinate',
      direction: 'none',
      notes: '',
      lastChecked: null,
    });
    expect(s.relationships.get(r2)).toMatchObject({
      strength: 5,
      kind: 'funding',
      lastChecked: '2026-03-01',
    });
    expect(connect(doc, { source: gemeente, target: gemeente })).toBeNull();
    expect(connect(doc, { source: gemeente, target: 'gone' as NodeId })).toBeNull();
    expect(() => connect(doc, { source: gemeente, target: corporatie, strength: 7 as Strength })).toThrow(
      /connect: invalid input \(strength/,
    );
    expect(() => connect(doc, { source: gemeente, target: corporatie, lastChecked: '2026-02-30' })).toThrow(
      /lastChecked/,
    );
  });

  it('setStrength and updateRelationship validate and apply', () => {
    const { doc, gemeente, corporatie } = board();
    const r = connect(doc, { source: gemeente, target: corporatie })!;
    expect(setStrength(doc, r, 1)).toBe(true);
    expect(updateRelationship(doc, r, { kind: 'tension', direction: 'bothWays', lastChecked: null })).toBe(
      true,
    );
    expect(readBoard(doc).relationships.get(r)).toMatchObject({
      strength: 1,
      kind: 'tension',
      direction: 'bothWays',
    });
    expect(() => setStrength(doc, r, 7 as Strength)).toThrow(/setStrength/);
    expect(() => setStrength(doc, r, 2.5 as Strength)).toThrow(/setStrength/);
    expect(() => updateRelationship(doc, r, { form: 'merge' as 'adjust' })).toThrow(/form/);
    expect(() => updateRelationship(doc, r, { source: gemeente } as never)).toThrow(/source/);
    expect(setStrength(doc, 'gone' as RelationshipId, 2)).toBe(false);
  });

  it('reverseRelationship swaps the ends and keeps every other field', () => {
    const { doc, gemeente, corporatie } = board();
    const r = connect(doc, { source: gemeente, target: corporatie, direction: 'oneWay', strength: 4 })!;
    expect(reverseRelationship(doc, r)).toBe(true);
    expect(readBoard(doc).relationships.get(r)).toMatchObject({
      source: corporatie,
      target: gemeente,
      direction: 'oneWay',
      strength: 4,
    });
    expect(reverseRelationship(doc, 'gone' as RelationshipId)).toBe(false);
  });
});

describe('projects', () => {
  it('addProject, membership commands and updateProject', () => {
    const { doc, gemeente, corporatie, anna } = board();
    const p = addProject(doc, { name: 'Housing first', memberIds: [gemeente] });
    const q = addProject(doc, { name: 'Talent', colour: '#AABBCC', themes: ['talent'] });
    let s = readBoard(doc);
    expect(s.projects.get(p)).toMatchObject({
      name: 'Housing first',
      memberIds: [gemeente],
      description: '',
    });
    expect(s.projects.get(p)?.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(s.projects.get(q)).toMatchObject({ colour: '#aabbcc', memberIds: [] });

    expect(addToProject(doc, p, [corporatie, anna, 'gone' as NodeId])).toBe(true);
    expect(readBoard(doc).projects.get(p)?.memberIds).toEqual([gemeente, corporatie, anna].sort());
    expect(removeFromProject(doc, p, [gemeente])).toBe(true);
    expect(readBoard(doc).projects.get(p)?.memberIds).toEqual([corporatie, anna].sort());

    expect(updateProject(doc, p, { name: 'HF', description: 'pilot', memberIds: [gemeente] })).toBe(true);
    s = readBoard(doc);
    expect(s.projects.get(p)).toMatchObject({ name: 'HF', description: 'pilot', memberIds: [gemeente] });

    expect(() => addProject(doc, { name: 'Bad', colour: 'red' })).toThrow(/colour/);
    expect(() => addProject(doc, { name: 'Bad', memberIds: ['gone' as NodeId] })).toThrow(/gone/);
    expect(addToProject(doc, 'gone' as typeof p, [gemeente])).toBe(false);
    expect(removeFromProject(doc, 'gone' as typeof p, [gemeente])).toBe(false);
  });
});

describe('deleteEntities', () => {
  it('deletes nodes with their relationships and memberships; people keep existing without organisation', () => {
    const { doc, gemeente, corporatie, anna } = board();
    const r1 = connect(doc, { source: gemeente, target: corporatie })!;
    const r2 = connect(doc, { source: anna, target: corporatie })!;
    const p = addProject(doc, { name: 'P', memberIds: [gemeente, corporatie] });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    deleteEntities(doc, [gemeente, 'unknown']);
    expect(transactions).toBe(1);
    const s = readBoard(doc);
    expect(s.organisations.has(gemeente)).toBe(false);
    expect(s.relationships.has(r1)).toBe(false);
    expect(s.relationships.has(r2)).toBe(true);
    expect(s.projects.get(p)?.memberIds).toEqual([corporatie]);
    expect(s.people.get(anna)?.organisationId).toBeNull();
    // Nothing is left behind in the document either, so a restored id cannot resurrect stale links.
    expect(readBoard(doc)).toEqual(s);
  });

  it('deletes projects and relationships by id', () => {
    const { doc, gemeente, corporatie } = board();
    const r = connect(doc, { source: gemeente, target: corporatie })!;
    const p = addProject(doc, { name: 'P' });
    deleteEntities(doc, [r, p]);
    const s = readBoard(doc);
    expect(s.relationships.size).toBe(0);
    expect(s.projects.size).toBe(0);
    expect(s.organisations.size).toBe(2);
  });
});
