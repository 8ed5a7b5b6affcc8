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

/** A consistent snapshot of the whole board, as read from the document. */
export interface BoardSnapshot {
  readonly organisations: ReadonlyMap<OrganisationId, Organisation>;
  readonly people: ReadonlyMap<PersonId, Person>;
  readonly projects: ReadonlyMap<ProjectId, Project>;
  readonly relationships: ReadonlyMap<RelationshipId, Relationship>;
}
