/** Board measures the GraphML and GEXF writers add as attributes, for analysis in Gephi or yEd. */
import { giveTakeBalance, giveTakeOf } from '../board/giveTakeBalance.ts';
import { healthSummary } from '../board/healthSummary.ts';
import type { BoardSnapshot, OrganisationId, RelationshipId } from '../board/types.ts';

/** The mean health of a relationship over all scorers and dimensions (2 decimals), or null when unscored. */
export function meanHealth(snapshot: BoardSnapshot, relationshipId: RelationshipId): number | null {
  const mean = healthSummary(snapshot.health.get(relationshipId)).overallMean;
  return mean === null ? null : Math.round(mean * 100) / 100;
}

/** How many participants scored a relationship's health. */
export function healthScorerCount(snapshot: BoardSnapshot, relationshipId: RelationshipId): number {
  return healthSummary(snapshot.health.get(relationshipId)).scorerCount;
}

/** What an organisation brings minus what it takes (give and take, weighted none 0, some 1, much 2). */
export function giveTakeBalanceOf(snapshot: BoardSnapshot, organisationId: OrganisationId): number {
  return giveTakeBalance(giveTakeOf(snapshot, organisationId)).balance;
}
