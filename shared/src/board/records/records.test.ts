/**
 * Each record's two halves must agree: whatever its strict schema accepts is read back unchanged and
 * unreported (the reader's quick path), and anything broken is repaired and reported.
 */
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityMap } from '../document.ts';
import { resetReportedProblems } from '../problems.ts';
import { MAX_THEME_LENGTH, MAX_THEMES, parseInput, repairPosition, reporter } from './fields.ts';
import { organisationFieldsSchema, readOrganisation } from './organisation.ts';
import { personFieldsSchema, readPerson } from './person.ts';
import { projectFieldsSchema, readProject } from './project.ts';
import { readRelationship, relationshipFieldsSchema } from './relationship.ts';

function entity(fields: Record<string, unknown>): EntityMap {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('x').set('e', map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map as EntityMap;
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetReportedProblems();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('records', () => {
  it('read what their schemas accept back unchanged, without a report', () => {
    const themes = Array.from({ length: MAX_THEMES }, (_, i) => `${i}`.padEnd(MAX_THEME_LENGTH, 't'));
    const org = parseInput('test', organisationFieldsSchema, {
      name: 'Bank',
      sector: 'business',
      notes: 'n',
      themes,
      position: { x: -10_000_000, y: 1.5 },
    });
    expect(readOrganisation('o', entity(org))).toEqual({ id: 'o', ...org });

    const person = parseInput('test', personFieldsSchema, {
      name: 'A',
      organisationId: null,
      roles: ['connector', 'sponsor'],
      notes: '',
      position: { x: 0, y: 0 },
    });
    expect(readPerson('p', entity(person))).toEqual({ id: 'p', ...person, roles: ['sponsor', 'connector'] });

    const { memberIds, ...project } = parseInput('test', projectFieldsSchema, {
      name: 'P',
      colour: '#AABBCC',
      description: '',
      themes: [],
      memberIds: [],
    });
    expect(readProject('q', entity(project))).toEqual({ id: 'q', ...project, memberIds, colour: '#aabbcc' });

    const relationship = {
      source: 'a',
      target: 'b',
      ...parseInput('test', relationshipFieldsSchema, {
        strength: 5,
        kind: 'tension',
        form: 'adjust',
        direction: 'bothWays',
        notes: 'n',
        lastChecked: '2024-02-29',
      }),
    };
    expect(readRelationship('r', entity(relationship))).toEqual({ id: 'r', ...relationship });
    expect(warn).not.toHaveBeenCalled();
  });

  it('copy stored lists, so nobody can change the document by changing a snapshot', () => {
    const themes = ['housing', 'care'];
    const map = entity({ name: 'Bank', sector: 'business', notes: '', themes, position: { x: 0, y: 0 } });
    const read = readOrganisation('o', map);
    expect(read.themes).toEqual(themes);
    expect(read.themes).not.toBe(map.get('themes'));
  });

  it('repair and report anything their schemas refuse', () => {
    const okOrg = { name: 'Bank', sector: 'business', notes: '', themes: [], position: { x: 0, y: 0 } };
    expect(readOrganisation('o', entity({ ...okOrg, sector: 'bank' })).sector).toBe('other');
    expect(readOrganisation('o', entity({ ...okOrg, name: 'x'.repeat(201) })).name).toHaveLength(200);
    expect(readOrganisation('o', entity({ ...okOrg, themes: ['a', 'a', ''] })).themes).toEqual(['a']);
    expect(readPerson('p', entity({ name: 'A', roles: [], notes: '' })).organisationId).toBeNull();
    expect(
      readProject('q', entity({ name: 'P', colour: 'red', description: '', themes: [] })).colour,
    ).toMatch(/^#[0-9a-f]{6}$/);
    const okRel = {
      source: 'a',
      target: 'b',
      strength: 3,
      kind: 'funding',
      form: 'coordinate',
      direction: 'none',
      notes: '',
      lastChecked: null,
    };
    const rel = (bad: object) => readRelationship('r', entity({ ...okRel, ...bad }));
    expect(rel({ strength: 2.5 }).strength).toBe(3);
    expect(rel({ strength: 9 }).strength).toBe(5);
    expect(rel({ kind: 'x' }).kind).toBe('collaboration');
    expect(rel({ lastChecked: '2026-13-45' }).lastChecked).toBeNull();
    const reports = warn.mock.calls.map((call: unknown[]) => String(call[0]));
    for (const field of ['sector', 'name', 'themes', 'organisationId', 'colour', 'strength', 'kind']) {
      expect(reports.some((text: string) => text.includes(` ${field}: `))).toBe(true);
    }
  });

  it('repair a broken position to the same spot for the same id', () => {
    const report = reporter('test', 'position');
    const a = repairPosition('id-1', { x: 'no', y: 4 }, report);
    expect(a.y).toBe(4);
    expect(repairPosition('id-1', undefined, report).x).toBe(a.x);
    expect(repairPosition('id-1', { x: 1e300, y: -1e300 }, report)).toEqual({
      x: 10_000_000,
      y: -10_000_000,
    });
  });
});
