import * as Y from 'yjs';
import { z } from 'zod';
import { MEMBERS_KEY, collection } from '../document.ts';
import { parseInput } from '../records/fields.ts';
import { storedEntityKind, transactLocal } from './write.ts';

/**
 * Delete organisations, people, projects and relationships in one transaction.
 * Deleting a node also deletes its relationships and its project memberships;
 * people of a deleted organisation stay, with no organisation. Unknown ids are
 * ignored (someone else may have deleted them first).
 */
export function deleteEntities(doc: Y.Doc, ids: readonly string[]): void {
  const parsed = parseInput('deleteEntities', z.array(z.string()), ids);
  if (parsed.length === 0) return;
  transactLocal(doc, () => {
    const deletedNodes = new Set<string>();
    const deletedOrganisations = new Set<string>();
    for (const id of new Set(parsed)) {
      const kind = storedEntityKind(doc, id);
      if (kind === null) continue;
      collection(doc, kind).delete(id);
      if (kind === 'organisation' || kind === 'person') deletedNodes.add(id);
      if (kind === 'organisation') deletedOrganisations.add(id);
    }
    if (deletedNodes.size === 0) return;

    const relationships = collection(doc, 'relationship');
    for (const [id, value] of [...relationships.entries()]) {
      if (!(value instanceof Y.Map)) continue;
      if (
        deletedNodes.has(value.get('source') as string) ||
        deletedNodes.has(value.get('target') as string)
      ) {
        relationships.delete(id);
      }
    }
    for (const value of collection(doc, 'project').values()) {
      const members = value instanceof Y.Map ? value.get(MEMBERS_KEY) : undefined;
      if (!(members instanceof Y.Map)) continue;
      for (const id of deletedNodes) if (members.has(id)) members.delete(id);
    }
    if (deletedOrganisations.size > 0) {
      for (const value of collection(doc, 'person').values()) {
        if (value instanceof Y.Map && deletedOrganisations.has(value.get('organisationId') as string)) {
          value.set('organisationId', null);
        }
      }
    }
  });
}
