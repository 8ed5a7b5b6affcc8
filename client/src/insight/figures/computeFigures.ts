import type { BoardSnapshot } from '@interplay/shared';
import { articulationPoints } from './articulationPoints.ts';
import type { InsightFigures } from './figureTypes.ts';
import { buildNetworkGraph } from './networkGraph.ts';
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
  return {
    today,
    shape: networkShape(snapshot, graph),
    brokers: brokers(graph),
    articulationPoints: articulationPoints(graph),
    isolated,
    weaklyTied,
    overlap: overlap(snapshot),
    roleCoverage: roleCoverage(snapshot),
    maintenance: maintenance(snapshot, today),
    health: healthFigures(snapshot),
    giveTake: giveTakeFigures(snapshot),
    clusters: clusters(graph),
  };
}
