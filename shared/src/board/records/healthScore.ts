/**
 * The health score record: one participant's scores of one relationship's health, stored under the flat key
 * `<relationship id>/<scorer id>` (see `document.ts`) as a map of `name`, `updatedAt` and one key per scored
 * dimension. What commands accept, and how the reader repairs what is stored.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { splitEntryKey } from '../document.ts';
import { HEALTH_DIMENSIONS, MAX_HEALTH_SCORE, MIN_HEALTH_SCORE } from '../types.ts';
import type { HealthDimension, HealthScore, RelationshipId } from '../types.ts';
import { idSchema, repairText, repairTime, reporters } from './fields.ts';
import { MAX_AUTHOR_NAME_LENGTH } from './thread.ts';

export const healthDimensionSchema = z.enum(HEALTH_DIMENSIONS);
export const healthScoreSchema = z
  .number()
  .int(`an integer from ${MIN_HEALTH_SCORE} to ${MAX_HEALTH_SCORE}`)
  .min(MIN_HEALTH_SCORE)
  .max(MAX_HEALTH_SCORE);
export const scorerSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(MAX_AUTHOR_NAME_LENGTH),
});

/** One scorer's scores of one relationship, with the relationship they belong to. */
export interface StoredHealthScore {
  readonly relationshipId: RelationshipId;
  readonly score: HealthScore;
}

const report = reporters('health', ['entry', 'score', 'name', 'updatedAt']);

function repairScores(entry: Y.Map<unknown>): Partial<Record<HealthDimension, number>> {
  const scores: Partial<Record<HealthDimension, number>> = {};
  for (const dimension of HEALTH_DIMENSIONS) {
    const v: unknown = entry.get(dimension);
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isFinite(v)) {
      const fixed = Math.min(MAX_HEALTH_SCORE, Math.max(MIN_HEALTH_SCORE, Math.round(v)));
      if (fixed !== v) report.score('out of range');
      scores[dimension] = fixed;
    } else {
      report.score('not a number, skipped', v);
    }
  }
  return scores;
}

/** The health entry stored under `key`, or null (reported) when its key or value is unusable. */
export function repairHealthEntry(key: string, value: unknown): StoredHealthScore | null {
  const ids = splitEntryKey(key);
  if (!(value instanceof Y.Map) || ids === null) {
    report.entry('not a map or bad key, skipped');
    return null;
  }
  const [relationshipId, scorerId] = ids;
  const updatedAt: unknown = value.get('updatedAt');
  const name: unknown = value.get('name');
  return {
    relationshipId: relationshipId as RelationshipId,
    score: {
      scorerId,
      name: name === undefined ? '' : repairText(name, MAX_AUTHOR_NAME_LENGTH, report.name),
      scores: repairScores(value),
      updatedAt: updatedAt === undefined ? 0 : repairTime(updatedAt, report.updatedAt),
    },
  };
}
