import * as Y from 'yjs';

/**
 * Reads what one open transaction changed, in terms of places ("slots"): a key of a map, or a whole list.
 *
 * WARNING: this reads Yjs's struct store (items, their `left` links, a type's `_map` and `_item`) while the
 * transaction is still open, before Yjs garbage-collects what was deleted in it. It is the one module of the
 * server that does; `transactionSlots.test.ts` pins the behaviour it relies on, so a Yjs upgrade that changes
 * it fails there first.
 */

type Type = Y.AbstractType<unknown>;

export interface Slot {
  readonly parent: Type;
  /** The map key, or null for a list (array, text): its elements have no keys. */
  readonly key: string | null;
}

export interface SlotState {
  /** The item that held this map key before the transaction, or null. */
  readonly before: Y.Item | null;
  /** The item that holds it now, or null. */
  readonly after: Y.Item | null;
}

/** Where a type sits: its top-level name and the map keys down to it. */
export function locateType(type: Type): { root: string; path: string[] } {
  const path: string[] = [];
  let current = type;
  while (current._item !== null) {
    const item = current._item;
    if (item.parentSub !== null) path.push(item.parentSub);
    current = item.parent as Type;
  }
  return { root: Y.findRootTypeKey(current), path: path.reverse() };
}

export class TransactionSlots {
  private readonly deletedNow = new Map<number, Array<{ clock: number; len: number }>>();
  /** Per touched parent, its touched keys (null: the list itself). */
  readonly touched = new Map<Type, Set<string | null>>();
  /** Items this transaction added to lists, per list. */
  readonly listInserts = new Map<Type, Y.Item[]>();

  /** `clients`: the client ids that can have gained structs (the update's); looking only at them keeps the cost off the board's history. */
  constructor(
    private readonly doc: Y.Doc,
    private readonly transaction: Y.Transaction,
    private readonly clients: Iterable<number>,
  ) {
    // The transaction's delete set is sorted only when it ends; keep a sorted copy to search.
    for (const [client, ranges] of transaction.deleteSet.clients) {
      this.deletedNow.set(
        client,
        ranges.map(({ clock, len }) => ({ clock, len })).sort((a, b) => a.clock - b.clock),
      );
    }
    this.collectInserts();
    this.collectDeletes();
  }

  /** Touched slots, shallowest first, so a restored parent is settled before its children are looked at. */
  slots(): Array<Slot & { root: string; path: string[] }> {
    const result: Array<Slot & { root: string; path: string[] }> = [];
    for (const [parent, keys] of this.touched) {
      const { root, path } = locateType(parent);
      for (const key of keys) result.push({ parent, key, root, path: key === null ? path : [...path, key] });
    }
    return result.sort((a, b) => a.path.length - b.path.length);
  }

  /** The item that held the map key before this transaction and the one that holds it now. */
  mapSlot(parent: Type, key: string): SlotState {
    const latest = parent._map.get(key) ?? null;
    let before: Y.Item | null = latest;
    while (before !== null && !this.visibleBefore(before)) before = before.left;
    return { before, after: latest !== null && !latest.deleted ? latest : null };
  }

  /** The type and all its ancestors were there before the transaction and still are. */
  typeSettled(type: Type): boolean {
    for (let item = type._item; item !== null; item = (item.parent as Type)._item) {
      if (item.deleted || !this.visibleBefore(item)) return false;
    }
    return true;
  }

  existedBefore(item: Y.Item): boolean {
    return item.id.clock < (this.transaction.beforeState.get(item.id.client) ?? 0);
  }

  visibleBefore(item: Y.Item): boolean {
    return this.existedBefore(item) && (!item.deleted || this.deletedInTransaction(item.id));
  }

  private deletedInTransaction(id: Y.ID): boolean {
    const ranges = this.deletedNow.get(id.client);
    if (ranges === undefined) return false;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = ranges[mid]!;
      if (id.clock < range.clock) hi = mid - 1;
      else if (id.clock >= range.clock + range.len) lo = mid + 1;
      else return true;
    }
    return false;
  }

  private touch(parent: Type, key: string | null): void {
    let keys = this.touched.get(parent);
    if (!keys) this.touched.set(parent, (keys = new Set()));
    keys.add(key);
  }

  private collectInserts(): void {
    const { beforeState } = this.transaction;
    for (const client of this.clients) {
      const structs = this.doc.store.clients.get(client);
      const before = beforeState.get(client) ?? 0;
      if (structs === undefined || Y.getState(this.doc.store, client) <= before) continue;
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const item = structs[i];
        if (!(item instanceof Y.Item)) continue;
        const parent = item.parent as Type | null;
        if (parent === null) continue;
        this.touch(parent, item.parentSub);
        if (item.parentSub === null) {
          let list = this.listInserts.get(parent);
          if (!list) this.listInserts.set(parent, (list = []));
          list.push(item);
        }
      }
    }
  }

  private collectDeletes(): void {
    const { beforeState } = this.transaction;
    for (const [client, ranges] of this.deletedNow) {
      const structs = this.doc.store.clients.get(client);
      const before = beforeState.get(client) ?? 0;
      if (structs === undefined) continue;
      for (const { clock, len } of ranges) {
        if (clock >= before) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const item = structs[i]!;
          if (item.id.clock >= Math.min(clock + len, before)) break;
          if (!(item instanceof Y.Item) || item.parent === null) continue;
          this.touch(item.parent as Type, item.parentSub);
        }
      }
    }
  }
}
