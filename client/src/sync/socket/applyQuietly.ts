import * as Y from 'yjs';

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
 * Applies the server's sync step 2 (on a fresh open: the whole board) without Yjs encoding it a second
 * time. With any 'update' listener on the document (the socket's, the local copy's, the session's) Yjs
 * encodes everything a transaction integrated to emit the event: for the first sync that is the whole
 * board again, a noticeable part of opening a large board. Here the listeners are set aside while the
 * update is applied and then called with the bytes the server sent: the same change, as the server
 * encoded it.
 *
 * WARNING: lib0's Observable keeps its listeners in `_observers` (typed public); this is the one place
 * that reaches into it, and `applyQuietly.test.ts` fails if that changes.
 */
export function applyQuietly(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  const observers = doc._observers as Map<string, Set<UpdateListener>>;
  const listeners = observers.get('update');
  let changed = false;
  const onAfter = (transaction: Y.Transaction): void => {
    changed ||= changedAnything(transaction);
  };
  observers.delete('update');
  doc.on('afterTransaction', onAfter);
  try {
    Y.applyUpdate(doc, update, origin);
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
    for (const listener of [...listeners]) listener(update, origin, doc);
  }
}
