/**
 * What an import will do, shown as a preview before it is applied. Entities
 * to add carry a `key` (`new:…`) by which other planned entities refer to
 * them until the board gives them ids; entities already on the board are
 * referred to by their id.
 */
import type { OrganisationPatch, PersonPatch } from '../board/commands/nodes.ts';
import type { ProjectPatch } from '../board/commands/projects.ts';
import type { RelationshipPatch } from '../board/commands/relationships.ts';
import type {
  CollaborationForm,
  Direction,
  OrganisationId,
  PersonId,
  Position,
  ProjectId,
  RelationshipId,
  RelationshipKind,
  Role,
  Sector,
  Strength,
} from '../board/types.ts';
import type { ImportError } from './importError.ts';

/** An existing node's id, or the `new:…` key of a node the plan adds. */
export type PlanRef = string;

export interface PlannedOrganisation {
  readonly key: PlanRef;
  /** The file's id, kept for the new entity (it has the board's id format and is unused). */
  readonly id?: string;
  readonly name: string;
  readonly sector: Sector;
  readonly notes: string;
  readonly themes: readonly string[];
  readonly position: Position;
  /** true when the layout chose the position. */
  readonly laidOut: boolean;
}

export interface PlannedPerson {
  readonly key: PlanRef;
  /** The file's id, kept for the new entity (it has the board's id format and is unused). */
  readonly id?: string;
  readonly name: string;
  readonly organisation: PlanRef | null;
  readonly roles: readonly Role[];
  readonly notes: string;
  readonly position: Position;
  readonly laidOut: boolean;
}

export interface PlannedProject {
  readonly key: PlanRef;
  /** The file's id, kept for the new entity (it has the board's id format and is unused). */
  readonly id?: string;
  readonly name: string;
  readonly colour?: string;
  readonly description: string;
  readonly themes: readonly string[];
  readonly members: readonly PlanRef[];
}

export interface PlannedRelationship {
  readonly key: PlanRef;
  /** The file's id, kept for the new entity (it has the board's id format and is unused). */
  readonly id?: string;
  readonly source: PlanRef;
  readonly target: PlanRef;
  readonly strength?: Strength;
  readonly kind?: RelationshipKind;
  readonly form?: CollaborationForm;
  readonly direction?: Direction;
  readonly notes?: string;
  readonly lastChecked?: string | null;
}

export interface PlannedUpdate<Id extends string, Patch> {
  readonly id: Id;
  /** The entity's name (or, for a relationship, "source – target") for the preview. */
  readonly label: string;
  /** Only the fields that change. */
  readonly patch: Patch;
}

export interface PersonUpdate extends PlannedUpdate<PersonId, Omit<PersonPatch, 'organisationId'>> {
  /** The new organisation, when it changes (may be a `new:…` key). */
  readonly organisation?: PlanRef | null;
}

export interface ProjectUpdate extends PlannedUpdate<ProjectId, Omit<ProjectPatch, 'memberIds'>> {
  /** Members to add (existing members are kept: an import never removes). */
  readonly addMembers: readonly PlanRef[];
}

export interface ImportPlan {
  readonly organisations: {
    readonly add: readonly PlannedOrganisation[];
    readonly update: readonly PlannedUpdate<OrganisationId, OrganisationPatch>[];
  };
  readonly people: { readonly add: readonly PlannedPerson[]; readonly update: readonly PersonUpdate[] };
  readonly projects: { readonly add: readonly PlannedProject[]; readonly update: readonly ProjectUpdate[] };
  readonly relationships: {
    readonly add: readonly PlannedRelationship[];
    readonly update: readonly PlannedUpdate<RelationshipId, RelationshipPatch>[];
  };
  /** Problems that stop the import; a plan with errors cannot be applied. */
  readonly errors: readonly ImportError[];
}

/** Counts for the preview: "adds 12 organisations, updates 3 people…". */
export function summariseImportPlan(
  plan: ImportPlan,
): Record<'organisations' | 'people' | 'projects' | 'relationships', { add: number; update: number }> {
  return {
    organisations: { add: plan.organisations.add.length, update: plan.organisations.update.length },
    people: { add: plan.people.add.length, update: plan.people.update.length },
    projects: { add: plan.projects.add.length, update: plan.projects.update.length },
    relationships: { add: plan.relationships.add.length, update: plan.relationships.update.length },
  };
}

/** True when applying the plan would change nothing. */
export function isEmptyImportPlan(plan: ImportPlan): boolean {
  return Object.values(summariseImportPlan(plan)).every((c) => c.add === 0 && c.update === 0);
}
