/**
 * The board's entities as the rest of the code sees them: plain, validated,
 * immutable values. Only the document module maps these onto Yjs.
 */

export const SECTORS = [
  'municipality',
  'housing',
  'care',
  'mentalHealth',
  'welfare',
  'education',
  'health',
  'business',
  'residents',
  'government',
  'knowledge',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const ROLES = ['sponsor', 'scout', 'connector'] as const;
export type Role = (typeof ROLES)[number];

export const RELATIONSHIP_KINDS = [
  'collaboration',
  'information',
  'funding',
  'formal',
  'informal',
  'tension',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** Forms of collaboration in increasing intensity (afstemmen, aanpassen, aaneenvlechten). */
export const FORMS = ['coordinate', 'adjust', 'interweave'] as const;
export type CollaborationForm = (typeof FORMS)[number];

export const DIRECTIONS = ['none', 'oneWay', 'bothWays'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MIN_STRENGTH = 1;
export const MAX_STRENGTH = 5;
/** 1 (weak) to 5 (strong). */
export type Strength = 1 | 2 | 3 | 4 | 5;

export type OrganisationId = string & { readonly __kind: 'organisation' };
export type PersonId = string & { readonly __kind: 'person' };
export type ProjectId = string & { readonly __kind: 'project' };
export type RelationshipId = string & { readonly __kind: 'relationship' };
/** An end of a relationship or a member of a project. */
export type NodeId = OrganisationId | PersonId;

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface Organisation {
  readonly id: OrganisationId;
  readonly name: string;
  readonly sector: Sector;
  readonly notes: string;
  readonly themes: readonly string[];
  readonly position: Position;
}

export interface Person {
  readonly id: PersonId;
  readonly name: string;
  /** null when the person's organisation is unknown or was deleted. */
  readonly organisationId: OrganisationId | null;
  readonly roles: readonly Role[];
  readonly notes: string;
  readonly position: Position;
}

export interface Project {
  readonly id: ProjectId;
  readonly name: string;
  /** A CSS hex colour, `#rrggbb`. */
  readonly colour: string;
  readonly description: string;
  readonly themes: readonly string[];
  /** Organisations and people; only ids of nodes that exist. */
  readonly memberIds: readonly NodeId[];
}

export interface Relationship {
  readonly id: RelationshipId;
  readonly source: NodeId;
  readonly target: NodeId;
  readonly strength: Strength;
  readonly kind: RelationshipKind;
  readonly form: CollaborationForm;
  readonly direction: Direction;
  readonly notes: string;
  /** ISO date `YYYY-MM-DD` of the last check together, or null. */
  readonly lastChecked: string | null;
}

/**
 * A session's phase: what participants may ADD (facilitators may always add
 * anything; editing and deleting existing things and annotating stay open).
 * `open` restricts nothing.
 */
export const PHASES = ['open', 'organisations', 'people', 'relationships', 'scoring'] as const;
export type Phase = (typeof PHASES)[number];

/** Board-wide settings; only the facilitator may change them (the server enforces it). */
export interface BoardSettings {
  /** Nobody but the facilitator may move existing organisations and people. */
  readonly layoutLocked: boolean;
  /** Only the facilitator may change anything except annotations. */
  readonly boardLocked: boolean;
  readonly phase: Phase;
  /** A relationship last checked longer ago than this is flagged for maintenance. */
  readonly staleAfterDays: number;
  /** Whether view-only participants may add and change annotations. */
  readonly viewersMayComment: boolean;
}

export type ThreadId = string & { readonly __kind: 'thread' };
export type MessageId = string & { readonly __kind: 'message' };

/** Who wrote something: the display name and colour they chose (not an account). */
export interface Author {
  readonly name: string;
  /** A CSS hex colour, `#rrggbb`. */
  readonly colour: string;
}

export interface AnnotationMessage {
  readonly id: MessageId;
  readonly author: Author;
  readonly text: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/**
 * A comment thread on an organisation, person, project or relationship
 * (`target`), or a free note on the canvas (`position`). Exactly one of the two
 * is set.
 */
export interface Thread {
  readonly id: ThreadId;
  readonly target: string | null;
  readonly position: Position | null;
  readonly createdAt: number;
  readonly author: Author;
  readonly resolved: boolean;
  readonly resolvedBy: Author | null;
  readonly resolvedAt: number | null;
  /** Oldest first (by createdAt, then id), so every client shows the same order. */
  readonly messages: readonly AnnotationMessage[];
  /**
   * The target no longer exists. Such threads are kept (an undone delete brings
   * the entity back with its threads) and the UI should leave them out.
   */
  readonly orphaned: boolean;
}

/** The seven dimensions of a relationship's health check (PRODUCT.md); anchor texts are UI strings. */
export const HEALTH_DIMENSIONS = [
  'trust',
  'relationship',
  'communication',
  'informationExchange',
  'alignment',
  'goals',
  'dissent',
] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];
export const MIN_HEALTH_SCORE = 1;
export const MAX_HEALTH_SCORE = 10;

/** A stable per-browser id the client generates for the participant who scores. */
export type ScorerId = string;

/** One participant's scores of one relationship; dimensions they did not score are absent. */
export interface HealthScore {
  readonly scorerId: ScorerId;
  readonly name: string;
  readonly scores: Readonly<Partial<Record<HealthDimension, number>>>;
  /** Milliseconds since the epoch. */
  readonly updatedAt: number;
}

/** Every participant's scores of one relationship, sorted by scorer id. */
export interface RelationshipHealth {
  readonly relationshipId: RelationshipId;
  readonly scores: readonly HealthScore[];
}

export const GIVE_TAKE_RESOURCES = ['money', 'staff', 'clients', 'position', 'power', 'knowledge'] as const;
export type GiveTakeResource = (typeof GIVE_TAKE_RESOURCES)[number];
export const GIVE_TAKE_SIDES = ['brings', 'takes'] as const;
export type GiveTakeSide = (typeof GIVE_TAKE_SIDES)[number];
export const GIVE_TAKE_LEVELS = ['none', 'some', 'much'] as const;
export type GiveTakeLevel = (typeof GIVE_TAKE_LEVELS)[number];

/** What an organisation brings to and takes from the collaboration, per resource. */
export type GiveTake = Readonly<
  Record<GiveTakeResource, { readonly brings: GiveTakeLevel; readonly takes: GiveTakeLevel }>
>;

/** A consistent snapshot of the whole board, as read from the document. */
export interface BoardSnapshot {
  readonly organisations: ReadonlyMap<OrganisationId, Organisation>;
  readonly people: ReadonlyMap<PersonId, Person>;
  readonly projects: ReadonlyMap<ProjectId, Project>;
  readonly relationships: ReadonlyMap<RelationshipId, Relationship>;
  readonly settings: BoardSettings;
  /** Every thread, orphaned ones included (flagged), sorted by id. */
  readonly annotations: ReadonlyMap<ThreadId, Thread>;
  /** Health scores of existing relationships that have at least one scorer. */
  readonly health: ReadonlyMap<RelationshipId, RelationshipHealth>;
  /** Give and take of existing organisations that have any entry; see `giveTakeOf` for the default. */
  readonly giveTake: ReadonlyMap<OrganisationId, GiveTake>;
}
