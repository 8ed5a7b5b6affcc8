import type { HealthDimension, Role } from '@interplay/shared';

/**
 * The network's figures (issue 17), as plain data: ids and numbers only, so they cross from the worker by
 * structured clone and the panel words them in the page's language with the names it has.
 */
export interface InsightFigures {
  /** The date maintenance was judged against (`YYYY-MM-DD`). */
  readonly today: string;
  readonly shape: NetworkShape;
  /** Betweenness centrality, normalised 0–1, highest first (at most ten, only above 0). */
  readonly brokers: readonly ScoredNode[];
  /** Nodes whose removal splits the network, the most separating first. */
  readonly articulationPoints: readonly CutNode[];
  /** Organisations and people without any relationship. */
  readonly isolated: readonly string[];
  /** Organisations and people whose every relationship is weak (strength ≤ 2). */
  readonly weaklyTied: readonly string[];
  readonly overlap: Overlap;
  readonly roleCoverage: readonly RoleCoverage[];
  readonly maintenance: Maintenance;
  readonly health: HealthFigures;
  readonly giveTake: GiveTakeFigures;
  readonly clusters: Clusters;
}

/** Size and connectedness, for the plain-words summary. */
export interface NetworkShape {
  readonly organisations: number;
  readonly people: number;
  /** Linked pairs of nodes (parallel relationships between the same two count once). */
  readonly linkedPairs: number;
  /** Connected parts of two or more nodes (relationships and people's organisations both connect). */
  readonly groups: number;
  /** Linked pairs out of all possible pairs of organisations and people (0–1). */
  readonly density: number;
  /** Relationships per organisation or person, on average (each linked pair counted at both ends). */
  readonly averageDegree: number;
  /** Organisations with one relationship or none. */
  readonly organisationsWithAtMostOne: number;
}

export interface ScoredNode {
  readonly id: string;
  readonly score: number;
}

export interface CutNode {
  readonly id: string;
  /** How many others would lose touch with the largest remaining part if this one left. */
  readonly separated: number;
}

export interface Overlap {
  /** Organisations and people in two or more projects, most projects first. */
  readonly nodes: ReadonlyArray<{ readonly id: string; readonly projectIds: readonly string[] }>;
  /** Pairs of projects that share members or themes, most shared first. */
  readonly pairs: readonly ProjectPair[];
}

export interface ProjectPair {
  readonly projects: readonly [string, string];
  readonly members: readonly string[];
  /** Shared themes as written in the first project. */
  readonly themes: readonly string[];
}

export interface RoleCoverage {
  readonly projectId: string;
  /** How many people among the project's members hold each role. */
  readonly counts: Readonly<Record<Role, number>>;
  readonly missing: readonly Role[];
}

export interface Maintenance {
  /** Checked together longer ago than the board's setting, oldest first. */
  readonly stale: ReadonlyArray<{ readonly id: string; readonly lastChecked: string; readonly days: number }>;
  /** Never checked together. */
  readonly neverChecked: readonly string[];
}

export interface HealthFigures {
  /** Relationships with at least one score. */
  readonly scored: number;
  /** Per dimension, the mean over the relationships scored on it (each relationship counts once). */
  readonly dimensionMeans: Readonly<Record<HealthDimension, number | null>>;
  /** The lowest overall means, lowest first (at most five). */
  readonly lowest: readonly ScoredNode[];
  /** The widest disagreement (largest spread of one dimension among two or more scorers), widest first. */
  readonly widestSpread: ReadonlyArray<{
    readonly id: string;
    readonly spread: number;
    readonly dimension: HealthDimension;
  }>;
}

export interface GiveTakeFigures {
  readonly bringsMore: readonly BalanceRow[];
  readonly takesMore: readonly BalanceRow[];
}

export interface BalanceRow {
  readonly id: string;
  readonly brings: number;
  readonly takes: number;
}

export interface Clusters {
  /** Communities of two or more nodes, largest first; a node's cluster number is its index here. */
  readonly groups: ReadonlyArray<readonly string[]>;
  /** Louvain's modularity of the partition (−0.5 to 1; above about 0.3 the groups are clear). */
  readonly modularity: number;
}
