import * as Y from 'yjs';
import {
  bringsBackPurged,
  describeRefusal,
  missingNeed,
  NAME_FIELD,
  purgedRefusal,
  slotMeaning,
} from '@interplay/shared/board/changeRules';
import { purgedPeople } from '@interplay/shared/board/document';
import type { SlotChange } from '@interplay/shared/board/changeRules';
import type { BoardRole, BoardSettings, RefusedChange } from '@interplay/shared';
import { revertSlot } from './revertSlot.ts';
import { TransactionSlots } from './transactionSlots.ts';
import type { Slot, SlotState } from './transactionSlots.ts';

type Type = Y.AbstractType<unknown>;

function changeOf({ before, after }: SlotState): SlotChange | null {
  if (before === after) return null;
  if (before === null) return 'insert';
  return after === null ? 'delete' : 'replace';
}

/** The entity's name before this transaction, or (for a new entity) as the update gave it. */
function nameOf(entity: Type | null, slots: TransactionSlots): string | undefined {
  if (!(entity instanceof Y.Map)) return undefined;
  const { before } = slots.mapSlot(entity as Type, NAME_FIELD);
  const name: unknown = before !== null ? before.content.getContent().at(-1) : entity.get(NAME_FIELD);
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** The map of the entity a slot belongs to: the slot's value for the entity itself, else an ancestor. */
function entityOf(slot: Slot & { path: string[] }, state: SlotState | null): Type | null {
  if (slot.path.length === 1) {
    const item = state?.before ?? state?.after ?? null;
    return item?.content instanceof Y.ContentType ? (item.content.type as Type) : null;
  }
  let type = slot.parent;
  while (type._item !== null && (type._item.parent as Type)._item !== null) type = type._item.parent as Type;
  return type;
}

/**
 * Applies a client's update to the room's document and, in the same transaction, reverts every change
 * `role` may not make under `settings`, and anyone's that would bring back a person removed for good, as the
 * server's own edit. What was allowed stays, whatever else
 * the update carried; what was forbidden never reaches anyone else (they receive the update with the
 * revert already in it) and the sender's copy converges by ordinary sync, without discarding anything.
 * Returns the refused changes, for telling the sender. The update must have passed `screenUpdate`, whose
 * `clients` are the client ids it carries.
 */
export function applyGuarded(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  role: BoardRole,
  settings: BoardSettings,
  clients: Iterable<number>,
): RefusedChange[] {
  const purged = purgedPeople(doc);
  if (role === 'facilitator' && purged.size === 0) {
    Y.applyUpdate(doc, update, origin);
    return [];
  }
  const refused = new Map<string, RefusedChange>();
  doc.transact((transaction) => {
    Y.applyUpdate(doc, update, origin);
    // Yjs marks a transaction that applied an update as remote, and gives the document a new client id at
    // its end if its own id gained structs in a remote transaction. The reverts are the room's own edits.
    transaction.local = true;
    const slots = new TransactionSlots(doc, transaction, clients);
    for (const slot of slots.slots()) {
      // Inside something this update created or deleted: judged with that (or moot).
      if (!slots.typeSettled(slot.parent)) continue;
      const state = slot.key === null ? null : slots.mapSlot(slot.parent, slot.key);
      const change = state === null ? 'replace' : changeOf(state);
      if (change === null) continue;
      const meaning = slotMeaning(slot.root, slot.path);
      // Also a facilitator's: a page offline during a purge may hold an undo of the person's delete.
      const ends = (): unknown[] => {
        const entity = entityOf(slot, state);
        return entity instanceof Y.Map ? [entity.get('source'), entity.get('target')] : [];
      };
      if (meaning.area === 'entity' && bringsBackPurged(meaning, change, purged, ends)) {
        revertSlot(slot, state, slots, transaction);
        refused.set(`purged ${meaning.id}`, purgedRefusal(meaning));
        continue;
      }
      const need = missingNeed(role, settings, meaning, change);
      if (need === null) continue;
      // Read before the revert deletes what the update added.
      const name = meaning.area === 'entity' ? nameOf(entityOf(slot, state), slots) : undefined;
      revertSlot(slot, state, slots, transaction);
      const described = describeRefusal(role, settings, meaning, change, need, name);
      refused.set(
        `${described.action} ${described.subject} ${described.id ?? slot.path.join('/')}`,
        described,
      );
    }
  }, origin);
  return [...refused.values()];
}
