import * as Y from 'yjs';
import type { Slot, SlotState, TransactionSlots } from './transactionSlots.ts';

type Type = Y.AbstractType<unknown>;

/** Marks content the revert cannot rebuild (sub-documents, rich-text embeds: never part of a board). */
const UNCOPYABLE = Symbol('uncopyable');
type Copy = unknown;

/**
 * A fresh copy of what `item` held before the transaction, as a value `Y.Map.set` accepts: plain values as
 * they are, nested maps, arrays and texts rebuilt from their own before-transaction contents.
 */
function copyBefore(item: Y.Item, slots: TransactionSlots): Copy | typeof UNCOPYABLE {
  const content = item.content;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    const values = content.getContent();
    return values[values.length - 1];
  }
  if (content instanceof Y.ContentBinary) return content.content;
  if (content instanceof Y.ContentType) return copyTypeBefore(content.type as Type, slots);
  return UNCOPYABLE;
}

function copyTypeBefore(type: Type, slots: TransactionSlots): Copy | typeof UNCOPYABLE {
  if (type instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    for (const key of type._map.keys()) {
      const { before } = slots.mapSlot(type as Type, key);
      if (before === null) continue;
      const value = copyBefore(before, slots);
      if (value !== UNCOPYABLE) copy.set(key, value);
    }
    return copy;
  }
  const elements: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.countable && slots.visibleBefore(item)) elements.push(item);
  }
  if (type instanceof Y.Text) {
    return new Y.Text(
      elements.map((e) => (e.content instanceof Y.ContentString ? e.content.str : '')).join(''),
    );
  }
  if (type instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    for (const element of elements) {
      if (element.content instanceof Y.ContentType) {
        const value = copyTypeBefore(element.content.type as Type, slots);
        if (value !== UNCOPYABLE) copy.push([value]);
      } else if (element.content instanceof Y.ContentAny || element.content instanceof Y.ContentJSON) {
        copy.push(element.content.getContent());
      } else if (element.content instanceof Y.ContentBinary) {
        copy.push([element.content.content]);
      }
    }
    return copy;
  }
  return UNCOPYABLE;
}

/**
 * Undoes what the transaction did to one slot, as a new edit inside the same transaction: a map key gets
 * back a copy of its value from before (or loses the value it gained); a list loses the elements the
 * transaction added. Elements a transaction removed from a list are not put back: the board keeps no lists
 * (only maps and plain values), so a list is junk no reader shows.
 */
export function revertSlot(
  slot: Slot,
  state: SlotState | null,
  slots: TransactionSlots,
  transaction: Y.Transaction,
): void {
  if (slot.key === null) {
    for (const item of slots.listInserts.get(slot.parent) ?? []) {
      if (!item.deleted) item.delete(transaction);
    }
    return;
  }
  if (state === null) return;
  const { before, after } = state;
  if (slot.parent instanceof Y.Map) {
    const copy = before === null ? UNCOPYABLE : copyBefore(before, slots);
    if (copy !== UNCOPYABLE) slot.parent.set(slot.key, copy);
    else if (after !== null) slot.parent.delete(slot.key);
    return;
  }
  // Attributes of XML or formatting keys: junk on a board; removing what was added is enough.
  if (after !== null && !slots.existedBefore(after)) after.delete(transaction);
}
