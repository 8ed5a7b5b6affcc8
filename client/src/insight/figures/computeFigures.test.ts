import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { countConnectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { density } from 'graphology-metrics/graph/density';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import { buildInsightTestNetwork } from '../testing/insightTestNetwork.ts';
import { articulationPoints } from './articulationPoints.ts';
import { betweenness } from './betweenness.ts';
import { computeFigures } from './computeFigures.ts';
import { buildNetworkGraph } from './networkGraph.ts';
import type { NetworkGraph } from './networkGraph.ts';
import { LOUVAIN_SEED, seededRandom } from './structureFigures.ts';

const TODAY = '2026-12-01';
const doc = new Y.Doc();
const network = buildInsightTestNetwork(doc, TODAY);
const { id } = network;
const snapshot = readBoard(doc);
const figures = computeFigures(snapshot, TODAY);
const keyOf = new Map([...network.ids].map(([key, value]) => [value, key]));
const keys = (ids: readonly string[]): string[] => ids.map((value) => keyOf.get(value) ?? value);

/** The test network drawn by hand, straight into graphology: relationships and people's organisations. */
function handBuiltGraph(withRelationshipsOnly = false): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const key of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'p1', 'p2', 'p3', 'p4']) graph.addNode(key);
  const relationships = [
    ['A', 'B'], ['A', 'C'], ['B', 'C'], ['A', 'D'], ['C', 'D'], ['D', 'E'],
    ['D', 'F'], ['E', 'F'], ['F', 'H'], ['p2', 'p3'], ['p1', 'p2'], ['p4', 'F'],
  ]; // prettier-ignore
  const affiliations = [
    ['p1', 'A'],
    ['p2', 'B'],
    ['p3', 'C'],
    ['p4', 'E'],
  ];
  for (const [a, b] of withRelationshipsOnly ? relationships : [...relationships, ...affiliations]) {
    graph.addEdge(a as string, b as string);
  }
  return graph;
}

describe('insight figures on the fixed test network', () => {
  it('name the broker by betweenness, exactly as graphology-metrics computes it', () => {
    const expected = betweennessCentrality(handBuiltGraph(), { normalized: true });
    expect(keys(figures.brokers.map((b) => b.id))[0]).toBe('D');
    for (const broker of figures.brokers) {
      expect(broker.score).toBeCloseTo(expected[keyOf.get(broker.id) ?? ''] ?? NaN, 10);
    }
    const positive = Object.values(expected).filter((score) => score > 0).length;
    expect(figures.brokers).toHaveLength(Math.min(10, positive));
  });

  it('find the articulation points that split the network (Stichting Welzijn Leiden, Huisartsen Noord)', () => {
    expect(keys(figures.articulationPoints.map((p) => p.id))).toEqual(['D', 'F']);
    // Without Stichting Welzijn Leiden, ROC Mondriaan, Huisartsen Noord, Bibliotheek and Dirk Mol are cut off.
    expect(figures.articulationPoints[0]?.separated).toBe(4);
    expect(figures.articulationPoints[1]?.separated).toBe(1);
  });

  it('find the isolate and the weakly tied', () => {
    expect(keys(figures.isolated)).toEqual(['G']);
    expect(keys(figures.weaklyTied)).toEqual(['H']);
  });

  it('find the two people both projects share, and the theme', () => {
    expect(keys(figures.overlap.nodes.map((n) => n.id)).sort()).toEqual(['p2', 'p3']);
    expect(figures.overlap.pairs).toEqual([
      {
        projects: [id('Thuis in Leiden'), id('Zorg dichtbij')],
        members: [id('p2'), id('p3')],
        themes: ['zorg'],
      },
    ]);
  });

  it('find the project without a sponsor and the one without a scout', () => {
    const missing = Object.fromEntries(figures.roleCoverage.map((c) => [keyOf.get(c.projectId), c.missing]));
    expect(missing).toEqual({
      'Leren en werken': ['scout'],
      'Thuis in Leiden': [],
      'Zorg dichtbij': ['sponsor'],
    });
  });

  it('list stale relationships oldest first and count the never checked', () => {
    expect(keys(figures.maintenance.stale.map((s) => s.id))).toEqual(['r4', 'r5']);
    expect(figures.maintenance.stale[0]?.days).toBe(2512);
    expect(figures.maintenance.neverChecked).toHaveLength(7);
  });

  it('average health per dimension and find the lowest and the most disputed relationship', () => {
    expect(figures.health.scored).toBe(3);
    expect(figures.health.dimensionMeans.trust).toBeCloseTo((8 + 3 + 5.5) / 3, 10);
    expect(figures.health.dimensionMeans.goals).toBeNull();
    expect(keys(figures.health.lowest.map((l) => l.id))).toEqual(['r6', 'r8', 'r1']);
    expect(keys(figures.health.widestSpread.map((w) => w.id))).toEqual(['r8']);
    expect(figures.health.widestSpread[0]?.spread).toBeCloseTo(3.5, 10);
  });

  it('find who brings far more than they take, and the reverse', () => {
    expect(figures.giveTake.bringsMore).toEqual([{ id: id('D'), brings: 6, takes: 0 }]);
    expect(figures.giveTake.takesMore).toEqual([{ id: id('B'), brings: 0, takes: 6 }]);
  });

  it('describe the shape as graphology measures it', () => {
    const graph = buildNetworkGraph(snapshot);
    expect(countConnectedComponents(graph)).toBe(2); // the network and Rabobank Leiden on its own
    expect(figures.shape.groups).toBe(1);
    expect(figures.shape.linkedPairs).toBe(12);
    expect(figures.shape.density).toBeCloseTo(density(handBuiltGraph(true)), 12);
    expect(figures.shape.averageDegree).toBe(2);
    expect(figures.shape.organisationsWithAtMostOne).toBe(2);
  });

  it('cluster as graphology-communities-louvain does, keeping the two halves apart', () => {
    const graph = buildNetworkGraph(snapshot);
    const direct = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
    for (const group of figures.clusters.groups) {
      expect(new Set(group.map((node) => direct[node])).size).toBe(1);
    }
    const clusterOf = (key: string): number => figures.clusters.groups.findIndex((g) => g.includes(id(key)));
    expect(new Set(['A', 'B', 'C', 'p1', 'p2', 'p3'].map(clusterOf)).size).toBe(1);
    expect(new Set(['E', 'F', 'H', 'p4'].map(clusterOf)).size).toBe(1);
    expect(clusterOf('A')).not.toBe(clusterOf('E'));
    expect(figures.clusters.modularity).toBeGreaterThan(0.3);
  });
});

describe('betweenness', () => {
  it('is what graphology-metrics computes, on random graphs', () => {
    const random = seededRandom(9);
    for (let round = 0; round < 20; round++) {
      const graph: NetworkGraph = new UndirectedGraph();
      const n = 3 + Math.floor(random() * 60);
      for (let i = 0; i < n; i++) graph.addNode(`n${i}`, { kind: 'organisation' });
      for (let e = 0; e < n * 2; e++) {
        const a = `n${Math.floor(random() * n)}`;
        const b = `n${Math.floor(random() * n)}`;
        if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: 1, relationship: true });
      }
      const expected = betweennessCentrality(graph, { normalized: true });
      for (const [node, score] of betweenness(graph)) expect(score).toBeCloseTo(expected[node] ?? NaN, 10);
    }
  });
});

describe('articulation points', () => {
  it('are exactly the nodes whose removal adds a component, on random graphs', () => {
    const random = seededRandom(4);
    for (let round = 0; round < 30; round++) {
      const graph: NetworkGraph = new UndirectedGraph();
      const n = 5 + Math.floor(random() * 40);
      for (let i = 0; i < n; i++) graph.addNode(`n${i}`, { kind: 'organisation' });
      const m = Math.floor(random() * n * 1.5);
      for (let e = 0; e < m; e++) {
        const a = `n${Math.floor(random() * n)}`;
        const b = `n${Math.floor(random() * n)}`;
        if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: 1, relationship: true });
      }
      const before = countConnectedComponents(graph);
      const expected = graph.nodes().filter((node) => {
        const copy = graph.copy();
        copy.dropNode(node);
        return countConnectedComponents(copy) > before - (graph.degree(node) === 0 ? 1 : 0);
      });
      expect(
        articulationPoints(graph)
          .map((p) => p.id)
          .sort(),
      ).toEqual(expected.sort());
    }
  });
});
