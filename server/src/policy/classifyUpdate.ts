import * as Y from 'yjs';

/** A decoded (not yet applied) Yjs update, as `Y.decodeUpdate` returns it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** One thing an update would do to the room's document. */
export interface Change {
  readonly kind: 'insert' | 'delete';
  /** Top-level name in the document, e.g. `organisations` or `settings`. */
  readonly root: string;
  /**
   * Map keys from the root down to the changed slot: `['<orgId>']` for the
   * entity itself, `['<orgId>', 'position']` for one of its fields. Elements of
   * arrays and texts add no key.
   */
  readonly path: readonly string[];
  /** The change is inside a map or list that this same update creates (part of something new). */
  readonly inNewParent: boolean;
  /** An insert into a map key that holds a live value in the room document now (an overwrite). */
  readonly replaces: boolean;
}

export interface Classification {
  readonly changes: readonly Change[];
  /**
   * Some structs could not be placed: they depend on structs that neither the
   * room nor the update has, so Yjs would park them and integrate them later,
   * unchecked. Updates from restricted connections with such structs are refused.
   */
  readonly unresolved: boolean;
}

type Struct = DecodedUpdate['structs'][number];

/** Where an item sits: its parent (by location) and its map key, or `gc` when Yjs would discard it. */
interface Slot {
  root: string;
  parentPath: readonly string[];
  sub: string | null;
  parentIsNew: boolean;
  /** The parent type in the room document, when it exists there. */
  parentType: Y.AbstractType<unknown> | null;
}
type Placement = Slot | 'gc' | 'unknown';

/** Guards the recursion through chains of structs inside one update. */
const MAX_DEPTH = 2_000;

/** The location of a type that is integrated in a document. */
function locateType(type: Y.AbstractType<unknown>): { root: string; path: string[] } {
  const path: string[] = [];
  let current = type;
  while (current._item !== null) {
    const item = current._item;
    if (item.parentSub !== null) path.push(item.parentSub);
    current = item.parent as Y.AbstractType<unknown>;
  }
  return { root: Y.findRootTypeKey(current), path: path.reverse() };
}

function slotPath(slot: Slot): string[] {
  return slot.sub === null ? [...slot.parentPath] : [...slot.parentPath, slot.sub];
}

/**
 * Works out, without applying it, what an update would change in `doc`: every
 * inserted struct is placed by its parent (a root name, a parent item's id, or
 * its left/right neighbour), looked up in the update itself or in the room's
 * struct store; every delete range is resolved against the store. Read-only.
 */
export function classifyUpdate(doc: Y.Doc, update: DecodedUpdate): Classification {
  const store = doc.store;
  const byClient = new Map<number, Struct[]>();
  for (const struct of update.structs) {
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  let unresolved = false;
  // Each client's structs must continue where the room's state for that client ends, without gaps.
  for (const [client, list] of byClient) {
    let next = Y.getState(store, client);
    for (const struct of list) {
      if (struct instanceof Y.Skip) continue;
      if (struct.id.clock > next) unresolved = true;
      next = Math.max(next, struct.id.clock + struct.length);
    }
  }

  const inUpdate = (id: Y.ID): Struct | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  const inStore = (id: Y.ID): Y.Item | Y.GC | null => {
    if (id.clock >= Y.getState(store, id.client)) return null;
    return Y.getItem(store, id) as Y.Item | Y.GC;
  };

  const placements = new Map<Struct, Placement>();

  /** The slot of a neighbour (origin or right origin): the new item shares its parent and key. */
  const viaNeighbour = (id: Y.ID, depth: number): Placement => {
    const stored = inStore(id);
    if (stored !== null) {
      if (!(stored instanceof Y.Item)) return 'gc';
      const parent = stored.parent as Y.AbstractType<unknown> | null;
      if (parent === null) return 'gc';
      const { root, path } = locateType(parent);
      return { root, parentPath: path, sub: stored.parentSub, parentIsNew: false, parentType: parent };
    }
    const own = inUpdate(id);
    if (own === null) return 'unknown';
    if (!(own instanceof Y.Item)) return own instanceof Y.GC ? 'gc' : 'unknown';
    return place(own, depth + 1);
  };

  const place = (item: Y.Item, depth: number): Placement => {
    const known = placements.get(item);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return 'unknown';
    let result: Placement;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      const existing = (doc.share.get(parent) ?? null) as Y.AbstractType<unknown> | null;
      result = {
        root: parent,
        parentPath: [],
        sub: item.parentSub,
        parentIsNew: false,
        parentType: existing,
      };
    } else if (parent instanceof Y.ID) {
      const stored = inStore(parent);
      if (stored !== null) {
        if (!(stored instanceof Y.Item)) result = 'gc';
        else if (!(stored.content instanceof Y.ContentType)) result = 'unknown';
        else {
          const type = stored.content.type as Y.AbstractType<unknown>;
          const { root, path } = locateType(type);
          result = { root, parentPath: path, sub: item.parentSub, parentIsNew: false, parentType: type };
        }
      } else {
        const own = inUpdate(parent);
        if (own instanceof Y.Item && own.content instanceof Y.ContentType) {
          const p = place(own, depth + 1);
          result =
            typeof p === 'string'
              ? p
              : {
                  root: p.root,
                  parentPath: slotPath(p),
                  sub: item.parentSub,
                  parentIsNew: true,
                  parentType: null,
                };
        } else {
          result = own instanceof Y.GC ? 'gc' : 'unknown';
        }
      }
    } else if (item.origin !== null) {
      result = viaNeighbour(item.origin, depth);
    } else if (item.rightOrigin !== null) {
      result = viaNeighbour(item.rightOrigin, depth);
    } else {
      result = 'unknown';
    }
    placements.set(item, result);
    return result;
  };

  const changes: Change[] = [];
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const p = place(struct, 0);
    if (p === 'gc') continue;
    if (p === 'unknown') {
      unresolved = true;
      continue;
    }
    const current = p.sub !== null && p.parentType !== null ? p.parentType._map.get(p.sub) : undefined;
    changes.push({
      kind: 'insert',
      root: p.root,
      path: slotPath(p),
      inNewParent: p.parentIsNew,
      replaces: current !== undefined && !current.deleted,
    });
  }

  for (const [client, ranges] of update.ds.clients) {
    const structs = store.clients.get(client);
    if (!structs) continue;
    const state = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      // Ranges beyond the room's state can only delete structs of this same update: no lasting change.
      if (clock >= state) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= clock + len) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const parent = struct.parent as Y.AbstractType<unknown> | null;
        if (parent === null) continue;
        const { root, path } = locateType(parent);
        changes.push({
          kind: 'delete',
          root,
          path: struct.parentSub === null ? path : [...path, struct.parentSub],
          inNewParent: false,
          replaces: false,
        });
      }
    }
  }
  return { changes, unresolved };
}
