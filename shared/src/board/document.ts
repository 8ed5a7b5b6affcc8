/**
 * The board's Yjs layout. This is the only module that knows the document's top-level names and how
 * records nest; each record's fields are known only to its file in `records/`, the commands write through
 * the accessors here, and everything outside the model goes through the typed commands and
 * `readBoard`/`observeBoard`. The server's guard learns what a place in the document means from
 * `changeRules.ts`, which asks this module.
 *
 * Layout (schema version {@link BOARD_SCHEMA_VERSION}; older documents are migrated by `migrations.ts`):
 * - four top-level `Y.Map`s, one per entity kind, keyed by entity id;
 * - each entity is its own `Y.Map` of fields (`records/<kind>.ts`), so concurrent edits of different
 *   fields of one entity both survive;
 * - plain values for scalars, string lists (themes, roles) and positions
 *   (`{ x, y }`: a move replaces the whole position, so x and y never tear);
 * - a project's members are a nested `Y.Map<true>` keyed by node id, so
 *   concurrent additions and removals of different members merge.
 *
 * Facilitation data has its own top-level maps ({@link FACILITATION_KEYS}):
 * - `settings`: plain values (`records/settings.ts`); facilitator only;
 * - `annotations`: thread id → `Y.Map` of thread fields, with its messages in a
 *   nested `Y.Map` keyed by message id (each a plain `{ author, text, createdAt }`),
 *   so concurrent replies merge;
 * - `health`: `<relationship id>/<scorer id>` → `Y.Map` of `name`, `updatedAt`
 *   and one key per scored dimension;
 * - `giveTake`: `<organisation id>/<resource>.<side>` → level.
 * Health and give-and-take keys are flat on purpose: two participants scoring a
 * relationship for the first time at once must not each create a nested map
 * under the same key (Yjs would keep only one of them).
 * They live beside the entities rather than inside them, so deleting an entity
 * leaves them in place (hidden or flagged by the reader) and undoing the delete
 * brings them back; the server can also tell them apart by their root name.
 *
 * `meta` (from schema version 2) holds facts about the document itself: `purges` (see `purgePerson`) and
 * `schemaVersion`, both written by the
 * server's migration only (`migrations.ts`).
 */
import * as Y from 'yjs';

/**
 * The layout version this code writes. Bump it with a step in `migrations.ts` whenever the layout changes;
 * the board file format (`formats/boardJsonSchema.ts`) has its own version.
 */
export const BOARD_SCHEMA_VERSION = 2;
/** What a document that records no version is: one made before versions were recorded. */
export const FIRST_SCHEMA_VERSION = 1;

export const ENTITY_KINDS = ['organisation', 'person', 'project', 'relationship'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Top-level `Y.Map` name per entity kind. */
export const COLLECTION_KEYS: Readonly<Record<EntityKind, string>> = {
  organisation: 'organisations',
  person: 'people',
  project: 'projects',
  relationship: 'relationships',
};

/** Key of the nested `Y.Map<true>` holding a project's member ids. */
export const MEMBERS_KEY = 'members';

/** An entity as stored: a map of field name to value (or nested Y type). */
export type EntityMap = Y.Map<unknown>;
export type Collection = Y.Map<unknown>;

/**
 * The origin of every local command's transaction. `createUndoManager` tracks
 * only this origin, so remote changes (applied with the provider's origin) are
 * never undone by the local user.
 */
export const localOrigin: { readonly name: 'interplay.local' } = Object.freeze({ name: 'interplay.local' });

/**
 * The top-level map for one kind.
 * WARNING: throws when a (hostile or outdated) client already defined this
 * top-level name as another Yjs type in this document; the reader uses
 * {@link tryCollection} instead.
 */
export function collection(doc: Y.Doc, kind: EntityKind): Collection {
  try {
    return doc.getMap<unknown>(COLLECTION_KEYS[kind]);
  } catch (error) {
    throw new Error(
      `The board document's "${COLLECTION_KEYS[kind]}" is not a map (${String(error)}); it cannot be edited.`,
    );
  }
}

/** Like {@link collection}, but null instead of throwing for a wrong top-level type. */
export function tryCollection(doc: Y.Doc, kind: EntityKind): Collection | null {
  try {
    return doc.getMap<unknown>(COLLECTION_KEYS[kind]);
  } catch {
    return null;
  }
}

/** The entity's map, or null when it does not exist or is not a map. */
export function entityMap(doc: Y.Doc, kind: EntityKind, id: string): EntityMap | null {
  const value = collection(doc, kind).get(id);
  return value instanceof Y.Map ? (value as EntityMap) : null;
}

/** Top-level names of the facilitation data (see the layout above). */
export const FACILITATION_KEYS = {
  settings: 'settings',
  annotations: 'annotations',
  health: 'health',
  giveTake: 'giveTake',
} as const;
export type FacilitationRoot = keyof typeof FACILITATION_KEYS;

/** Separates the entity id from the rest of a flat `health` or `giveTake` key. */
export const KEY_SEPARATOR = '/';

/** The flat `health` key of one scorer's scores of one relationship. */
export function healthKey(relationshipId: string, scorerId: string): string {
  return `${relationshipId}${KEY_SEPARATOR}${scorerId}`;
}

/** The flat `giveTake` key of one organisation's level for one resource and side. */
export function giveTakeKey(organisationId: string, resource: string, side: string): string {
  return `${organisationId}${KEY_SEPARATOR}${resource}.${side}`;
}

/** A flat key split at its first separator into the entity id and the rest; null when either is empty. */
export function splitEntryKey(key: string): [entityId: string, rest: string] | null {
  const at = key.indexOf(KEY_SEPARATOR);
  if (at <= 0 || at === key.length - 1) return null;
  return [key.slice(0, at), key.slice(at + 1)];
}

/** Key of the nested `Y.Map` holding a thread's messages. */
export const MESSAGES_KEY = 'messages';

/**
 * A facilitation top-level map.
 * WARNING: throws when a hostile client defined this name as another Yjs type;
 * readers use {@link tryRootMap}.
 */
export function rootMap(doc: Y.Doc, root: FacilitationRoot): Y.Map<unknown> {
  try {
    return doc.getMap<unknown>(FACILITATION_KEYS[root]);
  } catch (error) {
    throw new Error(
      `The board document's "${FACILITATION_KEYS[root]}" is not a map (${String(error)}); it cannot be edited.`,
    );
  }
}

export function tryRootMap(doc: Y.Doc, root: FacilitationRoot): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(FACILITATION_KEYS[root]);
  } catch {
    return null;
  }
}

/** Top-level name of the document's own facts (schema version 2 on). */
export const META_KEY = 'meta';
/** Key of the schema version in `meta`. */
export const SCHEMA_VERSION_FIELD = 'schemaVersion';
/** Key in `meta` of how many times the server purged someone from the board (see `purgePerson`). */
export const PURGES_FIELD = 'purges';

/**
 * The schema version the document records, {@link FIRST_SCHEMA_VERSION} when it records none. A value that is
 * not a whole number counts as none: only the server writes it, but a facilitator's page could.
 */
export function storedSchemaVersion(doc: Y.Doc): number {
  let meta: Y.Map<unknown>;
  try {
    meta = doc.getMap<unknown>(META_KEY);
  } catch {
    return FIRST_SCHEMA_VERSION;
  }
  const version = meta.get(SCHEMA_VERSION_FIELD);
  return typeof version === 'number' && Number.isInteger(version) && version >= FIRST_SCHEMA_VERSION
    ? version
    : FIRST_SCHEMA_VERSION;
}

/**
 * Records `version` in `meta`; only the migration calls this.
 * WARNING: throws when a hostile client defined `meta` as another Yjs type.
 */
export function recordSchemaVersion(doc: Y.Doc, version: number): void {
  const meta = doc.getMap<unknown>(META_KEY);
  if (meta.get(SCHEMA_VERSION_FIELD) !== version) meta.set(SCHEMA_VERSION_FIELD, version);
}

/**
 * Every top-level type a user's undo covers, e.g. for an UndoManager; skips
 * wrong-typed ones. Settings are left out on purpose: undoing a canvas edit
 * must not unlock the board.
 */
export function boardTypes(doc: Y.Doc): Array<Y.Map<unknown>> {
  const facilitation = (['annotations', 'health', 'giveTake'] as const).map((root) => tryRootMap(doc, root));
  return [...ENTITY_KINDS.map((kind) => tryCollection(doc, kind)), ...facilitation].filter(
    (c): c is Collection => c !== null,
  );
}

/** Prefix of the keys in `meta` that name a person purged from the board (their id, never their name). */
const PURGED_PERSON_PREFIX = 'purged:';

/**
 * Counts a purge in `meta` and records the person's id there: pages clear their undo history when the count
 * changes, so nobody's undo brings a purged person back, and the server refuses anyone who adds that id again
 * (a page that was offline during the purge may still hold an undo). WARNING: throws when a hostile client
 * defined `meta` as another Yjs type.
 */
export function recordPurge(doc: Y.Doc, personId: string): void {
  const meta = doc.getMap<unknown>(META_KEY);
  const purges = meta.get(PURGES_FIELD);
  meta.set(PURGES_FIELD, (typeof purges === 'number' && Number.isInteger(purges) ? purges : 0) + 1);
  meta.set(PURGED_PERSON_PREFIX + personId, true);
}

/** The ids of the people purged from the board (see `recordPurge`). */
export function purgedPeople(doc: Y.Doc): ReadonlySet<string> {
  let meta: Y.Map<unknown>;
  try {
    meta = doc.getMap<unknown>(META_KEY);
  } catch {
    return new Set();
  }
  const ids = new Set<string>();
  for (const key of meta.keys()) {
    if (key.startsWith(PURGED_PERSON_PREFIX)) ids.add(key.slice(PURGED_PERSON_PREFIX.length));
  }
  return ids;
}

/** Calls `listener` whenever a purge is recorded (by anyone). Returns the unsubscribe. */
export function onPurge(doc: Y.Doc, listener: () => void): () => void {
  let meta: Y.Map<unknown>;
  try {
    meta = doc.getMap<unknown>(META_KEY);
  } catch {
    return () => undefined;
  }
  const observer = (event: Y.YMapEvent<unknown>): void => {
    if (event.keysChanged.has(PURGES_FIELD)) listener();
  };
  meta.observe(observer);
  return () => meta.unobserve(observer);
}
