import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../board/read.ts';
import type { BoardSnapshot } from '../board/types.ts';
import { applyImportPlan } from './applyImportPlan.ts';
import { exportBoardJson, parseBoardJson, parseBoardJsonFile } from './boardJson.ts';
import { isEmptyImportPlan } from './importPlan.ts';
import { planImport } from './planImport.ts';
import { buildSampleBoard } from './testing/sampleBoard.ts';

function importInto(doc: Y.Doc, text: string): void {
  const parsed = parseBoardJson(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const plan = planImport(readBoard(doc), parsed.value);
  expect(plan.errors).toEqual([]);
  applyImportPlan(doc, plan);
}

describe('board JSON', () => {
  it('exports the plain model with format, schema version and a stable order', () => {
    const doc = buildSampleBoard();
    const text = exportBoardJson(readBoard(doc), { title: 'Regio Oost' });
    const data = JSON.parse(text) as {
      format: string;
      schemaVersion: number;
      title: string;
      organisations: { id: string }[];
    };
    expect(data.format).toBe('interplay-board');
    expect(data.schemaVersion).toBe(2);
    expect(data.title).toBe('Regio Oost');
    expect(data.organisations.map((o) => o.id)).toEqual(data.organisations.map((o) => o.id).sort());
    expect(exportBoardJson(readBoard(doc), { title: 'Regio Oost' })).toBe(text);
  });

  it('round-trips exactly into the same board: nothing to add or update, identical export', () => {
    const doc = buildSampleBoard();
    const before = exportBoardJson(readBoard(doc));
    const parsed = parseBoardJson(before);
    if (!parsed.ok) throw new Error('parse failed');
    const plan = planImport(readBoard(doc), parsed.value);
    expect(plan.errors).toEqual([]);
    expect(isEmptyImportPlan(plan)).toBe(true);
    applyImportPlan(doc, plan);
    expect(exportBoardJson(readBoard(doc))).toBe(before);
  });

  it('round-trips exactly into a fresh board: same ids, byte-identical export', () => {
    const first = exportBoardJson(readBoard(buildSampleBoard()), { title: 'Regio Oost' });
    const fresh = new Y.Doc();
    importInto(fresh, first);
    expect(exportBoardJson(readBoard(fresh), { title: 'Regio Oost' })).toBe(first);
    // Importing the same file again matches everything by id: nothing to add or update.
    const parsed = parseBoardJson(first);
    if (!parsed.ok) throw new Error('parse failed');
    expect(isEmptyImportPlan(planImport(readBoard(fresh), parsed.value))).toBe(true);
  });

  it('gives new ids to entities whose file id is not in the board format or already taken', () => {
    const data = JSON.parse(exportBoardJson(readBoard(buildSampleBoard()))) as {
      organisations: { id: string }[];
      relationships: { source: string; target: string }[];
      people: { organisationId: string | null }[];
      projects: { memberIds: string[] }[];
    };
    const oldId = data.organisations[0]!.id;
    const rename = (id: string): string => (id === oldId ? 'org-1' : id);
    data.organisations[0]!.id = 'org-1';
    for (const r of data.relationships)
      Object.assign(r, { source: rename(r.source), target: rename(r.target) });
    for (const p of data.people) p.organisationId = p.organisationId && rename(p.organisationId);
    for (const p of data.projects) p.memberIds = p.memberIds.map(rename);
    const fresh = new Y.Doc();
    importInto(fresh, JSON.stringify(data));
    const ids = [...readBoard(fresh).organisations.keys()];
    expect(ids).not.toContain('org-1');
    expect(ids).toHaveLength(3);
    expect(ids.filter((id) => data.organisations.some((o) => o.id === id))).toHaveLength(2);
  });

  it('imports as one undoable step', async () => {
    const { createUndoManager } = await import('../board/undo.ts');
    const fresh = new Y.Doc();
    const undo = createUndoManager(fresh);
    importInto(fresh, exportBoardJson(readBoard(buildSampleBoard())));
    expect(readBoard(fresh).organisations.size).toBe(3);
    undo.undo();
    const empty: BoardSnapshot = readBoard(fresh);
    expect([
      empty.organisations.size,
      empty.people.size,
      empty.projects.size,
      empty.relationships.size,
    ]).toEqual([0, 0, 0, 0]);
  });

  it('rejects bad files with precise errors', () => {
    expect(parseBoardJson('{"format":')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('not valid JSON') }],
    });
    expect(parseBoardJson('{"format":"other"}')).toMatchObject({ ok: false, errors: [{ column: 'format' }] });
    expect(parseBoardJson('{"format":"interplay-board","schemaVersion":9}')).toMatchObject({
      ok: false,
      errors: [{ column: 'schemaVersion', message: expect.stringContaining('newer Interplay') }],
    });
    const board = JSON.parse(exportBoardJson(readBoard(buildSampleBoard()))) as {
      organisations: { sector: string }[];
      relationships: { target: string }[];
    };
    board.organisations[1]!.sector = 'bakery';
    board.relationships[0]!.target = 'nobody';
    const bad = parseBoardJson(JSON.stringify(board));
    expect(bad).toMatchObject({
      ok: false,
      errors: [{ file: 'board.json', column: 'organisations[1].sector' }],
    });
    board.organisations[1]!.sector = 'care';
    expect(parseBoardJson(JSON.stringify(board))).toMatchObject({
      ok: false,
      errors: [
        {
          column: 'relationships[0].target',
          message: 'no organisation or person with id "nobody" in the file',
        },
      ],
    });
  });

  it('reads a picked file: UTF-8 only, size-limited', () => {
    const text = exportBoardJson(readBoard(buildSampleBoard()));
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...Array.from(text, (c) => c.charCodeAt(0))]);
    expect(
      parseBoardJsonFile({ name: 'b.json', bytes: Uint8Array.from([0xfe, 0xff, 0, 0x7b]) }),
    ).toMatchObject({
      ok: false,
      errors: [{ file: 'b.json', message: expect.stringContaining('UTF-16') }],
    });
    // The sample's text is not all ASCII, so a byte-per-char copy is not valid UTF-8: refused with its row.
    expect(parseBoardJsonFile({ name: 'b.json', bytes })).toMatchObject({
      ok: false,
      errors: [{ file: 'b.json', row: expect.any(Number) }],
    });
    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x20);
    expect(parseBoardJsonFile({ name: 'big.json', bytes: big })).toMatchObject({
      ok: false,
      errors: [{ file: 'big.json', message: expect.stringContaining('limit is 20.0 MB') }],
    });
  });
});
