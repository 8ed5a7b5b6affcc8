import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, replyToThread } from '../board/commands/annotations.ts';
import { DEFAULT_SETTINGS } from '../board/records/settings.ts';
import { readBoard } from '../board/read.ts';
import { createUndoManager } from '../board/undo.ts';
import type { RelationshipId, ThreadId } from '../board/types.ts';
import { applyImportPlan } from './applyImportPlan.ts';
import { exportBoardJson, parseBoardJson } from './boardJson.ts';
import { isEmptyImportPlan, summariseImportPlan } from './importPlan.ts';
import type { ImportPlan } from './importPlan.ts';
import { planImport } from './planImport.ts';
import { ANNA, BEN, buildFullBoard } from './testing/fullBoard.ts';

interface FileV2 {
  schemaVersion: number;
  settings?: unknown;
  annotations: { id: string; target: string | null; messages: { id: string; text: string }[] }[];
  health: { relationshipId: string; scorerId: string; scores: Record<string, number>; updatedAt: number }[];
  giveTake: { organisationId: string; money: { brings: string } }[];
  [key: string]: unknown;
}

function plan(doc: Y.Doc, text: string): ImportPlan {
  const parsed = parseBoardJson(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = planImport(readBoard(doc), parsed.value);
  expect(result.errors).toEqual([]);
  return result;
}

describe('board JSON, schema version 2: the whole board', () => {
  it('round-trips every kind of data into a fresh board byte for byte (with settings)', () => {
    const first = exportBoardJson(readBoard(buildFullBoard()), { title: 'Regio Oost' });
    const data = JSON.parse(first) as FileV2;
    expect(data.schemaVersion).toBe(2);
    expect(data.settings).toEqual({
      layoutLocked: true,
      boardLocked: false,
      phase: 'scoring',
      staleAfterDays: 90,
      viewersMayComment: true,
    });
    // Five threads; the orphaned one (its person was deleted) is left out.
    expect(data.annotations).toHaveLength(5);
    expect(data.annotations.some((t) => t.messages.some((m) => m.text === 'orphaned soon'))).toBe(false);
    expect(data.health.map((h) => h.scorerId)).toEqual(expect.arrayContaining(['scorer-a', 'scorer-b']));
    expect(data.health).toHaveLength(3);
    expect(data.giveTake).toHaveLength(2);

    const fresh = new Y.Doc();
    const thePlan = plan(fresh, first);
    expect(summariseImportPlan(thePlan)).toMatchObject({
      comments: { add: 8, update: 0 },
      scores: { add: 3, update: 0 },
      giveTake: { add: 2, update: 0 },
    });
    applyImportPlan(fresh, thePlan, { applySettings: true });
    expect(exportBoardJson(readBoard(fresh), { title: 'Regio Oost' })).toBe(first);
    const resolved = [...readBoard(fresh).annotations.values()].filter((t) => t.resolved);
    expect(resolved.map((t) => [t.resolvedBy, t.messages.length])).toEqual([[BEN, 3]]);
    // Importing the same file again matches everything: nothing to add or update.
    expect(isEmptyImportPlan(plan(fresh, first))).toBe(true);
  });

  it('leaves the board settings alone unless asked', () => {
    const fresh = new Y.Doc();
    applyImportPlan(fresh, plan(fresh, exportBoardJson(readBoard(buildFullBoard()))));
    expect(readBoard(fresh).settings).toEqual(DEFAULT_SETTINGS);
    expect(readBoard(fresh).annotations.size).toBe(5);
  });

  it('is one undo step: entities, threads, scores and give-and-take go together', () => {
    const fresh = new Y.Doc();
    const undo = createUndoManager(fresh);
    applyImportPlan(fresh, plan(fresh, exportBoardJson(readBoard(buildFullBoard()))));
    expect(readBoard(fresh).health.size).toBe(2);
    undo.undo();
    const after = readBoard(fresh);
    expect([
      after.organisations.size,
      after.annotations.size,
      after.health.size,
      after.giveTake.size,
    ]).toEqual([0, 0, 0, 0]);
  });

  it('still imports a version 1 file (no annotations, scores, give-and-take or settings)', () => {
    const v2 = JSON.parse(exportBoardJson(readBoard(buildFullBoard()))) as FileV2;
    const { settings: _s, annotations: _a, health: _h, giveTake: _g, ...rest } = v2;
    const v1 = JSON.stringify({ ...rest, schemaVersion: 1 });
    const fresh = new Y.Doc();
    applyImportPlan(fresh, plan(fresh, v1), { applySettings: true });
    const board = readBoard(fresh);
    expect(board.organisations.size).toBe(3);
    expect(board.relationships.size).toBe(3);
    expect([board.annotations.size, board.health.size, board.giveTake.size]).toEqual([0, 0, 0]);
    expect(board.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('merges into a board: missing messages by id, newer scores win, file give-and-take wins', () => {
    const doc = buildFullBoard();
    const file = JSON.parse(exportBoardJson(readBoard(doc))) as FileV2;
    const board = readBoard(doc);
    const thread = [...board.annotations.values()].find((t) => !t.orphaned && t.messages.length === 1)!;
    // The board moves on after the export: a reply on the board, newer and older scores.
    replyToThread(doc, thread.id, { author: ANNA, text: 'only on the board' });
    const rel1 = file.health[0]!.relationshipId as RelationshipId;
    const newer = file.health.find((h) => h.relationshipId === rel1 && h.scorerId === 'scorer-b')!;
    newer.scores = { trust: 1 };
    newer.updatedAt += 1_000_000;
    const older = file.health.find((h) => h.relationshipId === rel1 && h.scorerId === 'scorer-a')!;
    older.scores = { trust: 1 };
    older.updatedAt -= 1_000_000;
    // The file: a new reply on an existing thread, a new thread, changed give-and-take.
    const fileThread = file.annotations.find((t) => t.id === thread.id)!;
    fileThread.messages.push({
      id: '00000000-0000-4000-8000-000000000001',
      text: 'from the file',
      ...{ author: BEN, createdAt: Date.UTC(2025, 5, 1) },
    });
    file.annotations.push({
      ...file.annotations[0]!,
      id: '00000000-0000-4000-8000-000000000002',
      messages: [{ ...file.annotations[0]!.messages[0]!, id: '00000000-0000-4000-8000-000000000003' }],
    });
    const giver = file.giveTake.find((g) => g.money.brings === 'much')!;
    giver.money.brings = 'none';
    const thePlan = plan(doc, JSON.stringify(file));
    expect(summariseImportPlan(thePlan)).toMatchObject({
      organisations: { add: 0, update: 0 },
      comments: { add: 2, update: 0 },
      scores: { add: 0, update: 1 },
      giveTake: { add: 0, update: 1 },
    });
    applyImportPlan(doc, thePlan);
    const after = readBoard(doc);
    expect(after.annotations.get(thread.id)!.messages.map((m) => m.text)).toEqual([
      ...thread.messages.map((m) => m.text),
      'from the file', // June 2025, before the board's reply of today
      'only on the board',
    ]);
    expect(after.annotations.has('00000000-0000-4000-8000-000000000002' as ThreadId)).toBe(true);
    const scores = after.health.get(rel1)!.scores;
    expect(scores.find((s) => s.scorerId === 'scorer-b')).toMatchObject({
      scores: { trust: 1 },
      updatedAt: newer.updatedAt,
    });
    expect(scores.find((s) => s.scorerId === 'scorer-a')!.scores).toEqual({ trust: 7, goals: 4 });
    expect(after.giveTake.get(giver.organisationId as never)!.money.brings).toBe('none');
  });

  it('refuses bad annotations, scores and give-and-take with codes and JSON paths', () => {
    const file = JSON.parse(exportBoardJson(readBoard(buildFullBoard()))) as FileV2;
    file.health[0]!.scores = { trust: 11 };
    // Threads are exported in id order (random ids): take one on an entity, not a free note.
    const thread = file.annotations.findIndex((a) => a.target !== null);
    file.annotations[thread]!.target = 'nobody';
    (file.giveTake[0]!.money as { brings: string }).brings = 'lots';
    const result = parseBoardJson(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.column, e.code])).toEqual([
      ['health[0].scores.trust', 'json.schema'],
      ['giveTake[0].money.brings', 'json.expectedOneOf'],
    ]);
    file.health[0]!.scores = { trust: 10 };
    (file.giveTake[0]!.money as { brings: string }).brings = 'some';
    const refs = parseBoardJson(JSON.stringify(file));
    expect(refs).toMatchObject({
      ok: false,
      errors: [
        {
          column: `annotations[${thread}].target`,
          code: 'json.missingReference',
          params: { what: 'entity', id: 'nobody' },
        },
      ],
    });
  });

  it('matches threads by id on a second import; the commands refuse a taken or malformed thread id', () => {
    const doc = buildFullBoard();
    const text = exportBoardJson(readBoard(doc));
    const other = new Y.Doc();
    const r = plan(other, text);
    applyImportPlan(other, r);
    const again = plan(other, text);
    expect(again.annotations.add).toEqual([]);
    // And the id option of the commands refuses a taken id.
    const first = [...readBoard(other).annotations.keys()][0]!;
    const org = [...readBoard(other).organisations.keys()][0]!;
    expect(() => addThread(other, { id: first, target: org, author: ANNA, text: 'x' })).toThrow(
      /already used/,
    );
    expect(() => addThread(other, { id: 'not-a-uuid', target: org, author: ANNA, text: 'x' })).toThrow(
      /UUID/,
    );
  });
});
