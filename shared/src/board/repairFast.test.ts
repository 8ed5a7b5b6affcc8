/**
 * The fast paths must return exactly what the repairing schemas return for
 * valid entities, and step aside (null) whenever a field needs repair.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { EntityMap } from './document.ts';
import {
  fastOrganisationFields,
  fastPersonFields,
  fastProjectFields,
  fastRelationshipFields,
} from './repairFast.ts';

function entity(fields: Record<string, unknown>): EntityMap {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('x').set('e', map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map as EntityMap;
}

describe('repair fast paths', () => {
  it('pass valid entities through unchanged (themes copied, colour lower-cased, roles in canonical order)', () => {
    const themes = ['housing', 'care'];
    const org = fastOrganisationFields(entity({ name: 'Bank', sector: 'business', notes: '', themes }));
    expect(org).toEqual({ name: 'Bank', sector: 'business', notes: '', themes });
    expect(
      fastPersonFields(
        entity({ name: 'A', organisationId: null, roles: ['scout', 'sponsor', 'x'], notes: '' }),
      ),
    ).toEqual({ name: 'A', organisationId: null, roles: ['sponsor', 'scout'], notes: '' });
    expect(fastProjectFields(entity({ name: 'P', colour: '#AABBCC', description: '', themes: [] }))).toEqual({
      name: 'P',
      colour: '#aabbcc',
      description: '',
      themes: [],
    });
    const rel = {
      source: 'a',
      target: 'b',
      strength: 5,
      kind: 'tension',
      form: 'adjust',
      direction: 'bothWays',
      notes: 'n',
      lastChecked: '2026-01-31',
    };
    expect(fastRelationshipFields(entity(rel))).toEqual(rel);
  });

  it('step aside for anything that needs repair', () => {
    const okOrg = { name: 'Bank', sector: 'business', notes: '', themes: [] };
    expect(fastOrganisationFields(entity({ ...okOrg, sector: 'bank' }))).toBeNull();
    expect(fastOrganisationFields(entity({ ...okOrg, name: 'x'.repeat(201) }))).toBeNull();
    expect(fastOrganisationFields(entity({ ...okOrg, themes: ['a', 'a'] }))).toBeNull();
    expect(fastOrganisationFields(entity({ ...okOrg, themes: [''] }))).toBeNull();
    expect(fastOrganisationFields(entity({ name: 'Bank', sector: 'business', themes: [] }))).toBeNull();
    expect(fastPersonFields(entity({ name: 'A', roles: [], notes: '' }))).toBeNull();
    expect(fastProjectFields(entity({ name: 'P', colour: 'red', description: '', themes: [] }))).toBeNull();
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
    for (const bad of [{ strength: 2.5 }, { strength: 9 }, { kind: 'x' }, { lastChecked: '2026-13-45' }]) {
      expect(fastRelationshipFields(entity({ ...okRel, ...bad }))).toBeNull();
    }
  });
});
