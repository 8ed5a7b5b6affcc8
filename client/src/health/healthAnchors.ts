import type { HealthDimension } from '@interplay/shared';
import type { MessageKey } from '../i18n/index.ts';

/**
 * The values of each scale that carry an anchor text (PRODUCT.md), e.g.
 * communication: never (1) → infrequent → regular (4) → structured (6–7) →
 * very frequent, much informal (10). Texts: `health.anchor.<dimension>.<value>`.
 */
export const HEALTH_ANCHORS: Readonly<Record<HealthDimension, readonly number[]>> = {
  trust: [1, 10],
  relationship: [1, 4, 7, 10],
  communication: [1, 2, 4, 6, 10],
  informationExchange: [1, 4, 10],
  alignment: [1, 5, 10],
  goals: [1, 4, 7],
  dissent: [1, 5, 10],
};

export function anchorKey(dimension: HealthDimension, value: number): MessageKey {
  return `health.anchor.${dimension}.${value}` as MessageKey;
}

/** The anchor value that describes `value` best: the nearest one, the lower on a tie. */
export function nearestAnchor(dimension: HealthDimension, value: number): number {
  let best = HEALTH_ANCHORS[dimension][0] ?? 1;
  for (const anchor of HEALTH_ANCHORS[dimension]) {
    if (Math.abs(anchor - value) < Math.abs(best - value)) best = anchor;
  }
  return best;
}

/** A short column header for the health table (the full name goes in its tooltip). */
export function shortDimensionKey(dimension: HealthDimension): MessageKey {
  return `health.short.${dimension}` as MessageKey;
}

export function dimensionKey(dimension: HealthDimension): MessageKey {
  return `health.dimension.${dimension}` as MessageKey;
}
