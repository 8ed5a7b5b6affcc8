/** Pure figures over health checks and maintenance, for panels, colouring and the health table. */
import { HEALTH_DIMENSIONS } from './types.ts';
import type { BoardSettings, HealthDimension, Relationship, RelationshipHealth } from './types.ts';

export interface DimensionSummary {
  /** How many participants scored this dimension. */
  readonly count: number;
  readonly mean: number;
  /** Population standard deviation: the spread of opinions (0 when everyone agrees). */
  readonly standardDeviation: number;
  readonly min: number;
  readonly max: number;
}

export interface HealthSummary {
  /** Per dimension; null when nobody scored it. */
  readonly dimensions: Readonly<Record<HealthDimension, DimensionSummary | null>>;
  /** Mean of the dimension means that have scores; null when nothing was scored. */
  readonly overallMean: number | null;
  /** Participants with at least one score. */
  readonly scorerCount: number;
}

/**
 * Count, mean and spread per dimension, and the overall mean.
 * @example healthSummary(snapshot.health.get(relationshipId)).overallMean // e.g. 6.4, or null
 */
export function healthSummary(health: RelationshipHealth | undefined): HealthSummary {
  const scores = health?.scores ?? [];
  const dimensions = {} as Record<HealthDimension, DimensionSummary | null>;
  const means: number[] = [];
  for (const dimension of HEALTH_DIMENSIONS) {
    const values = scores.map((s) => s.scores[dimension]).filter((v): v is number => v !== undefined);
    if (values.length === 0) {
      dimensions[dimension] = null;
      continue;
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    dimensions[dimension] = {
      count: values.length,
      mean,
      standardDeviation: Math.sqrt(variance),
      min: Math.min(...values),
      max: Math.max(...values),
    };
    means.push(mean);
  }
  return {
    dimensions,
    overallMean: means.length === 0 ? null : means.reduce((a, b) => a + b, 0) / means.length,
    scorerCount: scores.filter((s) => Object.keys(s.scores).length > 0).length,
  };
}

/** Today's date as `YYYY-MM-DD` in local time, for `updateRelationship(doc, id, { lastChecked })`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/**
 * `never` (no check recorded), `stale` (last checked more than
 * `settings.staleAfterDays` days before `today`), or `fresh`.
 * @param today `YYYY-MM-DD` or a Date (its local calendar date).
 */
export function maintenanceStatus(
  relationship: Pick<Relationship, 'lastChecked'>,
  settings: Pick<BoardSettings, 'staleAfterDays'>,
  today: string | Date = new Date(),
): 'never' | 'stale' | 'fresh' {
  if (relationship.lastChecked === null) return 'never';
  const todayString = typeof today === 'string' ? today : todayIso(today);
  const days = dayNumber(todayString) - dayNumber(relationship.lastChecked);
  return days > settings.staleAfterDays ? 'stale' : 'fresh';
}

/**
 * Whether a relationship needs maintenance: checked before, but longer ago than
 * the board's `staleAfterDays`. Never-checked relationships are not stale (see
 * `maintenanceStatus`, which tells them apart), so a new map is not all red.
 */
export function isStale(
  relationship: Pick<Relationship, 'lastChecked'>,
  settings: Pick<BoardSettings, 'staleAfterDays'>,
  today: string | Date = new Date(),
): boolean {
  return maintenanceStatus(relationship, settings, today) === 'stale';
}
