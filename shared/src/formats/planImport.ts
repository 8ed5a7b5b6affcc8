/**
 * Matches an incoming board against the current one and decides, without
 * changing anything, what to add and what to update. Nodes and projects are
 * matched by id first, then by name (case-insensitive, within their kind);
 * relationships by id, then by their two ends. References in the file (a
 * person's organisation, project members, relationship ends) may be ids or
 * names, of entities in the file or already on the board.
 */
import type { BoardSnapshot } from '../board/types.ts';
import type { ImportPlan, PlanRef } from './importPlan.ts';
import { matchIncoming } from './matchIncoming.ts';
import type { ParsedBoard } from './parsedBoard.ts';
import { placeNewNodes } from './placeNewNodes.ts';
import { planBoardExtras } from './planBoardExtras.ts';
import { createPlanContext } from './planContext.ts';
import { planOrganisations } from './planOrganisations.ts';
import { planPeople } from './planPeople.ts';
import { planProjects } from './planProjects.ts';
import { planRelationships } from './planRelationships.ts';

/** Builds the plan; never throws on bad input (problems land in `errors`). */
export function planImport(current: BoardSnapshot, incoming: ParsedBoard): ImportPlan {
  const context = createPlanContext(current);
  // Every kind is matched before any reference is resolved, so references find the file's entities as well as the board's.
  const organisationRefs = matchIncoming(context, 'organisation', incoming.organisations);
  const personRefs = matchIncoming(context, 'person', incoming.people);
  const projectRefs = matchIncoming(context, 'project', incoming.projects);

  const organisations = planOrganisations(context, incoming.organisations, organisationRefs);
  const people = planPeople(context, incoming.people, personRefs);
  const projects = planProjects(context, incoming.projects, projectRefs);
  const relationships = planRelationships(context, incoming.relationships);
  const placed = placeNewNodes(current, organisations.add, people.add, relationships.add);

  const { directories } = context;
  const refOf = (fileId: string): PlanRef | undefined =>
    directories.organisation.byId(fileId) ??
    directories.person.byId(fileId) ??
    directories.project.byId(fileId) ??
    relationships.refs.get(fileId);
  const extras = planBoardExtras(current, incoming, refOf, context.takenIds);

  return {
    organisations: { add: placed.organisations, update: organisations.update },
    people: { add: placed.people, update: people.update },
    projects: { add: projects.add, update: projects.update },
    relationships: { add: relationships.add, update: relationships.update },
    ...extras,
    settings: incoming.settings ?? null,
    errors: context.errors,
    ignoredColumns: incoming.ignoredColumns ?? [],
  };
}
