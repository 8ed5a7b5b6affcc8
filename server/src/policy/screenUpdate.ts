import * as Y from 'yjs';
import { encodeUpdate } from '@interplay/shared/sync/encodeUpdate';
import { locateType } from './transactionSlots.ts';
import type { DeleteRange, Struct } from '@interplay/shared/sync/encodeUpdate';

/** Who may add structs under which Yjs client id: the browser (device) that first did, or the server. */
export interface ClientOwners {
  get(client: number): string | undefined;
}

export interface ScreenedUpdate {
  /** The update to apply: the original bytes, or a rewrite without the refused parts. */
  update: Uint8Array;
  /** Client ids this update introduces, to be owned by the sender from now on. */
  claims: number[];
  /** Client ids whose new structs were dropped: another device owns them. */
  forgedClients: number[];
  /**
   * Delete ranges dropped: they name clocks neither the room nor the update has, or what they delete lies
   * where the sender may delete nothing (see `mayDeleteIn`).
   */
  forgedDeletes: number;
  /**
   * Some structs depend on structs neither the room nor the update has. Yjs would park them and
   * integrate them later, inside some other update's transaction; the room holds such an update back
   * instead until what it depends on has arrived.
   */
  unresolved: boolean;
  /** Nothing in it is new to the room: no struct beyond the room's state and no delete range. */
  empty: boolean;
  /** The client ids whose structs it carries (after dropping forged ones). */
  clients: number[];
}

/**
 * Checks an update before it touches the room's document: new structs only under client ids the sender's
 * device owns (or that nobody has used yet), no deletion of clocks nobody has written yet (such a delete
 * would wait in Yjs and erase whatever its owner writes there later), deletes only under the top-level names
 * `mayDeleteIn` accepts, and every dependency present.
 */
export function screenUpdate(
  doc: Y.Doc,
  bytes: Uint8Array,
  device: string,
  owners: ClientOwners,
  mayDeleteIn: (root: string) => boolean = () => true,
): ScreenedUpdate {
  // Throws on bytes that are not an update, before anything touches the document.
  const decoded = Y.decodeUpdate(bytes);
  const state = (client: number): number => Y.getState(doc.store, client);
  const byClient = new Map<number, Struct[]>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }

  const claims: number[] = [];
  const forgedClients: number[] = [];
  const kept: Struct[] = [];
  /** Per client, how far its clocks reach contiguously from the room's state with this update. */
  const reach = new Map<number, number>();
  /** Per client, the end of the highest clock this update carries (beyond a gap, when it must wait). */
  const carried = new Map<number, number>();
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    const known = state(client);
    const last = list[list.length - 1]!;
    if (last.id.clock + last.length > known) {
      const owner = owners.get(client);
      if (owner !== undefined && owner !== device) {
        forgedClients.push(client);
        continue;
      }
      if (owner === undefined) claims.push(client);
    }
    let end = known;
    for (const struct of list) {
      if (struct.id.clock > end) break;
      end = Math.max(end, struct.id.clock + struct.length);
    }
    reach.set(client, end);
    carried.set(client, Math.max(end, last.id.clock + last.length));
    kept.push(...list);
  }

  const available = (id: Y.ID | null): boolean =>
    id === null || id.clock < (reach.get(id.client) ?? state(id.client));
  let unresolved = false;
  for (const struct of kept) {
    if (struct.id.clock >= (reach.get(struct.id.client) ?? 0)) unresolved = true;
    else if (struct instanceof Y.Item && struct.id.clock + struct.length > state(struct.id.client)) {
      const parent = struct.parent instanceof Y.ID ? struct.parent : null;
      if (!available(struct.origin) || !available(struct.rightOrigin) || !available(parent))
        unresolved = true;
    }
    if (unresolved) break;
  }

  let forgedDeletes = 0;
  const deletes = new Map<number, DeleteRange[]>();
  for (const [client, ranges] of decoded.ds.clients) {
    // A delete of clocks this update itself carries is not forged even beyond a gap: the update then waits
    // (see `unresolved`) and is applied with its deletes once the gap is filled. A page that reconnects sends
    // its next edit before its sync step 2, so that edit arrives ahead of the offline edits it may delete.
    const limit = carried.get(client) ?? state(client);
    // Likewise clocks beyond the room's state under another client id of the sender's own browser: a page
    // that reloaded keeps its offline edits under its old id and sends them with its sync step 2, after an
    // edit that may already delete some of them. The update waits for them instead of losing the delete.
    const own = !carried.has(client) && owners.get(client) === device;
    const keptRanges: DeleteRange[] = [];
    for (const { clock, len } of ranges) {
      const end = own ? clock + len : Math.min(clock + len, limit);
      if (end < clock + len) forgedDeletes += 1;
      if (own && end > limit) unresolved = true;
      if (end > clock && deletesOnlyIn(doc, client, clock, end, mayDeleteIn)) {
        keptRanges.push({ clock, len: end - clock });
      } else if (end > clock) forgedDeletes += 1;
    }
    if (keptRanges.length > 0) deletes.set(client, keptRanges);
  }

  const rewritten = forgedClients.length > 0 || forgedDeletes > 0;
  const fresh = kept.some((s) => s.id.clock + s.length > state(s.id.client));
  return {
    update: rewritten ? encodeUpdate(kept, deletes) : bytes,
    claims,
    forgedClients,
    forgedDeletes,
    unresolved,
    empty: !fresh && deletes.size === 0,
    clients: [...reach.keys()],
  };
}

/**
 * Every live struct the room has in this clock range lies under a top-level name `mayDeleteIn` accepts.
 * Structs already deleted do not count: deleting them again changes nothing, and a sync step 2 carries the
 * sender's whole delete set, whose ranges Yjs merges across neighbouring clocks, so a viewer's deletion of
 * a comment can share a range with something someone else deleted long ago.
 */
function deletesOnlyIn(
  doc: Y.Doc,
  client: number,
  clock: number,
  end: number,
  mayDeleteIn: (root: string) => boolean,
): boolean {
  const structs = doc.store.clients.get(client);
  const known = Math.min(end, Y.getState(doc.store, client));
  if (structs === undefined || clock >= known) return true;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < known; i++) {
    const struct = structs[i]!;
    if (!(struct instanceof Y.Item) || struct.parent === null || struct.deleted) continue;
    if (!mayDeleteIn(locateType(struct.parent as Y.AbstractType<unknown>).root)) return false;
  }
  return true;
}
