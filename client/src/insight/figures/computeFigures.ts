import type { BoardSnapshot } from '@interplay/shared';
import { articulationPoints } from './articulationPoints.ts';
import type { InsightFigures } from './figureTypes.ts';
import { buildNetworkGraph } from './networkGraph.ts';
import type { NetworkGraph } from './networkGraph.ts';
import { overlap, roleCoverage } from './projectFigures.ts';
import { giveTakeFigures, healthFigures, maintenance } from './relationshipFigures.ts';
import { brokers, clusters, isolation, networkShape } from './structureFigures.ts';

/**
 * Every figure of the insights panel for one board state (pure; the page runs it in a worker).
 * @param today `YYYY-MM-DD`, the date maintenance is judged against.
 * @example computeFigures(readBoard(doc), todayIso()).brokers[0] // { id, score } of the strongest broker
 */
export function computeFigures(snapshot: BoardSnapshot, today: string): InsightFigures {
  const graph = buildNetworkGraph(snapshot);
  const { isolated, weaklyTied } = isolation(snapshot);
  const structural = structureOf(graph);
  return {
    today,
    shape: networkShape(snapshot, graph),
    brokers: structural.brokers,
    articulationPoints: structural.articulationPoints,
    isolated,
    weaklyTied,
    overlap: overlap(snapshot),
    roleCoverage: roleCoverage(snapshot),
    maintenance: maintenance(snapshot, today),
    health: healthFigures(snapshot),
    giveTake: giveTakeFigures(snapshot),
    clusters: structural.clusters,
  };
}

type Structural = Pick<InsightFigures, 'brokers' | 'articulationPoints' | 'clusters'>;

/** The last network's shape and what was found in it: most changes (a score, a name, a role) keep it. */
let lastStructure: { signature: string; figures: Structural } | null = null;

/**
 * Brokers, weak spots and clusters depend only on who is linked to whom, and how strongly: they are
 * computed again only when that changed (betweenness is most of the figures' time on a large board).
 */
function structureOf(graph: NetworkGraph): Structural {
  const parts: string[] = graph.nodes();
  graph.forEachEdge((_edge, { weight }, a, b) => parts.push(`${a} ${b} ${weight}`));
  const signature = parts.join('\n');
  if (lastStructure?.signature === signature) return lastStructure.figures;
  const figures = {
    brokers: brokers(graph),
    articulationPoints: articulationPoints(graph),
    clusters: clusters(graph),
  };
  lastStructure = { signature, figures };
  return figures;
}
