import type {
  BoardSnapshot,
  NodeId,
  OrganisationId,
  PersonId,
  ProjectId,
  RelationshipId,
} from '@interplay/shared';

const nodeName = (snapshot: BoardSnapshot, id: NodeId | string): string =>
  snapshot.organisations.get(id as OrganisationId)?.name ?? snapshot.people.get(id as PersonId)?.name ?? '?';

/** The name of an organisation, person or project, or a relationship's two ends ("A – B"). */
export function entityName(snapshot: BoardSnapshot, id: string): string {
  const relationship = snapshot.relationships.get(id as RelationshipId);
  if (relationship)
    return `${nodeName(snapshot, relationship.source)} – ${nodeName(snapshot, relationship.target)}`;
  return snapshot.projects.get(id as ProjectId)?.name ?? nodeName(snapshot, id);
}

/** A number in the page's language with `digits` decimals ("2.5" / "2,5"). */
export function formatNumber(value: number, language: 'en' | 'nl', digits: number): string {
  return value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
