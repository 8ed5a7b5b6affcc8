import type * as Y from 'yjs';
import { entityMap } from '../document.ts';
import { newRelationshipId } from '../ids.ts';
import { DEFAULT_STRENGTH, parseInput, strengthSchema } from '../records/fields.ts';
import { relationshipFieldsSchema } from '../records/relationship.ts';
import type {
  CollaborationForm,
  Direction,
  NodeId,
  Relationship,
  RelationshipId,
  RelationshipKind,
  Strength,
} from '../types.ts';
import { assertId, insertEntity, newEntityId, setField, storedNodeKind, transactLocal } from './write.ts';

export interface NewRelationship {
  /** Keep this id (an import); must look like a generated id and be unused. Default: a fresh one. */
  id?: string;
  source: NodeId;
  target: NodeId;
  strength?: Strength;
  kind?: RelationshipKind;
  form?: CollaborationForm;
  direction?: Direction;
  notes?: string;
  lastChecked?: string | null;
}
export type RelationshipPatch = Partial<
  Pick<Relationship, 'strength' | 'kind' | 'form' | 'direction' | 'notes' | 'lastChecked'>
>;

/**
 * Draw a relationship between two organisations or people. Throws on invalid
 * fields (e.g. strength 7).
 * @returns the new id, or null when an end does not exist or both ends are the same node.
 */
export function connect(doc: Y.Doc, input: NewRelationship): RelationshipId | null {
  const { id: requestedId, source, target, ...rest } = input;
  assertId('connect', source, 'source');
  assertId('connect', target, 'target');
  const fields = parseInput('connect', relationshipFieldsSchema, {
    strength: DEFAULT_STRENGTH,
    kind: 'collaboration',
    form: 'coordinate',
    direction: 'none',
    notes: '',
    lastChecked: null,
    ...rest,
  });
  if (source === target || storedNodeKind(doc, source) === null || storedNodeKind(doc, target) === null) {
    return null;
  }
  const id = newEntityId(doc, 'connect', requestedId, newRelationshipId);
  transactLocal(doc, () => insertEntity(doc, 'relationship', id, { source, target, ...fields }));
  return id;
}

/**
 * Change some fields of a relationship (not its ends); throws on invalid values.
 * @returns false when the relationship does not exist.
 */
export function updateRelationship(doc: Y.Doc, id: RelationshipId, patch: RelationshipPatch): boolean {
  assertId('updateRelationship', id);
  const fields = parseInput('updateRelationship', relationshipFieldsSchema.partial(), patch);
  return transactLocal(doc, () => {
    const map = entityMap(doc, 'relationship', id);
    if (!map) return false;
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) setField(map, key, value);
    return true;
  });
}

/**
 * Set a relationship's strength (1–5); throws on anything else.
 * @returns false when the relationship does not exist.
 */
export function setStrength(doc: Y.Doc, id: RelationshipId, strength: Strength): boolean {
  assertId('setStrength', id);
  return updateRelationship(doc, id, { strength: parseInput('setStrength', strengthSchema, strength) });
}

/**
 * Swap a relationship's ends: its source becomes its target, so an arrow points the other way.
 * @returns false when the relationship does not exist.
 */
export function reverseRelationship(doc: Y.Doc, id: RelationshipId): boolean {
  assertId('reverseRelationship', id);
  return transactLocal(doc, () => {
    const map = entityMap(doc, 'relationship', id);
    if (!map) return false;
    const [source, target] = [map.get('source'), map.get('target')];
    setField(map, 'source', target);
    setField(map, 'target', source);
    return true;
  });
}
