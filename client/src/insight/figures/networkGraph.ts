import { UndirectedGraph } from 'graphology';
import type { BoardSnapshot } from '@interplay/shared';

// Type aliases, not interfaces: graphology wants attribute types with an index signature.
export type NodeAttributes = {
  readonly kind: 'organisation' | 'person';
};

export type EdgeAttributes = {
  /** The strongest relationship between the two (1–5); an affiliation counts as a middling tie. */
  readonly weight: number;
  readonly relationship: boolean;
};

export type NetworkGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

/** The weight of a person's tie to their own organisation in community detection. */
export const AFFILIATION_WEIGHT = 3;

/**
 * The network the structural figures are computed over: every organisation, every person with at least one
 * relationship, one edge per linked pair (the strongest relationship's strength as weight) and each such
 * person's tie to their organisation. People without a relationship are left out: they would only hang off
 * their organisation and make it look like a broker. Nodes and edges are added in id order, so every page
 * builds the same graph whatever order its document holds them in (Louvain depends on that order).
 */
export function buildNetworkGraph(snapshot: BoardSnapshot): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  const related = new Set<string>();
  const strongest = new Map<string, { a: string; b: string; weight: number }>();
  for (const relationship of snapshot.relationships.values()) {
    const [a, b] =
      relationship.source < relationship.target
        ? [relationship.source, relationship.target]
        : [relationship.target, relationship.source];
    related.add(a);
    related.add(b);
    const key = `${a} ${b}`;
    const known = strongest.get(key);
    if (!known || known.weight < relationship.strength)
      strongest.set(key, { a, b, weight: relationship.strength });
  }
  const nodes: Array<[string, NodeAttributes]> = [];
  for (const id of snapshot.organisations.keys()) nodes.push([id, { kind: 'organisation' }]);
  for (const id of snapshot.people.keys()) if (related.has(id)) nodes.push([id, { kind: 'person' }]);
  nodes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, attributes] of nodes) graph.addNode(id, attributes);

  const edges = [...strongest.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [, { a, b, weight }] of edges) graph.addEdge(a, b, { weight, relationship: true });
  const people = [...snapshot.people.values()].filter((p) => related.has(p.id));
  people.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const person of people) {
    const organisation = person.organisationId;
    if (organisation === null || !graph.hasNode(organisation) || graph.hasEdge(person.id, organisation))
      continue;
    graph.addEdge(person.id, organisation, { weight: AFFILIATION_WEIGHT, relationship: false });
  }
  return graph;
}
