import type * as Y from 'yjs';
import { KEY_SEPARATOR, rootMap } from '../document.ts';
import { giveTakeLevelSchema, giveTakeResourceSchema, giveTakeSideSchema, parseInput } from '../schema.ts';
import type { GiveTakeLevel, GiveTakeResource, GiveTakeSide, OrganisationId } from '../types.ts';
import { assertId, storedNodeKind, transactLocal } from './write.ts';

/**
 * Set what an organisation brings or takes of one resource (`none`, `some`,
 * `much`). Throws on invalid input. @returns false when the organisation does not exist.
 */
export function setGiveTake(
  doc: Y.Doc,
  organisationId: OrganisationId,
  resource: GiveTakeResource,
  side: GiveTakeSide,
  level: GiveTakeLevel,
): boolean {
  assertId('setGiveTake', organisationId, 'organisationId');
  const r = parseInput('setGiveTake', giveTakeResourceSchema, resource);
  const s = parseInput('setGiveTake', giveTakeSideSchema, side);
  const l = parseInput('setGiveTake', giveTakeLevelSchema, level);
  if (storedNodeKind(doc, organisationId) !== 'organisation') return false;
  const key = `${organisationId}${KEY_SEPARATOR}${r}.${s}`;
  transactLocal(doc, () => {
    const all = rootMap(doc, 'giveTake');
    if (all.get(key) !== l) all.set(key, l);
  });
  return true;
}
