import * as Y from 'yjs';
import { KEY_SEPARATOR, healthKey, rootMap } from '../document.ts';
import { parseInput, timestampSchema } from '../records/fields.ts';
import { healthDimensionSchema, healthScoreSchema, scorerSchema } from '../records/healthScore.ts';
import type { HealthDimension, RelationshipId, ScorerId } from '../types.ts';
import { assertId, setField, storedEntityKind, transactLocal } from './write.ts';

/** The participant who scores: a stable per-browser id and their display name. */
export interface Scorer {
  id: ScorerId;
  name: string;
}

/**
 * Record `scorer`'s score (1–10) of one dimension of a relationship's health.
 * Throws on invalid input. @returns false when the relationship does not exist.
 */
export function scoreHealth(
  doc: Y.Doc,
  relationshipId: RelationshipId,
  scorer: Scorer,
  dimension: HealthDimension,
  value: number,
  at?: number,
): boolean {
  assertId('scoreHealth', relationshipId, 'relationshipId');
  const who = parseInput('scoreHealth', scorerSchema, scorer);
  const dim = parseInput('scoreHealth', healthDimensionSchema, dimension);
  const score = parseInput('scoreHealth', healthScoreSchema, value);
  const when = parseInput('scoreHealth', timestampSchema.optional(), at) ?? Date.now();
  if (storedEntityKind(doc, relationshipId) !== 'relationship') return false;
  if (relationshipId.includes(KEY_SEPARATOR) || who.id.includes(KEY_SEPARATOR)) {
    throw new Error(`scoreHealth: ids must not contain "${KEY_SEPARATOR}"`);
  }
  transactLocal(doc, () => {
    const health = rootMap(doc, 'health');
    const key = healthKey(relationshipId, who.id);
    let entry = health.get(key);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      health.set(key, entry);
    }
    const map = entry as Y.Map<unknown>;
    setField(map, 'name', who.name);
    setField(map, dim, score);
    setField(map, 'updatedAt', when);
  });
  return true;
}

/**
 * Remove a scorer's score of one dimension, or all their scores of the
 * relationship when `dimension` is omitted. @returns false when there was nothing to remove.
 */
export function clearHealthScore(
  doc: Y.Doc,
  relationshipId: RelationshipId,
  scorerId: ScorerId,
  dimension?: HealthDimension,
): boolean {
  assertId('clearHealthScore', relationshipId, 'relationshipId');
  assertId('clearHealthScore', scorerId, 'scorerId');
  const dim =
    dimension === undefined ? undefined : parseInput('clearHealthScore', healthDimensionSchema, dimension);
  return transactLocal(doc, () => {
    const health = rootMap(doc, 'health');
    const key = healthKey(relationshipId, scorerId);
    const entry: unknown = health.get(key);
    if (!(entry instanceof Y.Map)) return false;
    if (dim === undefined) {
      health.delete(key);
      return true;
    }
    if (!entry.has(dim)) return false;
    entry.delete(dim);
    return true;
  });
}
