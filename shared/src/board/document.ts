/**
 * The board's Yjs layout. This is the only module (with the commands and the
 * reader beside it) that knows the document's keys; everything else goes
 * through the typed commands and `readBoard`/`observeBoard`.
 *
 * Layout (schema version {@link BOARD_SCHEMA_VERSION}):
 * - four top-level `Y.Map`s, one per entity kind, keyed by entity id;
 * - each entity is its own `Y.Map` of fields, so concurrent edits of different
 *   fields of one entity both survive;
 * - plain values for scalars, string lists (themes, roles) and positions
 *   (`{ x, y }`: a move replaces the whole position, so x and y never tear);
 * - a project's members are a nested `Y.Map<true>` keyed by node id, so
 *   concurrent additions and removals of different members merge.
 *
 * Facilitation data has its own top-level maps ({@link FACILITATION_KEYS}):
 * - `settings`: plain values (`layoutLocked`, `boardLocked`, `phase`,
 *   `staleAfterDays`, `viewersMayComment`); facilitator only;
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
 */
import * as Y from 'yjs';

/** Bump when the layout changes incompatibly; exported data carries it too. */
export const BOARD_SCHEMA_VERSION = 1;

export const ENTITY_KINDS = ['organisation', 'person', 'project', 'relationship'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Top-level `Y.Map` name per entity kind. */
export const COLLECTION_KEYS: Readonly<Record<EntityKind, string>> = {
  organisation: 'organisations',
  person: 'people',
  project: 'projects',
  relationship: 'relationships',
};

/** Field keys inside each entity's `Y.Map`. */
export const FIELDS = {
  organisation: ['name', 'sector', 'notes', 'themes', 'position'],
  person: ['name', 'organisationId', 'roles', 'notes', 'position'],
  project: ['name', 'colour', 'description', 'themes', 'members'],
  relationship: ['source', 'target', 'strength', 'kind', 'form', 'direction', 'notes', 'lastChecked'],
} as const;

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
