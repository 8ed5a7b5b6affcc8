import type {
  BoardSnapshot,
  NodeId,
  Organisation,
  OrganisationId,
  Person,
  PersonId,
  Project,
  ProjectId,
  Relationship,
  RelationshipId,
} from '@interplay/shared';

/**
 * The part of the board an export of a selection shows. Selected ids may be
 * nodes, projects (their members come along) or relationships (their two ends
 * come along). Relationships are kept when both ends are shown; projects are
 * kept with only their shown members. Unknown ids are ignored.
 */
export function selectSubset(snapshot: BoardSnapshot, selectedIds: readonly string[]): BoardSnapshot {
  const nodes = new Set<string>();
  for (const id of selectedIds) {
    if (snapshot.organisations.has(id as OrganisationId) || snapshot.people.has(id as PersonId))
      nodes.add(id);
    const project = snapshot.projects.get(id as ProjectId);
    if (project) for (const member of project.memberIds) nodes.add(member);
    const relationship = snapshot.relationships.get(id as RelationshipId);
    if (relationship) {
      nodes.add(relationship.source);
      nodes.add(relationship.target);
    }
  }
  const organisations = new Map<OrganisationId, Organisation>();
  for (const [id, organisation] of snapshot.organisations)
    if (nodes.has(id)) organisations.set(id, organisation);
  const people = new Map<PersonId, Person>();
  for (const [id, person] of snapshot.people) if (nodes.has(id)) people.set(id, person);
  const relationships = new Map<RelationshipId, Relationship>();
  for (const [id, relationship] of snapshot.relationships) {
    if (nodes.has(relationship.source) && nodes.has(relationship.target)) relationships.set(id, relationship);
  }
  const projects = new Map<ProjectId, Project>();
  for (const [id, project] of snapshot.projects) {
    const memberIds = project.memberIds.filter((member: NodeId) => nodes.has(member));
    if (memberIds.length > 0) projects.set(id, { ...project, memberIds });
  }
  return { ...snapshot, organisations, people, projects, relationships };
}
