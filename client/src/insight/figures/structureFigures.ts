import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import type { BoardSnapshot } from '@interplay/shared';
import { nameOrder } from './nameOrder.ts';
import type { Clusters, NetworkShape, ScoredNode } from './figureTypes.ts';
import { betweenness } from './betweenness.ts';
import type { NetworkGraph } from './networkGraph.ts';

/** How many brokers the figures list. */
export const TOP_BROKERS = 10;
/** A relationship this strong or weaker is weak (1–5). */
export const WEAK_STRENGTH = 2;
/** Louvain's random choices come from this seed, so every page finds the same clusters. */
export const LOUVAIN_SEED = 17;

const byScoreThenId = (a: ScoredNode, b: ScoredNode): number => b.score - a.score || (a.id < b.id ? -1 : 1);

/** The ten nodes of highest normalised betweenness centrality (above 0). */
export function brokers(graph: NetworkGraph): ScoredNode[] {
  if (graph.order < 3) return [];
  return [...betweenness(graph)]
    .filter(([, score]) => score > 1e-12)
    .map(([id, score]) => ({ id, score }))
    .sort(byScoreThenId)
    .slice(0, TOP_BROKERS);
}

/** Nodes without any relationship, and nodes whose every relationship is weak; organisations first, by name. */
export function isolation(snapshot: BoardSnapshot): { isolated: string[]; weaklyTied: string[] } {
  const strongest = new Map<string, number>();
  for (const r of snapshot.relationships.values()) {
    for (const end of [r.source, r.target]) strongest.set(end, Math.max(strongest.get(end) ?? 0, r.strength));
  }
  const isolated: string[] = [];
  const weaklyTied: string[] = [];
  const nodes = [...snapshot.organisations.values(), ...snapshot.people.values()];
  for (const node of nodes) {
    const strength = strongest.get(node.id);
    if (strength === undefined) isolated.push(node.id);
    else if (strength <= WEAK_STRENGTH) weaklyTied.push(node.id);
  }
  const order = nameOrder(snapshot);
  return { isolated: isolated.sort(order), weaklyTied: weaklyTied.sort(order) };
}

/** Size, groups, density and average degree (over relationships, each linked pair once). */
export function networkShape(snapshot: BoardSnapshot, graph: NetworkGraph): NetworkShape {
  const nodeCount = snapshot.organisations.size + snapshot.people.size;
  const degree = new Map<string, number>();
  let linkedPairs = 0;
  graph.forEachEdge((_edge, attributes, a, b) => {
    if (!attributes.relationship) return;
    linkedPairs += 1;
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  });
  let organisationsWithAtMostOne = 0;
  for (const id of snapshot.organisations.keys())
    if ((degree.get(id) ?? 0) <= 1) organisationsWithAtMostOne += 1;
  return {
    organisations: snapshot.organisations.size,
    people: snapshot.people.size,
    linkedPairs,
    groups: connectedComponents(graph).filter((component) => component.length >= 2).length,
    density: nodeCount < 2 ? 0 : linkedPairs / ((nodeCount * (nodeCount - 1)) / 2),
    averageDegree: nodeCount === 0 ? 0 : (2 * linkedPairs) / nodeCount,
    organisationsWithAtMostOne,
  };
}

/** mulberry32: a small seeded generator, so Louvain gives the same answer everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Louvain communities (weighted by strength) of two or more nodes, largest first. */
export function clusters(graph: NetworkGraph): Clusters {
  if (graph.size === 0) return { groups: [], modularity: 0 };
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
  const byCommunity = new Map<number, string[]>();
  for (const [node, community] of Object.entries(detailed.communities)) {
    const members = byCommunity.get(community);
    if (members) members.push(node);
    else byCommunity.set(community, [node]);
  }
  const groups = [...byCommunity.values()]
    .filter((members) => members.length >= 2)
    .map((members) => members.sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  return { groups, modularity: detailed.modularity };
}
