import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOrganisation } from '../board/commands/nodes.ts';
import { readBoard } from '../board/read.ts';
import { createUndoManager } from '../board/undo.ts';
import { applyImportPlan } from './applyImportPlan.ts';
import { LAYOUT_NODE_RADIUS, layoutNewNodes, layoutTicks } from './layoutNewNodes.ts';
import { parseBoardCsvTexts } from './parseBoardCsv.ts';
import type { ParsedBoard } from './parsedBoard.ts';
import { planImport } from './planImport.ts';
import { buildSampleBoard } from './testing/sampleBoard.ts';

function csv(files: Record<string, string>): ParsedBoard {
  const result = parseBoardCsvTexts(Object.entries(files).map(([name, text]) => ({ name, text })));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('planImport', () => {
  it('matches by id first, then by case-insensitive name within the kind; lists adds and updates', () => {
    const doc = buildSampleBoard();
    const board = readBoard(doc);
    const woonstede = [...board.organisations.values()].find((o) => o.name === 'Woonstede')!;
    const plan = planImport(
      board,
      csv({
        'organisations.csv': `id,name,sector\n,WOONSTEDE,housing\n,Nieuwe School,education\n${woonstede.id},Woonstede,care\n`,
        'people.csv': 'name,organisation,roles\nanna jansen,,sponsor;scout\nEva,Nieuwe School,\n',
        'relationships.csv': 'source,target,strength\nEva,Woonstede,4\n',
      }),
    );
    expect(plan.errors).toEqual([
      {
        file: 'organisations.csv',
        row: 4,
        column: 'name',
        code: 'match.repeated',
        params: { kind: 'organisation', name: 'Woonstede' },
        message: '"Woonstede" matches the same organisation as an earlier row; each may appear once',
      },
    ]);
    expect(plan.organisations.add.map((o) => o.name)).toEqual(['Nieuwe School']);
    expect(plan.people.add.map((p) => [p.name, p.organisation])).toEqual([
      ['Eva', plan.organisations.add[0]!.key],
    ]);
    expect(plan.people.update).toMatchObject([
      {
        label: 'Anna Jansen',
        patch: { name: 'anna jansen', roles: ['sponsor', 'scout'] },
        organisation: null,
      },
    ]);
    expect(plan.relationships.add).toMatchObject([
      { source: plan.people.add[0]!.key, target: woonstede.id, strength: 4 },
    ]);
  });

  it('an ambiguous name reference is an error naming the cell', () => {
    const plan = planImport(
      readBoard(buildSampleBoard()),
      csv({ 'relationships.csv': 'van,naar\nWoonstede,Jan de Vries\n' }),
    );
    expect(plan.errors).toEqual([
      {
        file: 'relationships.csv',
        row: 2,
        column: 'naar',
        code: 'ref.ambiguous',
        params: { what: 'node', value: 'Jan de Vries', count: 2 },
        message: '"Jan de Vries" is the name of 2 organisations or people; use an id to say which one',
      },
    ]);
  });

  it('applies adds and updates as one undoable step and lays out new nodes, keeping existing ones in place', () => {
    const doc = buildSampleBoard();
    const before = readBoard(doc);
    const undo = createUndoManager(doc);
    const plan = planImport(
      before,
      csv({
        'organisations.csv':
          'name,sector,notes\nWoonstede,housing,updated\nA,care,\nB,welfare,\nC,business,\n',
        'people.csv': 'name,organisation\nD,A\nE,A\nF,Woonstede\n',
        'projects.csv': 'name,members\nTalent,A; D\nNew project,B; C\n',
        'relationships.csv': 'source,target,kind\nA,B,funding\nB,C,\nC,Woonstede,tension\nAnna Jansen,A,\n',
      }),
    );
    expect(plan.errors).toEqual([]);
    applyImportPlan(doc, plan);
    const after = readBoard(doc);
    expect(after.organisations.size).toBe(before.organisations.size + 3);
    expect(after.people.size).toBe(before.people.size + 3);
    expect(after.relationships.size).toBe(before.relationships.size + 4);
    expect([...after.organisations.values()].find((o) => o.name === 'Woonstede')?.notes).toBe('updated');
    const talent = [...after.projects.values()].find((p) => p.name === 'Talent')!;
    expect(talent.memberIds).toHaveLength(3);
    for (const node of [...before.organisations.values(), ...before.people.values()]) {
      const now = after.organisations.get(node.id as never) ?? after.people.get(node.id as never);
      expect(now?.position).toEqual(node.position);
    }
    const all = [...after.organisations.values(), ...after.people.values()];
    const added = all.filter(
      (n) => !before.organisations.has(n.id as never) && !before.people.has(n.id as never),
    );
    for (const node of added) {
      expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y)).toBe(true);
      const nearest = Math.min(
        ...all
          .filter((o) => o !== node)
          .map((o) => Math.hypot(o.position.x - node.position.x, o.position.y - node.position.y)),
      );
      expect(nearest).toBeGreaterThan(LAYOUT_NODE_RADIUS);
    }
    undo.undo();
    expect(readBoard(doc)).toEqual(before);
  });

  it('refuses to apply when the board lost a referenced entity since the preview, changing nothing', () => {
    const doc = buildSampleBoard();
    const plan = planImport(readBoard(doc), csv({ 'people.csv': 'name,organisation\nZ,Woonstede\n' }));
    const other = new Y.Doc();
    addOrganisation(other, { name: 'X', sector: 'care', position: { x: 0, y: 0 } });
    const state = Y.encodeStateAsUpdate(other).join();
    expect(() => applyImportPlan(other, plan)).toThrow(/changed since the preview/);
    expect(Y.encodeStateAsUpdate(other).join()).toBe(state);
  });
});

describe('layoutNewNodes', () => {
  it('is deterministic, keeps placed nodes and spreads new ones apart', () => {
    const nodes = [
      { key: 'a', position: { x: 0, y: 0 } },
      { key: 'b', position: { x: 400, y: 0 } },
      ...Array.from({ length: 30 }, (_, i) => ({ key: `n${i}`, position: null })),
    ];
    const links = Array.from({ length: 30 }, (_, i) => ({
      source: `n${i}`,
      target: i % 2 ? 'a' : `n${(i + 7) % 30}`,
    }));
    const first = layoutNewNodes(nodes, links);
    expect(layoutNewNodes(nodes, links)).toEqual(first);
    expect(first.get('a')).toEqual({ x: 0, y: 0 });
    expect(first.get('b')).toEqual({ x: 400, y: 0 });
    const points = [...first.values()];
    let close = 0;
    for (const [i, p] of points.entries()) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      for (const q of points.slice(i + 1))
        if (Math.hypot(p.x - q.x, p.y - q.y) < LAYOUT_NODE_RADIUS) close += 1;
    }
    // Collision keeps nodes apart; allow a pair or two squeezed against the pinned nodes.
    expect(close).toBeLessThanOrEqual(2);
  });

  it('spends about the same work on any size of import: ticks × nodes stays bounded, never below a few ticks', () => {
    expect(layoutTicks(10)).toBe(300);
    for (const count of [1_000, 5_000, 20_000, 100_000]) {
      expect(layoutTicks(count) * count).toBeLessThanOrEqual(Math.max(120_000, 6 * count));
      expect(layoutTicks(count)).toBeGreaterThanOrEqual(6);
    }
  });

  it('places a hub with a thousand neighbours beside a placed board of a thousand nodes', () => {
    const placed = Array.from({ length: 1_000 }, (_, i) => ({
      key: `p${i}`,
      position: { x: (i % 60) * 250, y: Math.floor(i / 60) * 250 },
    }));
    const free = Array.from({ length: 1_000 }, (_, i) => ({ key: `f${i}`, position: null }));
    const links = free.map((n) => ({ source: 'f0', target: n.key }));
    const result = layoutNewNodes([...placed, ...free], links);
    expect(result.size).toBe(2_000);
    for (const p of result.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(result.get('p59')).toEqual({ x: 59 * 250, y: 0 });
  });
});
