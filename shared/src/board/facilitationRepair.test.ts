/** The facilitation reader against hostile documents written with raw Yjs. */
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addOrganisation, connect, readBoard, readSettings, DEFAULT_SETTINGS } from '../index.ts';
import type { OrganisationId, RelationshipId, ThreadId } from '../index.ts';
import { resetReportedProblems } from './problems.ts';
import { MAX_MESSAGE_LENGTH } from './records/thread.ts';

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetReportedProblems();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

function entries(map: Y.Map<unknown>, fields: Record<string, unknown>): Y.Map<unknown> {
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

describe('facilitation data on hostile documents', () => {
  it('settings: wrong types and unknown values fall back to the defaults', () => {
    const doc = new Y.Doc();
    entries(doc.getMap('settings'), {
      layoutLocked: 'yes',
      boardLocked: 1,
      phase: 'party',
      staleAfterDays: -3,
      viewersMayComment: null,
    });
    expect(readSettings(doc)).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalled();
  });

  it('settings that are not a map: defaults, never a throw', () => {
    const doc = new Y.Doc();
    doc.getArray('settings').push([1]);
    expect(readSettings(doc)).toEqual(DEFAULT_SETTINGS);
    expect(readBoard(doc).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('threads: bad authors, huge or missing text, bad times, junk messages, no anchor', () => {
    const doc = new Y.Doc();
    const annotations = doc.getMap('annotations');
    const t = new Y.Map<unknown>();
    annotations.set('t1', t);
    const messages = new Y.Map<unknown>();
    entries(t, {
      target: 42,
      position: 'here',
      createdAt: 'yesterday',
      author: 'Ann',
      resolved: 'maybe',
      messages,
    });
    messages.set('m1', {
      author: { name: 7, colour: 'red' },
      text: 'x'.repeat(MAX_MESSAGE_LENGTH + 10),
      createdAt: -1,
    });
    messages.set('m2', 'not an object');
    messages.set('m3', new Y.Map());
    annotations.set('t2', 'not a map');
    const thread = readBoard(doc).annotations.get('t1' as ThreadId)!;
    expect(thread.target).toBeNull();
    expect(thread.position).toEqual({ x: 0, y: 0 });
    expect(thread.createdAt).toBe(0);
    expect(thread.author).toEqual({ name: '', colour: '#888888' });
    expect(thread.resolved).toBe(false);
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]!.text).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(readBoard(doc).annotations.has('t2' as ThreadId)).toBe(false);
  });

  it('health: bad keys, non-map entries, out-of-range and non-numeric scores', () => {
    const doc = new Y.Doc();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'care', position: { x: 1, y: 0 } });
    const r = connect(doc, { source: a, target: b })!;
    const health = doc.getMap('health');
    health.set(
      `${r}/p1`,
      entries(new Y.Map(), { name: 5, trust: 42, goals: 'high', dissent: 3.4, updatedAt: 'now' }),
    );
    health.set(`${r}/p2`, 'junk');
    health.set('no-separator', entries(new Y.Map(), { trust: 5 }));
    health.set(`missing-relationship/p3`, entries(new Y.Map(), { trust: 5 }));
    const scores = readBoard(doc).health.get(r as RelationshipId)!.scores;
    expect(scores).toHaveLength(1);
    expect(scores[0]).toEqual({ scorerId: 'p1', name: '', scores: { trust: 10, dissent: 3 }, updatedAt: 0 });
    expect(readBoard(doc).health.size).toBe(1);
  });

  it('give and take: unknown resources, sides and levels are skipped', () => {
    const doc = new Y.Doc();
    const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
    entries(doc.getMap('giveTake'), {
      [`${a}/money.brings`]: 'much',
      [`${a}/money.takes`]: 'loads',
      [`${a}/gold.brings`]: 'much',
      [`${a}/staff.gives`]: 'some',
      [`${a}/staff.takes`]: 3,
    });
    const giveTake = readBoard(doc).giveTake.get(a as OrganisationId)!;
    expect(giveTake.money).toEqual({ brings: 'much', takes: 'none' });
    expect(giveTake.staff).toEqual({ brings: 'none', takes: 'none' });
  });
});
