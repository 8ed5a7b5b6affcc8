import * as Y from 'yjs';
import { collection, recordPurge, rootMap, splitEntryKey } from '../document.ts';
import { deleteEntities } from './deleteEntities.ts';

/**
 * Removes a person for good from one state of the board: the person, their relationships and project
 * memberships (as `deleteEntities` does), and what was said about them: comment threads on the person or on
 * one of their relationships, and the health scores of those relationships. With Yjs's garbage collection on,
 * the removed content is then gone from the document's encoding; the ids stay.
 *
 * The purge is counted in `meta`, with the person's id (the server refuses that id when a page adds it back),
 * also when nothing was found (a page may still hold a delete of the person
 * to undo), so every page drops its undo history: an undo of a delete would bring the person back. One
 * transaction with `origin` (the server's own edit on a live board). Returns whether the state held anything
 * of the person.
 */
export function purgePerson(doc: Y.Doc, personId: string, origin: unknown): boolean {
  let found = false;
  doc.transact(() => {
    const relationshipIds = new Set<string>();
    for (const [id, value] of collection(doc, 'relationship').entries()) {
      if (!(value instanceof Y.Map)) continue;
      if (value.get('source') === personId || value.get('target') === personId) relationshipIds.add(id);
    }
    found = collection(doc, 'person').has(personId) || relationshipIds.size > 0;
    deleteEntities(doc, [personId, ...relationshipIds]);

    const about = new Set([personId, ...relationshipIds]);
    const threads = rootMap(doc, 'annotations');
    for (const [id, value] of [...threads.entries()]) {
      if (value instanceof Y.Map && about.has(value.get('target') as string)) {
        threads.delete(id);
        found = true;
      }
    }
    const health = rootMap(doc, 'health');
    for (const key of [...health.keys()]) {
      const relationship = splitEntryKey(key)?.[0];
      if (relationship !== undefined && relationshipIds.has(relationship)) health.delete(key);
    }
    recordPurge(doc, personId);
  }, origin);
  return found;
}
