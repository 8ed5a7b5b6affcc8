import { HEALTH_DIMENSIONS, giveTakeBalance, healthSummary, maintenanceStatus } from '@interplay/shared';
import type { BoardSnapshot, HealthDimension, OrganisationId } from '@interplay/shared';
import type { BalanceRow, GiveTakeFigures, HealthFigures, Maintenance } from './figureTypes.ts';
import { nameOrder } from './nameOrder.ts';

/** How many relationships the lowest-health and widest-spread lists show. */
export const HEALTH_LIST_LENGTH = 5;
/**
 * Brings minus takes (none 0, some 1, much 2 per resource) from which an organisation brings "far more"
 * than it takes, or the reverse: the balance view's threshold.
 */
export const IMBALANCE = 4;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Relationships not checked together within the board's setting (oldest first), and those never checked. */
export function maintenance(snapshot: BoardSnapshot, today: string): Maintenance {
  const stale: Array<{ id: string; lastChecked: string; days: number }> = [];
  const neverChecked: string[] = [];
  for (const relationship of snapshot.relationships.values()) {
    const status = maintenanceStatus(relationship, snapshot.settings, today);
    if (status === 'never') neverChecked.push(relationship.id);
    else if (status === 'stale' && relationship.lastChecked !== null) {
      const days = dayNumber(today) - dayNumber(relationship.lastChecked);
      stale.push({ id: relationship.id, lastChecked: relationship.lastChecked, days });
    }
  }
  stale.sort((a, b) => b.days - a.days || byId(a, b));
  return { stale, neverChecked: neverChecked.sort() };
}

/** Board-wide means per dimension, the lowest relationships, and where scorers disagree most. */
export function healthFigures(snapshot: BoardSnapshot): HealthFigures {
  const sums = new Map<HealthDimension, { total: number; count: number }>();
  const lowest: Array<{ id: string; score: number }> = [];
  const spread: Array<{ id: string; spread: number; dimension: HealthDimension }> = [];
  let scored = 0;
  for (const [id, health] of snapshot.health) {
    if (!snapshot.relationships.has(id)) continue;
    const summary = healthSummary(health);
    if (summary.overallMean === null) continue;
    scored += 1;
    lowest.push({ id, score: summary.overallMean });
    let widest: { spread: number; dimension: HealthDimension } | null = null;
    for (const dimension of HEALTH_DIMENSIONS) {
      const d = summary.dimensions[dimension];
      if (!d) continue;
      const sum = sums.get(dimension) ?? { total: 0, count: 0 };
      sums.set(dimension, { total: sum.total + d.mean, count: sum.count + 1 });
      if (d.count >= 2 && d.standardDeviation > 0 && (!widest || d.standardDeviation > widest.spread)) {
        widest = { spread: d.standardDeviation, dimension };
      }
    }
    if (widest) spread.push({ id, ...widest });
  }
  const dimensionMeans = {} as Record<HealthDimension, number | null>;
  for (const dimension of HEALTH_DIMENSIONS) {
    const sum = sums.get(dimension);
    dimensionMeans[dimension] = sum ? sum.total / sum.count : null;
  }
  return {
    scored,
    dimensionMeans,
    lowest: lowest.sort((a, b) => a.score - b.score || byId(a, b)).slice(0, HEALTH_LIST_LENGTH),
    widestSpread: spread.sort((a, b) => b.spread - a.spread || byId(a, b)).slice(0, HEALTH_LIST_LENGTH),
  };
}

/** Organisations that bring far more than they take, and the reverse, the largest imbalance first. */
export function giveTakeFigures(snapshot: BoardSnapshot): GiveTakeFigures {
  const bringsMore: BalanceRow[] = [];
  const takesMore: BalanceRow[] = [];
  for (const [id, giveTake] of snapshot.giveTake) {
    if (!snapshot.organisations.has(id as OrganisationId)) continue;
    const { brings, takes, balance } = giveTakeBalance(giveTake);
    if (balance >= IMBALANCE) bringsMore.push({ id, brings, takes });
    else if (balance <= -IMBALANCE) takesMore.push({ id, brings, takes });
  }
  const order = nameOrder(snapshot);
  const size = (row: BalanceRow): number => Math.abs(row.brings - row.takes);
  const sort = (rows: BalanceRow[]): BalanceRow[] =>
    rows.sort((a, b) => size(b) - size(a) || order(a.id, b.id));
  return { bringsMore: sort(bringsMore), takesMore: sort(takesMore) };
}
