import type * as Y from 'yjs';
import { ENTITY_KINDS, tryCollection, tryRootMap } from './document.ts';
import type { EntityKind } from './document.ts';
import { reportProblem } from './problems.ts';
import { BoardReader } from './read.ts';
import type { DirtyIds } from './read.ts';
import type { BoardSnapshot } from './types.ts';

/**
 * Watch the board. `onChange` is called once per transaction that touched the
 * board (local or remote) with a new snapshot in which every entity that did
 * not change keeps its object identity, and each collection map that did not
 * change keeps its identity too. It is also called once at once, synchronously,
 * with the current snapshot, so a subscriber needs no separate `readBoard`.
 *
 * @returns an unsubscribe function.
 * @example
 * const stop = observeBoard(doc, (snapshot) => store.setState({ snapshot }));
 */
export function observeBoard(doc: Y.Doc, onChange: (snapshot: BoardSnapshot) => void): () => void {
  const reader = new BoardReader(doc);
  let current = reader.read();
  onChange(current);
  let dirty: DirtyIds = {};
  let pending = false;

  const markDirty = (kind: EntityKind, id: string): void => {
    const set = dirty[kind];
    if (set === 'all') return;
    if (set) set.add(id);
    else dirty[kind] = new Set([id]);
    pending = true;
  };

  const unobservers: Array<() => void> = [];
  for (const kind of ENTITY_KINDS) {
    const coll = tryCollection(doc, kind);
    if (coll === null) continue;
    const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
      for (const event of events) {
        if (event.target === coll) {
          for (const id of (event as Y.YMapEvent<unknown>).keysChanged) {
            if (typeof id === 'string') markDirty(kind, id);
          }
        } else {
          // A field of an entity (or its nested members map) changed: the entity's id is the first path step.
          const id = event.path[0];
          if (typeof id === 'string') markDirty(kind, id);
        }
      }
    };
    coll.observeDeep(handler);
    unobservers.push(() => coll.unobserveDeep(handler));
  }

  for (const root of ['annotations', 'health', 'giveTake'] as const) {
    const map = tryRootMap(doc, root);
    if (map === null) continue;
    const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
      for (const event of events) {
        const ids =
          event.target === map ? (event as Y.YMapEvent<unknown>).keysChanged : new Set([event.path[0]]);
        for (const id of ids) {
          if (typeof id !== 'string') continue;
          const set = dirty[root];
          if (set === 'all') continue;
          if (set) set.add(id);
          else dirty[root] = new Set([id]);
          pending = true;
        }
      }
    };
    map.observeDeep(handler);
    unobservers.push(() => map.unobserveDeep(handler));
  }
  const settings = tryRootMap(doc, 'settings');
  if (settings !== null) {
    const handler = (): void => {
      dirty.settings = true;
      pending = true;
    };
    settings.observe(handler);
    unobservers.push(() => settings.unobserve(handler));
  }

  // Deep observers run before `afterTransaction`, so by now every change of the transaction is marked.
  const flush = (): void => {
    if (!pending) return;
    const changes = dirty;
    dirty = {};
    pending = false;
    let next: BoardSnapshot;
    try {
      next = reader.read(changes);
    } catch (error) {
      // The reader repairs content; this would be a bug, and must not break the document's transaction.
      reportProblem('observe.read', `reading the board failed: ${String(error)}`);
      return;
    }
    if (next === current) return;
    current = next;
    onChange(next);
  };
  doc.on('afterTransaction', flush);

  return () => {
    doc.off('afterTransaction', flush);
    for (const unobserve of unobservers) unobserve();
  };
}
