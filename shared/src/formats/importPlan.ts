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
  Author,
  BoardSettings,
  CollaborationForm,
  GiveTakeLevel,
  GiveTakeResource,
  GiveTakeSide,
  HealthDimension,
  ThreadId,
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
import type { IgnoredColumn } from './parsedBoard.ts';

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

/** A comment; `id` is the file's, kept when it has the board's id format. */
export interface PlannedMessage {
  readonly id?: string;
  readonly author: Author;
  readonly text: string;
  readonly createdAt: number;
}

/** A new comment thread or free note. */
export interface PlannedThread {
  readonly key: PlanRef;
  /** The file's thread id, kept when it has the board's id format and is unused. */
  readonly id?: string;
  /** The annotated entity (an existing id or a `new:…` key), or null for a free note. */
  readonly target: PlanRef | null;
  readonly position: Position | null;
  readonly createdAt: number;
  readonly author: Author;
  /** The message that opened the thread (same author and time as the thread). */
  readonly first: PlannedMessage;
  readonly replies: readonly PlannedMessage[];
  readonly resolved: { readonly by: Author; readonly at: number } | null;
}

/** Messages of the file that a thread already on the board lacks (matched by id). */
export interface ThreadUpdate {
  readonly id: ThreadId;
  readonly addMessages: readonly PlannedMessage[];
}

/** One scorer's scores of one relationship, written as the file has them. */
export interface PlannedScore {
  readonly relationship: PlanRef;
  readonly scorer: { readonly id: string; readonly name: string };
  readonly scores: Readonly<Partial<Record<HealthDimension, number>>>;
  readonly updatedAt: number;
}

/** Give-and-take levels of one organisation that the file sets differently. */
export interface PlannedGiveTake {
  readonly organisation: PlanRef;
  readonly changes: readonly {
    readonly resource: GiveTakeResource;
    readonly side: GiveTakeSide;
    readonly level: GiveTakeLevel;
  }[];
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
  readonly annotations: { readonly add: readonly PlannedThread[]; readonly update: readonly ThreadUpdate[] };
  /** `update`: the board has this scorer's scores but older ones; they are replaced. */
  readonly health: { readonly add: readonly PlannedScore[]; readonly update: readonly PlannedScore[] };
  /** `add`: organisations without give-and-take yet. */
  readonly giveTake: {
    readonly add: readonly PlannedGiveTake[];
    readonly update: readonly PlannedGiveTake[];
  };
  /**
   * The settings of the board the file came from (null: none in the file). Applied only when asked
   * (`applyImportPlan(doc, plan, { applySettings: true })`), for a facilitator filling a fresh board.
   */
  readonly settings: BoardSettings | null;
  /** Problems that stop the import; a plan with errors cannot be applied. */
  readonly errors: readonly ImportError[];
  /** CSV columns that stand for no field: the import reads past them, and the preview says so. */
  readonly ignoredColumns: readonly IgnoredColumn[];
}

export type ImportSummaryKind =
  'organisations' | 'people' | 'projects' | 'relationships' | 'comments' | 'scores' | 'giveTake';

/**
 * Counts for the preview: "adds 12 organisations, updates 3 people…".
 * `comments` counts messages (a new thread's first message and replies, and
 * replies added to threads on the board); `scores` counts one scorer's scores
 * of one relationship; `giveTake` counts organisations. Settings are not counted.
 */
export function summariseImportPlan(
  plan: ImportPlan,
): Record<ImportSummaryKind, { add: number; update: number }> {
  return {
    organisations: { add: plan.organisations.add.length, update: plan.organisations.update.length },
    people: { add: plan.people.add.length, update: plan.people.update.length },
    projects: { add: plan.projects.add.length, update: plan.projects.update.length },
    relationships: { add: plan.relationships.add.length, update: plan.relationships.update.length },
    comments: {
      add:
        plan.annotations.add.reduce((sum, t) => sum + 1 + t.replies.length, 0) +
        plan.annotations.update.reduce((sum, u) => sum + u.addMessages.length, 0),
      update: 0,
    },
    scores: { add: plan.health.add.length, update: plan.health.update.length },
    giveTake: { add: plan.giveTake.add.length, update: plan.giveTake.update.length },
  };
}

/** True when applying the plan would change nothing. */
export function isEmptyImportPlan(plan: ImportPlan): boolean {
  return Object.values(summariseImportPlan(plan)).every((c) => c.add === 0 && c.update === 0);
}
