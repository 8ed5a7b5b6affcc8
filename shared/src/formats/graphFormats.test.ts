import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { EMPTY_BOARD, readBoard } from '../board/read.ts';
import type { BoardSnapshot } from '../board/types.ts';
import { exportGexf } from './exportGexf.ts';
import { exportGraphml } from './exportGraphml.ts';
import { giveTakeBalance, giveTakeOf } from '../board/giveTakeBalance.ts';
import { healthSummary } from '../board/healthSummary.ts';
import { buildFullBoard } from './testing/fullBoard.ts';

type ParsedGraph = ReturnType<typeof parseGraphml>;

/** Checks a graph read back by graphology against the board, attribute by attribute. */
function expectMatchesBoard(graph: ParsedGraph, board: BoardSnapshot, labelKey: string): void {
  expect(graph.order).toBe(board.organisations.size + board.people.size);
  const members = [...board.people.values()].filter((p) => p.organisationId !== null);
  expect(graph.size).toBe(board.relationships.size + members.length);
  // A person's membership is an undirected edge of type `membership`, so people are not isolated in Gephi.
  for (const p of members) {
    const id = `membership:${p.id}`;
    expect(graph.source(id)).toBe(p.id);
    expect(graph.target(id)).toBe(p.organisationId);
    expect(graph.isDirected(id)).toBe(false);
    expect(graph.getEdgeAttribute(id, 'type')).toBe('membership');
  }
  const projectsOf = (id: string) =>
    [...board.projects.values()]
      .filter((p) => (p.memberIds as readonly string[]).includes(id))
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b))
      .join('; ');
  for (const o of board.organisations.values()) {
    const a = graph.getNodeAttributes(o.id);
    expect(a[labelKey]).toBe(o.name);
    expect(a.kind).toBe('organisation');
    expect(a.sector).toBe(o.sector);
    expect(a.projects ?? '').toBe(projectsOf(o.id));
    expect(a.notes ?? '').toBe(o.notes);
    expect(Number(a.x)).toBe(o.position.x);
    expect(Number(a.y)).toBe(o.position.y);
    expect(Number(a.giveTakeBalance)).toBe(giveTakeBalance(giveTakeOf(board, o.id)).balance);
  }
  for (const p of board.people.values()) {
    const a = graph.getNodeAttributes(p.id);
    expect(a[labelKey]).toBe(p.name);
    expect(a.kind).toBe('person');
    expect(a.roles ?? '').toBe(p.roles.join('; '));
    expect(a.organisation ?? '').toBe(
      p.organisationId ? board.organisations.get(p.organisationId)?.name : '',
    );
    expect(a.projects ?? '').toBe(projectsOf(p.id));
    expect(a.notes ?? '').toBe(p.notes);
  }
  for (const r of board.relationships.values()) {
    expect(graph.hasEdge(r.id)).toBe(true);
    expect(graph.source(r.id)).toBe(r.source);
    expect(graph.target(r.id)).toBe(r.target);
    expect(graph.isDirected(r.id)).toBe(r.direction === 'oneWay');
    const a = graph.getEdgeAttributes(r.id);
    expect(a.type).toBe('relationship');
    expect(Number(a.weight)).toBe(r.strength);
    expect(a.kind).toBe(r.kind);
    expect(a.form).toBe(r.form);
    expect(a.direction).toBe(r.direction);
    expect(a.lastChecked || null).toBe(r.lastChecked);
    expect(a.notes ?? '').toBe(r.notes);
    const health = healthSummary(board.health.get(r.id));
    expect(Number(a.healthScorers)).toBe(health.scorerCount);
    if (health.overallMean === null) expect(a.health).toBeUndefined();
    else expect(Number(a.health)).toBeCloseTo(health.overallMean, 2);
  }
}

describe('GraphML and GEXF export, read back with graphology', () => {
  // The full board: health scores from two scorers and give-and-take, besides every entity field.
  const board = readBoard(buildFullBoard());

  it('the board under test has scored relationships and give-and-take in both directions', () => {
    expect(
      [...board.relationships.keys()].map((id) => healthSummary(board.health.get(id)).scorerCount),
    ).toEqual(expect.arrayContaining([2, 1, 0]));
    const balances = [...board.organisations.keys()].map(
      (id) => giveTakeBalance(giveTakeOf(board, id)).balance,
    );
    expect(balances).toEqual(expect.arrayContaining([1, -2]));
  });

  it('GraphML: nodes, edges, attributes, per-edge direction and escaping survive', () => {
    const graph = parseGraphml(Graph, exportGraphml(board));
    expectMatchesBoard(graph, board, 'label');
    expect(graph.type).toBe('mixed');
  });

  it('GEXF: nodes, edges, attributes, weights, per-edge type and positions survive', () => {
    const graph = parseGexf(Graph, exportGexf(board));
    // graphology-gexf reads viz:position into x/y attributes.
    expectMatchesBoard(graph, board, 'label');
    expect(graph.type).toBe('mixed');
  });

  it('an empty board is a valid, empty graph in both formats', () => {
    const empty: BoardSnapshot = EMPTY_BOARD;
    expect(parseGraphml(Graph, exportGraphml(empty)).order).toBe(0);
    expect(parseGexf(Graph, exportGexf(empty)).order).toBe(0);
  });
});
