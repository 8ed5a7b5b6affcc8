/**
 * What a change at one place of the board document means, and which permission it needs. The server's
 * guard finds the places an update changed (a map key that gained, lost or replaced its value) and asks
 * this module, so the document layout and the rules stay with the model.
 */
import { COLLECTION_KEYS, ENTITY_KINDS, FACILITATION_KEYS, META_KEY } from './document.ts';
import type { EntityKind } from './document.ts';
import type { AddableKind, Permissions, RefusalReason } from './permissions.ts';
import type { BoardRole } from './roles.ts';
import { permissionsFor, refusalReason } from './permissions.ts';
import type { BoardSettings } from './types.ts';
import type { RefusedAction, RefusedChange, RefusedSubject } from '../sync/refusal.ts';

/** How one map key changed: it gained a value, its value was replaced, or it lost its value. */
export type SlotChange = 'insert' | 'replace' | 'delete';

/** Where in the board a place is, in the model's terms. */
export type SlotMeaning =
  | { area: 'settings' }
  | { area: 'annotations' }
  | { area: 'health' }
  | { area: 'giveTake' }
  /** The document's own facts (its schema version), written by the server's migration. */
  | { area: 'meta' }
  /** `field` is null for the entity itself (its map under the collection). */
  | { area: 'entity'; kind: EntityKind; id: string; field: string | null; depth: number }
  | { area: 'unknown' };

const KIND_BY_COLLECTION = new Map<string, EntityKind>(
  ENTITY_KINDS.map((kind) => [COLLECTION_KEYS[kind], kind]),
);

/**
 * The meaning of the place `path` (map keys below the top-level name `root`). Top-level names the model does
 * not know (a hostile or future client's) are `unknown`: no reader shows them, but writing them still edits the
 * board.
 */
export function slotMeaning(root: string, path: readonly string[]): SlotMeaning {
  switch (root) {
    case FACILITATION_KEYS.settings:
      return { area: 'settings' };
    case FACILITATION_KEYS.annotations:
      return { area: 'annotations' };
    case FACILITATION_KEYS.health:
      return { area: 'health' };
    case FACILITATION_KEYS.giveTake:
      return { area: 'giveTake' };
    case META_KEY:
      return { area: 'meta' };
  }
  const kind = KIND_BY_COLLECTION.get(root);
  const id = path[0];
  if (kind === undefined || id === undefined) return { area: 'unknown' };
  return { area: 'entity', kind, id, field: path[1] ?? null, depth: path.length };
}

/** A permission a change needs: one of the `Permissions` flags, or adding a kind. */
export type Need = 'changeSettings' | 'edit' | 'move' | 'comment' | AddableKind;

/** The permissions a change of this kind at this place needs. */
export function changeNeeds(meaning: SlotMeaning, change: SlotChange): Need[] {
  switch (meaning.area) {
    // Only the server's migration writes `meta`; of the roles, only a facilitator (whose updates the guard
    // applies unchecked) could, and no page does.
    case 'settings':
    case 'meta':
      return ['changeSettings'];
    case 'annotations':
      return ['comment'];
    case 'health':
    case 'giveTake':
      return ['score'];
    case 'unknown':
      return ['edit'];
  }
  const isNode = meaning.kind === 'organisation' || meaning.kind === 'person';
  if (meaning.field === null) {
    if (change === 'insert') return [meaning.kind];
    if (change === 'delete') return ['edit'];
    // Writing a whole entity over an existing one is editing (and, for a node, possibly moving) it.
    return [meaning.kind, 'edit', ...(isNode ? (['move'] as const) : [])];
  }
  if (isNode && meaning.field === 'position' && meaning.depth === 2) return ['move'];
  return ['edit'];
}

function has(p: Permissions, need: Need): boolean {
  switch (need) {
    case 'changeSettings':
    case 'edit':
    case 'move':
    case 'comment':
      return p[need];
    default:
      return p.add[need];
  }
}

/** The first permission `role` lacks for this change under `settings`, or null when it may make it. */
export function missingNeed(
  role: BoardRole,
  settings: BoardSettings,
  meaning: SlotMeaning,
  change: SlotChange,
): Need | null {
  const permissions = permissionsFor(role, settings);
  return changeNeeds(meaning, change).find((need) => !has(permissions, need)) ?? null;
}

function subjectOf(meaning: SlotMeaning): RefusedSubject {
  switch (meaning.area) {
    case 'entity':
      return meaning.kind;
    case 'annotations':
      return 'comment';
    case 'health':
      return 'healthCheck';
    case 'giveTake':
      return 'giveTake';
    case 'settings':
      return 'settings';
    case 'meta':
    case 'unknown':
      return 'board';
  }
}

function actionOf(meaning: SlotMeaning, change: SlotChange, need: Need): RefusedAction {
  switch (meaning.area) {
    case 'settings':
      return 'settings';
    case 'annotations':
      return 'comment';
    case 'health':
    case 'giveTake':
      return 'score';
    case 'meta':
    case 'unknown':
      return 'edit';
  }
  if (need === 'move') return 'move';
  if (meaning.field === null && change === 'insert') return 'add';
  if (meaning.field === null && change === 'delete') return 'delete';
  return 'edit';
}

/** How a refused change is described to the user who made it. */
export function describeRefusal(
  role: BoardRole,
  settings: BoardSettings,
  meaning: SlotMeaning,
  change: SlotChange,
  need: Need,
  name: string | undefined,
): RefusedChange {
  const reason: RefusalReason = refusalReason(role, settings, need) ?? 'facilitatorOnly';
  return {
    action: actionOf(meaning, change, need),
    subject: subjectOf(meaning),
    reason,
    ...(meaning.area === 'entity' ? { id: meaning.id } : {}),
    ...(name === undefined ? {} : { name }),
  };
}

/**
 * Whether this change would bring back a person removed for good (`purged`: their ids): their id added to the
 * people again, or a relationship added with them at an end (`ends`: the new relationship's source and
 * target). A page that was offline during the purge may still hold an undo of a delete.
 */
export function bringsBackPurged(
  meaning: SlotMeaning,
  change: SlotChange,
  purged: ReadonlySet<string>,
  ends: () => readonly unknown[],
): boolean {
  if (purged.size === 0 || meaning.area !== 'entity' || meaning.field !== null || change === 'delete')
    return false;
  if (meaning.kind === 'person') return purged.has(meaning.id);
  return meaning.kind === 'relationship' && ends().some((end) => typeof end === 'string' && purged.has(end));
}

/** How a change refused by `bringsBackPurged` is described to the page that made it (no name: it is gone). */
export function purgedRefusal(meaning: SlotMeaning & { area: 'entity' }): RefusedChange {
  return { action: 'add', subject: meaning.kind, reason: 'purged', id: meaning.id };
}

/** The field holding an entity's display name, for refusal messages. */
export const NAME_FIELD = 'name';
