import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOrganisation,
  addThread,
  connect,
  deleteEntities,
  readBoard,
  resolveThread,
  scoreHealth,
  setGiveTake,
  updateRelationship,
} from '@interplay/shared';
import type { RelationshipId } from '@interplay/shared';
import { openThreadCounts, openThreads, threadsOn } from '../annotations/threadQueries.ts';
import { relativeTime } from '../annotations/relativeTime.ts';
import { balanceRows } from '../giveTake/BalanceDrawer.tsx';
import { HEALTH_ANCHORS, nearestAnchor } from './healthAnchors.ts';
import { healthColour, UNSCORED_COLOUR } from '../theme/healthColour.ts';
import { healthRows } from './HealthDrawer.tsx';

const author = { name: 'Alice', colour: '#1f6fd1' };

function board() {
  const doc = new Y.Doc();
  const a = addOrganisation(doc, { name: 'Gemeente', sector: 'municipality', position: { x: 0, y: 0 } });
  const b = addOrganisation(doc, { name: 'Veste', sector: 'housing', position: { x: 300, y: 0 } });
  const c = addOrganisation(doc, { name: 'GGZ', sector: 'mentalHealth', position: { x: 0, y: 300 } });
  const ab = connect(doc, { source: a, target: b }) as RelationshipId;
  const bc = connect(doc, { source: b, target: c }) as RelationshipId;
  const ac = connect(doc, { source: a, target: c }) as RelationshipId;
  return { doc, a, b, c, ab, bc, ac };
}

describe('health helpers', () => {
  it('colours the scale red → amber → green and grey when unscored', () => {
    expect(healthColour(1)).toBe('#c81e1e');
    expect(healthColour(5.5)).toBe('#e09600');
    expect(healthColour(10)).toBe('#168c3c');
    expect(healthColour(42)).toBe(healthColour(10));
    expect(healthColour(null)).toBe(UNSCORED_COLOUR);
  });

  it('picks the nearest anchor of a scale, the lower on a tie', () => {
    expect(nearestAnchor('communication', 3)).toBe(2);
    expect(nearestAnchor('communication', 5)).toBe(4);
    expect(nearestAnchor('communication', 9)).toBe(10);
    expect(nearestAnchor('goals', 10)).toBe(7);
    for (const anchors of Object.values(HEALTH_ANCHORS)) expect(anchors[0]).toBe(1);
  });

  it('lists relationships lowest health first, unscored last, with the stale flag', () => {
    const { doc, ab, bc, ac } = board();
    scoreHealth(doc, ab, { id: 's1', name: 'A' }, 'trust', 8);
    scoreHealth(doc, bc, { id: 's1', name: 'A' }, 'trust', 3);
    scoreHealth(doc, bc, { id: 's2', name: 'B' }, 'trust', 5);
    updateRelationship(doc, ac, { lastChecked: '2000-01-01' });
    const rows = healthRows(readBoard(doc));
    expect(rows.map((row) => row.relationship.id)).toEqual([bc, ab, ac]);
    expect(rows[0]?.summary.overallMean).toBe(4);
    expect(rows[0]?.summary.scorerCount).toBe(2);
    expect(rows.map((row) => row.stale)).toEqual([false, false, true]);
  });
});

describe('annotation helpers', () => {
  it('counts open threads per target, hides resolved and orphaned ones', () => {
    const { doc, a, b, ab } = board();
    addThread(doc, { target: a, author, text: 'one' });
    const resolved = addThread(doc, { target: a, author, text: 'two' });
    addThread(doc, { target: ab, author, text: 'three' });
    addThread(doc, { target: b, author, text: 'gone soon' });
    addThread(doc, { position: { x: 5, y: 5 }, author, text: 'note' });
    resolveThread(doc, resolved, author);
    deleteEntities(doc, [b]);
    const snapshot = readBoard(doc);
    const counts = openThreadCounts(snapshot.annotations);
    expect(counts.get(a)).toBe(1);
    expect(counts.get(b)).toBeUndefined();
    expect(counts.get(ab)).toBeUndefined(); // deleted with its end b
    expect(openThreadCounts(snapshot.annotations)).toBe(counts);
    expect(threadsOn(snapshot.annotations, a)).toHaveLength(2);
    expect(
      openThreads(snapshot.annotations)
        .map((t) => t.messages[0]?.text)
        .sort(),
    ).toEqual(['note', 'one']);
  });

  it('says how long ago, in the reader’s language', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    expect(relativeTime(now - 20_000, now, 'en')).toBeNull();
    expect(relativeTime(now - 3 * 60_000, now, 'en')).toBe('3 minutes ago');
    expect(relativeTime(now - 2 * 3_600_000, now, 'nl')).toBe('2 uur geleden');
    expect(relativeTime(now + 60_000, now, 'en')).toBeNull();
  });
});

describe('give-and-take balance', () => {
  it('orders organisations by balance and lists those without entries', () => {
    const { doc, a, b } = board();
    setGiveTake(doc, a, 'money', 'brings', 'much');
    setGiveTake(doc, a, 'knowledge', 'brings', 'much');
    setGiveTake(doc, b, 'clients', 'takes', 'some');
    const { rows, missing } = balanceRows(readBoard(doc));
    expect(rows.map((row) => [row.organisation.name, row.balance.brings, row.balance.takes])).toEqual([
      ['Gemeente', 4, 0],
      ['Veste', 0, 1],
    ]);
    expect(missing.map((organisation) => organisation.name)).toEqual(['GGZ']);
  });
});
