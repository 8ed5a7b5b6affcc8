/**
 * A board as read from an imported file, before it is matched against the
 * current board. References between entities are still the file's own words
 * (an id, or a name in a CSV), and a field that the file did not give is
 * `undefined`, so that merging never wipes what the file did not mention.
 */
import type {
  CollaborationForm,
  Direction,
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

/** Everything an import file (or set of CSV files) holds. */
export interface ParsedBoard {
  readonly title?: string;
  readonly organisations: readonly IncomingOrganisation[];
  readonly people: readonly IncomingPerson[];
  readonly projects: readonly IncomingProject[];
  readonly relationships: readonly IncomingRelationship[];
}

export function emptyParsedBoard(): ParsedBoard {
  return { organisations: [], people: [], projects: [], relationships: [] };
}
