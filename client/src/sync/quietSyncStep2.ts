import type * as Y from 'yjs';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc) => void;

/** True when the transaction integrated or deleted anything (what Yjs checks before emitting 'update'). */
function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

/**
 * The update carried by a sync message that starts at `pos` (its type, then a length-prefixed byte
 * array; lib0's unsigned varints: 7 bits a byte, high bit set while more follow), or null when the
 * message is not sync step 2.
 */
export function syncStep2Payload(bytes: Uint8Array, pos: number): Uint8Array | null {
  let at = pos;
  const readVarUint = (): number => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('truncated sync message');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  if (readVarUint() !== messageYjsSyncStep2) return null;
  const length = readVarUint();
  if (at + length > bytes.length) throw new Error('truncated sync message');
  return bytes.subarray(at, at + length);
}

/**
 * Applies the server's sync step 2 (on a fresh open: the whole board, ~1.2 MB for 1,300 nodes)
 * without Yjs encoding it a second time. With any 'update' listener on the document (the
 * provider's, the local copy's, the session's), Yjs encodes everything a transaction integrated
 * to emit the event: for the first sync that is the whole board again, ~100 ms of the page's
 * opening. Here y-websocket's own handler applies the message while the 'update' listeners are
 * set aside, and then they are called with the bytes the server sent: the same change, as the
 * server encoded it (the provider and the session ignore their own provider's updates; the local
 * copy stores them). Sync step 1 and live updates take y-websocket's path unchanged.
 */
export function applySyncStep2Quietly(provider: WebsocketProvider): void {
  const original = provider.messageHandlers[messageSync];
  if (!original) throw new Error('y-websocket has no sync message handler');
  provider.messageHandlers[messageSync] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    const update = syncStep2Payload(decoder.arr, decoder.pos);
    if (update === null) {
      original(encoder, decoder, handlerProvider, emitSynced, messageType);
      return;
    }
    const { doc } = handlerProvider;
    // lib0's Observable keeps its listeners in `_observers` (typed public): Yjs encodes only when it holds 'update'.
    const observers = doc._observers as Map<string, Set<UpdateListener>>;
    const listeners = observers.get('update');
    let changed = false;
    const onAfter = (transaction: Y.Transaction): void => {
      changed ||= changedAnything(transaction);
    };
    observers.delete('update');
    doc.on('afterTransaction', onAfter);
    try {
      original(encoder, decoder, handlerProvider, emitSynced, messageType);
    } finally {
      doc.off('afterTransaction', onAfter);
      // A listener added while the update was applied (by an observer) joins the others.
      const added = observers.get('update');
      if (listeners) {
        for (const listener of added ?? []) listeners.add(listener);
        observers.set('update', listeners);
      }
    }
    if (changed && listeners) {
      for (const listener of [...listeners]) listener(update, handlerProvider, doc);
    }
  };
}
