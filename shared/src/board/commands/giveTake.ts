import type * as Y from 'yjs';
import { giveTakeKey, rootMap } from '../document.ts';
import { parseInput } from '../records/fields.ts';
import { giveTakeLevelSchema, giveTakeResourceSchema, giveTakeSideSchema } from '../records/giveTake.ts';
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
  const key = giveTakeKey(organisationId, r, s);
  transactLocal(doc, () => {
    const all = rootMap(doc, 'giveTake');
    if (all.get(key) !== l) all.set(key, l);
  });
  return true;
}
