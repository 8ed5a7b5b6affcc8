import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addThread,
  clearHealthScore,
  connect,
  createUndoManager,
  deleteEntities,
  editMessage,
  giveTakeBalance,
  giveTakeOf,
  healthSummary,
  isStale,
  maintenanceStatus,
  moveNote,
  moveNodes,
  observeBoard,
  observeSettings,
  permissionsFor,
  readBoard,
  readSettings,
  refusalReason,
  reopenThread,
  replyToThread,
  resolveThread,
  scoreHealth,
  setBoardLocked,
  setGiveTake,
  setLayoutLocked,
  setPhase,
  setStaleAfterDays,
  setViewersMayComment,
  DEFAULT_SETTINGS,
} from '../index.ts';
import type { BoardSnapshot, ThreadId } from '../index.ts';

const ann = { name: 'Ann', colour: '#336699' };
const bob = { name: 'Bob', colour: '#993366' };

function board() {
  const doc = new Y.Doc();
  const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
  const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 100, y: 0 } });
  const r = connect(doc, { source: a, target: b })!;
  return { doc, a, b, r };
}

describe('settings', () => {
  it('default, set, validated, and in the snapshot', () => {
    const { doc } = board();
    expect(readSettings(doc)).toEqual(DEFAULT_SETTINGS);
    setLayoutLocked(doc, true);
    setBoardLocked(doc, true);
    setPhase(doc, 'people');
    setStaleAfterDays(doc, 30);
    setViewersMayComment(doc, true);
    const expected = {
      layoutLocked: true,
      boardLocked: true,
      phase: 'people',
      staleAfterDays: 30,
      viewersMayComment: true,
    };
    expect(readSettings(doc)).toEqual(expected);
    expect(readBoard(doc).settings).toEqual(expected);
    expect(() => setPhase(doc, 'dancing' as never)).toThrow(/setPhase/);
    expect(() => setStaleAfterDays(doc, 0)).toThrow(/setStaleAfterDays/);
    expect(() => setStaleAfterDays(doc, 1.5)).toThrow(/setStaleAfterDays/);
  });

  it('are observed: one call per real change, none for other edits', () => {
    const { doc, a } = board();
    const seen: string[] = [];
    const stop = observeSettings(doc, (settings) => seen.push(`${settings.phase} ${settings.layoutLocked}`));
    setPhase(doc, 'people');
    setPhase(doc, 'people');
    moveNodes(doc, [{ id: a, position: { x: 5, y: 5 } }]);
    setLayoutLocked(doc, true);
    stop();
    setLayoutLocked(doc, false);
    expect(seen).toEqual(['people false', 'people true']);
  });

  it('permissions follow role, locks and phase', () => {
    const s = { ...DEFAULT_SETTINGS };
    expect(permissionsFor('editor', s).add.person).toBe(true);
    expect(permissionsFor('viewer', s).comment).toBe(false);
    expect(permissionsFor('viewer', { ...s, viewersMayComment: true }).comment).toBe(true);
    expect(refusalReason('editor', { ...s, layoutLocked: true }, 'move')).toBe('layoutLocked');
    expect(refusalReason('editor', { ...s, layoutLocked: true }, 'edit')).toBeNull();
    expect(refusalReason('editor', { ...s, boardLocked: true }, 'edit')).toBe('boardLocked');
    expect(refusalReason('editor', { ...s, boardLocked: true }, 'comment')).toBeNull();
    expect(refusalReason('editor', { ...s, phase: 'organisations' }, 'person')).toBe('phase');
    expect(refusalReason('editor', { ...s, phase: 'organisations' }, 'project')).toBeNull();
    expect(refusalReason('editor', { ...s, phase: 'relationships' }, 'score')).toBe('phase');
    expect(refusalReason('editor', s, 'changeSettings')).toBe('facilitatorOnly');
    expect(
      refusalReason('facilitator', { ...s, boardLocked: true, phase: 'people' }, 'organisation'),
    ).toBeNull();
  });
});

describe('annotations', () => {
  it('threads on entities and free notes: replies, resolve, reopen, edit, move; orphaned after a delete', () => {
    const { doc, a, r } = board();
    const t = addThread(doc, { target: a, author: ann, text: 'We never talk to them', at: 1000 });
    const note = addThread(doc, { position: { x: 5, y: 6 }, author: bob, text: 'Stalls here', at: 2000 });
    const reply = replyToThread(doc, t, { author: bob, text: 'True', at: 1500 })!;
    expect(resolveThread(doc, t, bob, 3000)).toBe(true);
    let thread = readBoard(doc).annotations.get(t)!;
    expect(thread.messages.map((m) => m.text)).toEqual(['We never talk to them', 'True']);
    expect(thread).toMatchObject({
      target: a,
      position: null,
      resolved: true,
      resolvedBy: bob,
      resolvedAt: 3000,
    });
    expect(reopenThread(doc, t)).toBe(true);
    expect(editMessage(doc, t, reply, 'Very true')).toBe(true);
    expect(moveNote(doc, note, { x: 50, y: 60 })).toBe(true);
    expect(moveNote(doc, t, { x: 1, y: 1 })).toBe(false);
    const snapshot = readBoard(doc);
    thread = snapshot.annotations.get(t)!;
    expect(thread).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null, orphaned: false });
    expect(thread.messages[1]).toMatchObject({ id: reply, text: 'Very true', author: bob, createdAt: 1500 });
    expect(snapshot.annotations.get(note)).toMatchObject({ target: null, position: { x: 50, y: 60 } });
    expect(() => addThread(doc, { target: 'missing', author: ann, text: 'x' })).toThrow(/addThread/);
    expect(() => addThread(doc, { target: r, author: ann, text: '' })).toThrow(/addThread/);
    expect(() => addThread(doc, { target: r, author: { name: 'x', colour: 'red' }, text: 'x' })).toThrow(
      /colour/,
    );

    deleteEntities(doc, [a]);
    expect(readBoard(doc).annotations.get(t)?.orphaned).toBe(true);
    expect(readBoard(doc).annotations.get(note)?.orphaned).toBe(false);
  });

  it('concurrent replies from two participants both survive, ordered by time then id', () => {
    const { doc, a } = board();
    const t = addThread(doc, { target: a, author: ann, text: 'first', at: 1 });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    replyToThread(doc, t, { author: ann, text: 'from one', at: 5 });
    replyToThread(other, t as ThreadId, { author: bob, text: 'from two', at: 4 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const texts = (d: Y.Doc) =>
      readBoard(d)
        .annotations.get(t)!
        .messages.map((m) => m.text);
    expect(texts(doc)).toEqual(['first', 'from two', 'from one']);
    expect(texts(other)).toEqual(texts(doc));
  });
});

describe('health checks', () => {
  it('two participants score at once (first scores of the relationship): both kept; mean and spread', () => {
    const { doc, r } = board();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    scoreHealth(doc, r, { id: 'p1', name: 'Ann' }, 'trust', 8, 10);
    scoreHealth(other, r, { id: 'p2', name: 'Bob' }, 'trust', 4, 20);
    scoreHealth(other, r, { id: 'p2', name: 'Bob' }, 'goals', 6, 30);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const health = readBoard(doc).health.get(r)!;
    expect(health.scores.map((s) => [s.scorerId, s.name, s.scores])).toEqual([
      ['p1', 'Ann', { trust: 8 }],
      ['p2', 'Bob', { trust: 4, goals: 6 }],
    ]);
    expect(readBoard(other).health.get(r)).toEqual(health);
    const summary = healthSummary(health);
    expect(summary.dimensions.trust).toEqual({ count: 2, mean: 6, standardDeviation: 2, min: 4, max: 8 });
    expect(summary.dimensions.goals).toMatchObject({ count: 1, mean: 6, standardDeviation: 0 });
    expect(summary.dimensions.dissent).toBeNull();
    expect(summary.overallMean).toBe(6);
    expect(summary.scorerCount).toBe(2);
    expect(healthSummary(undefined).overallMean).toBeNull();

    expect(() => scoreHealth(doc, r, { id: 'p1', name: 'Ann' }, 'trust', 11)).toThrow(/scoreHealth/);
    expect(() => scoreHealth(doc, r, { id: 'p1', name: 'Ann' }, 'mood' as never, 5)).toThrow(/scoreHealth/);
    expect(scoreHealth(doc, 'nope' as never, { id: 'p1', name: 'Ann' }, 'trust', 5)).toBe(false);
    expect(clearHealthScore(doc, r, 'p2', 'trust')).toBe(true);
    expect(readBoard(doc).health.get(r)!.scores[1]!.scores).toEqual({ goals: 6 });
    expect(clearHealthScore(doc, r, 'p2')).toBe(true);
    expect(readBoard(doc).health.get(r)!.scores).toHaveLength(1);
  });

  it('scores of a deleted relationship are hidden, and come back with an undo', () => {
    const { doc, a, r } = board();
    const undo = createUndoManager(doc);
    scoreHealth(doc, r, { id: 'p1', name: 'Ann' }, 'trust', 8);
    undo.stopCapturing();
    deleteEntities(doc, [a]);
    expect(readBoard(doc).health.size).toBe(0);
    undo.undo();
    expect(readBoard(doc).health.get(r)?.scores[0]?.scores.trust).toBe(8);
  });

  it('maintenance: never, fresh, stale against the board setting', () => {
    const settings = { staleAfterDays: 182 };
    expect(maintenanceStatus({ lastChecked: null }, settings, '2026-06-01')).toBe('never');
    expect(maintenanceStatus({ lastChecked: '2026-01-01' }, settings, '2026-06-01')).toBe('fresh');
    // 182 days before 2026-06-01 is 2025-12-01: exactly the limit is still fresh.
    expect(maintenanceStatus({ lastChecked: '2025-12-01' }, settings, '2026-06-01')).toBe('fresh');
    expect(maintenanceStatus({ lastChecked: '2025-11-30' }, settings, '2026-06-01')).toBe('stale');
    expect(isStale({ lastChecked: '2025-01-01' }, settings, '2026-06-01')).toBe(true);
    expect(isStale({ lastChecked: null }, settings, '2026-06-01')).toBe(false);
  });
});

describe('give and take', () => {
  it('set, default none, balance; hidden for a deleted organisation', () => {
    const { doc, a, b } = board();
    expect(setGiveTake(doc, a, 'money', 'brings', 'much')).toBe(true);
    setGiveTake(doc, a, 'knowledge', 'brings', 'some');
    setGiveTake(doc, a, 'clients', 'takes', 'some');
    const snapshot = readBoard(doc);
    expect(giveTakeOf(snapshot, a).money).toEqual({ brings: 'much', takes: 'none' });
    expect(giveTakeOf(snapshot, b).money).toEqual({ brings: 'none', takes: 'none' });
    expect(giveTakeBalance(giveTakeOf(snapshot, a))).toMatchObject({ brings: 3, takes: 1, balance: 2 });
    expect(giveTakeBalance(giveTakeOf(snapshot, a)).perResource).toMatchObject({ money: 2, clients: -1 });
    expect(() => setGiveTake(doc, a, 'money', 'brings', 'lots' as never)).toThrow(/setGiveTake/);
    expect(setGiveTake(doc, 'nope' as never, 'money', 'brings', 'some')).toBe(false);
    deleteEntities(doc, [a]);
    expect(readBoard(doc).giveTake.size).toBe(0);
  });
});

describe('observeBoard and undo with facilitation data', () => {
  it('keeps identity of unchanged parts; changed ones are new', () => {
    const { doc, a, b, r } = board();
    const t1 = addThread(doc, { target: a, author: ann, text: 'one' });
    const t2 = addThread(doc, { target: b, author: ann, text: 'two' });
    scoreHealth(doc, r, { id: 'p1', name: 'Ann' }, 'trust', 5);
    setGiveTake(doc, a, 'staff', 'brings', 'some');
    const snapshots: BoardSnapshot[] = [];
    const stop = observeBoard(doc, (s) => snapshots.push(s));

    replyToThread(doc, t1, { author: bob, text: 'reply' });
    let [before, after] = snapshots.slice(-2) as [BoardSnapshot, BoardSnapshot];
    expect(after.annotations.get(t1)).not.toBe(before.annotations.get(t1));
    expect(after.annotations.get(t2)).toBe(before.annotations.get(t2));
    expect(after.health).toBe(before.health);
    expect(after.giveTake).toBe(before.giveTake);
    expect(after.settings).toBe(before.settings);
    expect(after.organisations).toBe(before.organisations);

    setPhase(doc, 'scoring');
    [before, after] = snapshots.slice(-2) as [BoardSnapshot, BoardSnapshot];
    expect(after.settings.phase).toBe('scoring');
    expect(after.annotations).toBe(before.annotations);

    scoreHealth(doc, r, { id: 'p2', name: 'Bob' }, 'trust', 7);
    [before, after] = snapshots.slice(-2) as [BoardSnapshot, BoardSnapshot];
    expect(after.health.get(r)!.scores[0]).toBe(before.health.get(r)!.scores[0]);
    expect(after.health.get(r)!.scores).toHaveLength(2);
    expect(after.giveTake.get(a)).toBe(before.giveTake.get(a));

    setGiveTake(doc, b, 'power', 'takes', 'much');
    [before, after] = snapshots.slice(-2) as [BoardSnapshot, BoardSnapshot];
    expect(after.giveTake.get(a)).toBe(before.giveTake.get(a));
    expect(after.giveTake.get(b)?.power.takes).toBe('much');
    stop();
  });

  it('undo covers annotations, scores and give and take, but not settings', () => {
    const { doc, a, r } = board();
    const undo = createUndoManager(doc);
    setLayoutLocked(doc, true);
    addThread(doc, { target: a, author: ann, text: 'x' });
    undo.stopCapturing();
    scoreHealth(doc, r, { id: 'p1', name: 'Ann' }, 'trust', 5);
    undo.stopCapturing();
    setGiveTake(doc, a, 'money', 'takes', 'some');
    undo.undo();
    expect(readBoard(doc).giveTake.size).toBe(0);
    undo.undo();
    expect(readBoard(doc).health.size).toBe(0);
    undo.undo();
    expect(readBoard(doc).annotations.size).toBe(0);
    expect(readSettings(doc).layoutLocked).toBe(true);
  });
});
