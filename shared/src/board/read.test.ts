/**
 * The reader against hostile documents: any client can write anything into
 * the shared document, so these tests write garbage with raw Yjs (as a
 * modified page could) and check the repaired snapshot.
 */
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addOrganisation, observeBoard, readBoard } from '../index.ts';
import type { BoardSnapshot, OrganisationId, PersonId, ProjectId, RelationshipId } from '../index.ts';
import { resetReportedProblems } from './problems.ts';
import { MAX_COORDINATE, MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from './records/fields.ts';
import { DEFAULT_PROJECT_COLOURS } from './records/project.ts';

const MB = 'x'.repeat(1024 * 1024);

function entity(doc: Y.Doc, collection: string, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  doc.getMap(collection).set(id, map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

const org = (s: BoardSnapshot, id: string) => s.organisations.get(id as OrganisationId);
const person = (s: BoardSnapshot, id: string) => s.people.get(id as PersonId);

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetReportedProblems();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('readBoard on hostile documents', () => {
  it('repairs organisation fields: unknown sector, missing or wrong-typed name, huge text, bad themes', () => {
    const doc = new Y.Doc();
    entity(doc, 'organisations', 'o1', { name: 'Bank', sector: 'bank', position: { x: 1, y: 2 } });
    entity(doc, 'organisations', 'o2', { sector: 'care', position: { x: 0, y: 0 } });
    entity(doc, 'organisations', 'o3', {
      name: 42,
      sector: 7,
      notes: 5,
      themes: 'energy',
      position: { x: 0, y: 0 },
    });
    entity(doc, 'organisations', 'o4', {
      name: MB,
      sector: 'housing',
      notes: MB,
      themes: ['a', 'a', 3, null, '', MB, { x: 1 }],
      position: { x: 0, y: 0 },
    });
    const s = readBoard(doc);
    expect(org(s, 'o1')).toMatchObject({ name: 'Bank', sector: 'other', notes: '', themes: [] });
    expect(org(s, 'o2')).toMatchObject({ name: '', sector: 'care' });
    expect(org(s, 'o3')).toMatchObject({ name: '', sector: 'other', notes: '', themes: [] });
    const big = org(s, 'o4')!;
    expect(big.name).toHaveLength(MAX_NAME_LENGTH);
    expect(big.notes).toHaveLength(MAX_NOTES_LENGTH);
    expect(big.themes).toEqual(['a', 'x'.repeat(100)]);
  });

  it('gives broken positions a finite, deterministic fallback and clamps far-away ones', () => {
    const doc = new Y.Doc();
    entity(doc, 'organisations', 'nan', { name: 'n', sector: 'care', position: { x: NaN, y: 5 } });
    entity(doc, 'organisations', 'none', { name: 'n', sector: 'care' });
    entity(doc, 'organisations', 'array', { name: 'n', sector: 'care', position: [1, 2] });
    entity(doc, 'organisations', 'text', { name: 'n', sector: 'care', position: 'here' });
    entity(doc, 'organisations', 'far', { name: 'n', sector: 'care', position: { x: 1e300, y: -Infinity } });
    entity(doc, 'people', 'strings', { name: 'p', position: { x: '1', y: null } });
    const s = readBoard(doc);
    for (const o of [...s.organisations.values(), ...s.people.values()]) {
      expect(Number.isFinite(o.position.x) && Number.isFinite(o.position.y)).toBe(true);
    }
    expect(org(s, 'nan')?.position.y).toBe(5);
    expect(org(s, 'far')?.position.x).toBe(MAX_COORDINATE);
    // Every client repairs to the same place.
    const again = readBoard(doc);
    expect(org(again, 'none')?.position).toEqual(org(s, 'none')?.position);
    expect(org(s, 'none')?.position).not.toEqual(org(s, 'array')?.position);
  });

  it('repairs people: unknown roles, missing organisation, wrong types', () => {
    const doc = new Y.Doc();
    entity(doc, 'organisations', 'o', { name: 'O', sector: 'care', position: { x: 0, y: 0 } });
    entity(doc, 'people', 'p1', { name: 'P', organisationId: 'gone', roles: ['scout', 'king', 'scout', 3] });
    entity(doc, 'people', 'p2', { name: 'Q', organisationId: 12, roles: { sponsor: true } });
    entity(doc, 'people', 'p3', { name: 'R', organisationId: 'o', roles: ['connector', 'sponsor'] });
    const s = readBoard(doc);
    expect(person(s, 'p1')).toMatchObject({ organisationId: null, roles: ['scout'], notes: '' });
    expect(person(s, 'p2')).toMatchObject({ organisationId: null, roles: [] });
    expect(person(s, 'p3')).toMatchObject({ organisationId: 'o', roles: ['sponsor', 'connector'] });
  });

  it('skips relationships to missing nodes or to themselves and repairs their fields', () => {
    const doc = new Y.Doc();
    entity(doc, 'organisations', 'a', { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    entity(doc, 'people', 'b', { name: 'B', position: { x: 0, y: 0 } });
    entity(doc, 'relationships', 'toDeleted', { source: 'a', target: 'deleted', strength: 3 });
    entity(doc, 'relationships', 'self', { source: 'a', target: 'a' });
    entity(doc, 'relationships', 'noEnds', { strength: 3 });
    entity(doc, 'relationships', 'high', { source: 'a', target: 'b', strength: 7, kind: 'love', form: 3 });
    entity(doc, 'relationships', 'low', { source: 'b', target: 'a', strength: -2, direction: 'up' });
    entity(doc, 'relationships', 'frac', {
      source: 'a',
      target: 'b',
      strength: 2.6,
      lastChecked: '2026-13-45',
    });
    entity(doc, 'relationships', 'str', { source: 'a', target: 'b', strength: '4', lastChecked: 20260101 });
    entity(doc, 'relationships', 'nan', {
      source: 'a',
      target: 'b',
      strength: NaN,
      lastChecked: '2026-01-31',
    });
    const s = readBoard(doc);
    expect([...s.relationships.keys()].sort()).toEqual(['frac', 'high', 'low', 'nan', 'str']);
    const rel = (id: string) => s.relationships.get(id as RelationshipId)!;
    expect(rel('high')).toMatchObject({
      strength: 5,
      kind: 'collaboration',
      form: 'coordinate',
      direction: 'none',
    });
    expect(rel('low')).toMatchObject({ strength: 1, direction: 'none' });
    expect(rel('frac')).toMatchObject({ strength: 3, lastChecked: null });
    expect(rel('str')).toMatchObject({ strength: 3, lastChecked: null });
    expect(rel('nan')).toMatchObject({ strength: 3, lastChecked: '2026-01-31' });
  });

  it('filters project members that do not exist and repairs broken member lists and colours', () => {
    const doc = new Y.Doc();
    entity(doc, 'organisations', 'a', { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const p1 = entity(doc, 'projects', 'p1', { name: 'P1', colour: '#ABCDEF' });
    const members = new Y.Map<unknown>();
    p1.set('members', members);
    members.set('a', true);
    members.set('gone', true);
    members.set('b', false);
    entity(doc, 'projects', 'p2', { name: 'P2', colour: 'red', members: ['a'] });
    entity(doc, 'projects', 'p3', { name: 'P3', description: MB, members: { a: true } });
    const s = readBoard(doc);
    const project = (id: string) => s.projects.get(id as ProjectId)!;
    expect(project('p1')).toMatchObject({ colour: '#abcdef', memberIds: ['a'] });
    expect(project('p2').memberIds).toEqual([]);
    expect(DEFAULT_PROJECT_COLOURS).toContain(project('p2').colour);
    expect(project('p3').description).toHaveLength(MAX_NOTES_LENGTH);
  });

  it('skips entities that are not maps or have absurd ids', () => {
    const doc = new Y.Doc();
    const orgs = doc.getMap('organisations');
    orgs.set('string', 'hello');
    orgs.set('number', 42);
    orgs.set('plain', { name: 'Plain object', sector: 'care' });
    orgs.set('array', [1, 2, 3]);
    orgs.set('yarray', new Y.Array());
    orgs.set('ytext', new Y.Text('hi'));
    orgs.set('null', null);
    entity(doc, 'organisations', 'k'.repeat(100_000), { name: 'long id', sector: 'care' });
    entity(doc, 'organisations', 'ok', { name: 'OK', sector: 'care', position: { x: 0, y: 0 } });
    doc.getMap('people').set('p', 'not a person');
    doc.getMap('relationships').set('r', new Y.Map());
    const s = readBoard(doc);
    expect([...s.organisations.keys()]).toEqual(['ok']);
    expect(s.people.size).toBe(0);
    expect(s.relationships.size).toBe(0);
  });

  it('survives top-level keys of the wrong Yjs type, both defined locally and arriving remotely', () => {
    const local = new Y.Doc();
    local.getArray('people').push(['a person?']);
    local.getText('projects').insert(0, 'text where a map belongs');
    addOrganisation(local, { name: 'Still fine', sector: 'care', position: { x: 0, y: 0 } });
    let s = readBoard(local);
    expect(s.people.size).toBe(0);
    expect(s.projects.size).toBe(0);
    expect([...s.organisations.values()].map((o) => o.name)).toEqual(['Still fine']);
    expect(() => observeBoard(local, () => undefined)()).not.toThrow();

    const hostile = new Y.Doc();
    hostile.getArray('organisations').push([{ name: 'evil' }]);
    hostile.getArray('relationships').insert(0, [new Y.Map()]);
    const victim = new Y.Doc();
    Y.applyUpdate(victim, Y.encodeStateAsUpdate(hostile));
    s = readBoard(victim);
    expect(s.organisations.size + s.relationships.size).toBe(0);
  });

  it('logs each distinct problem once, however often it is read', () => {
    const doc = new Y.Doc();
    entity(doc, 'organisations', 'o1', { name: 'A', sector: 'bank', position: { x: 0, y: 0 } });
    entity(doc, 'organisations', 'o2', { name: 'B', sector: 'shop', position: { x: 0, y: 0 } });
    readBoard(doc);
    readBoard(doc);
    const sectorWarnings = warn.mock.calls.filter((call: unknown[]) => String(call[0]).includes('sector'));
    expect(sectorWarnings).toHaveLength(1);
  });

  it('keeps observing through hostile remote updates without throwing', () => {
    const doc = new Y.Doc();
    const snapshots: BoardSnapshot[] = [];
    observeBoard(doc, (s) => snapshots.push(s));
    const attacker = new Y.Doc();
    entity(attacker, 'organisations', 'o', { name: MB, sector: null, position: { x: NaN, y: NaN } });
    attacker.getMap('organisations').set('junk', 3);
    entity(attacker, 'relationships', 'r', { source: 'o', target: 'missing', strength: 99 });
    expect(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(attacker), 'provider')).not.toThrow();
    const last = snapshots.at(-1)!;
    expect(org(last, 'o')).toMatchObject({ sector: 'other' });
    expect(org(last, 'o')?.name).toHaveLength(MAX_NAME_LENGTH);
    expect(last.relationships.size).toBe(0);
    // The missing end appears later: the relationship shows up.
    entity(attacker, 'people', 'missing', { name: 'late' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(doc)), 'provider');
    expect(snapshots.at(-1)!.relationships.get('r' as RelationshipId)?.strength).toBe(5);
  });
});
