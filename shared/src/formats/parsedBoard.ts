/**
 * A board as read from an imported file, before it is matched against the
 * current board. References between entities are still the file's own words
 * (an id, or a name in a CSV), and a field that the file did not give is
 * `undefined`, so that merging never wipes what the file did not mention.
 */
import type {
  Author,
  BoardSettings,
  CollaborationForm,
  Direction,
  GiveTake,
  HealthDimension,
  Position,
  RelationshipKind,
  Role,
  Sector,
  Strength,
} from '../board/types.ts';

/** Where an incoming entity was read, so that later errors can point at it. */
export interface SourceRef {
  readonly file?: string;
  readonly row?: number;
  /** Header as written in the file for each field name (e.g. `source` → `bron`), for messages. */
  readonly columns?: Readonly<Record<string, string>>;
  /** JSON path prefix such as `relationships[3]`, for messages about a JSON file. */
  readonly path?: string;
}

export interface IncomingOrganisation {
  readonly id?: string;
  readonly name: string;
  readonly sector: Sector;
  readonly notes?: string;
  readonly themes?: readonly string[];
  /** null: lay it out automatically. */
  readonly position: Position | null;
  readonly origin: SourceRef;
}

export interface IncomingPerson {
  readonly id?: string;
  readonly name: string;
  /** Id or name of an organisation; null: none; undefined: not given. */
  readonly organisation?: string | null;
  readonly roles?: readonly Role[];
  readonly notes?: string;
  readonly position: Position | null;
  readonly origin: SourceRef;
}

export interface IncomingProject {
  readonly id?: string;
  readonly name: string;
  readonly colour?: string;
  readonly description?: string;
  readonly themes?: readonly string[];
  /** Ids or names of organisations and people. */
  readonly members?: readonly string[];
  readonly origin: SourceRef;
}

export interface IncomingRelationship {
  readonly id?: string;
  /** Id or name of an organisation or person. */
  readonly source: string;
  readonly target: string;
  readonly strength?: Strength;
  readonly kind?: RelationshipKind;
  readonly form?: CollaborationForm;
  readonly direction?: Direction;
  readonly notes?: string;
  /** ISO date `YYYY-MM-DD`, or null when never checked. */
  readonly lastChecked?: string | null;
  readonly origin: SourceRef;
}

export interface IncomingMessage {
  readonly id: string;
  readonly author: Author;
  readonly text: string;
  readonly createdAt: number;
}

/** A comment thread from a board file; `target` is the file's id of an entity in the file. */
export interface IncomingThread {
  readonly id: string;
  readonly target: string | null;
  readonly position: Position | null;
  readonly createdAt: number;
  readonly author: Author;
  readonly resolved: boolean;
  readonly resolvedBy: Author | null;
  readonly resolvedAt: number | null;
  /** Oldest first; at least one. */
  readonly messages: readonly IncomingMessage[];
  readonly origin: SourceRef;
}

/** One scorer's health scores of one relationship (`relationship`: the file's id). */
export interface IncomingHealthScore {
  readonly relationship: string;
  readonly scorerId: string;
  readonly name: string;
  readonly scores: Readonly<Partial<Record<HealthDimension, number>>>;
  readonly updatedAt: number;
  readonly origin: SourceRef;
}

/** An organisation's give and take (`organisation`: the file's id). */
export interface IncomingGiveTake {
  readonly organisation: string;
  readonly giveTake: GiveTake;
  readonly origin: SourceRef;
}

/** Everything an import file (or set of CSV files) holds. */
export interface ParsedBoard {
  readonly title?: string;
  readonly organisations: readonly IncomingOrganisation[];
  readonly people: readonly IncomingPerson[];
  readonly projects: readonly IncomingProject[];
  readonly relationships: readonly IncomingRelationship[];
  /** Only a board file (schema version 2) has these; CSV files never do. */
  readonly settings?: BoardSettings;
  readonly threads?: readonly IncomingThread[];
  readonly health?: readonly IncomingHealthScore[];
  readonly giveTake?: readonly IncomingGiveTake[];
  /** Columns of CSV files that stand for no field: read past, and named in the preview. */
  readonly ignoredColumns?: readonly IgnoredColumn[];
}

/** A CSV column the import reads past, as written in the file. */
export interface IgnoredColumn {
  readonly file: string;
  readonly column: string;
}

export function emptyParsedBoard(): ParsedBoard {
  return { organisations: [], people: [], projects: [], relationships: [] };
}
