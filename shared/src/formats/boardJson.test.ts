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

/** Replaces every id by its first-appearance order, to compare boards whose ids were generated anew. */
function canonicalIds(json: string): string {
  const ids = new Map<string, string>();
  const data = JSON.parse(json) as Record<string, { id: string; name?: string }[]>;
  // Ids are given in name order so that both files number them the same way.
  for (const kind of ['organisations', 'people', 'projects'] as const) {
    const sorted = [...(data[kind] ?? [])].sort((a, b) =>
      JSON.stringify({ ...a, id: '' }).localeCompare(JSON.stringify({ ...b, id: '' })),
    );
    sorted.forEach((e, i) => ids.set(e.id, `${kind}#${i}`));
  }
  const renamed = json.replace(
    /"[0-9a-f-]{36}"/g,
    (quoted) => `"${ids.get(quoted.slice(1, -1)) ?? 'relationship'}"`,
  );
  const parsed = JSON.parse(renamed) as Record<string, unknown[]>;
  // Member lists are exported in id order, which differs once ids are renamed.
  for (const project of (parsed.projects ?? []) as { memberIds: string[] }[]) project.memberIds.sort();
  for (const kind of Object.keys(parsed)) {
    if (Array.isArray(parsed[kind])) {
      parsed[kind] = parsed[kind]
        .map((e) => JSON.stringify(e))
        .sort()
        .map((e) => JSON.parse(e) as unknown);
    }
  }
  return JSON.stringify(parsed, null, 2);
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
    expect(data.schemaVersion).toBe(1);
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

  it('round-trips into a fresh board: every field, position, membership and relationship equal (ids are new)', () => {
    const first = exportBoardJson(readBoard(buildSampleBoard()));
    const fresh = new Y.Doc();
    importInto(fresh, first);
    const second = exportBoardJson(readBoard(fresh));
    expect(canonicalIds(second)).toBe(canonicalIds(first));
    // …and exporting that again is byte-identical.
    const again = parseBoardJson(second);
    expect(again.ok).toBe(true);
    expect(exportBoardJson(readBoard(fresh))).toBe(second);
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
