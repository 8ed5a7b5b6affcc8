import type * as Y from 'yjs';
import { z } from 'zod';
import { entityMap } from '../document.ts';
import { newOrganisationId, newPersonId } from '../ids.ts';
import { parseInput, positionSchema } from '../records/fields.ts';
import { organisationFieldsSchema } from '../records/organisation.ts';
import { personFieldsSchema } from '../records/person.ts';
import type {
  NodeId,
  Organisation,
  OrganisationId,
  Person,
  PersonId,
  Position,
  Role,
  Sector,
} from '../types.ts';
import { assertId, insertEntity, newEntityId, setField, storedNodeKind, transactLocal } from './write.ts';

export interface NewOrganisation {
  /** Keep this id (an import); must look like a generated id and be unused. Default: a fresh one. */
  id?: string;
  name: string;
  sector: Sector;
  position: Position;
  notes?: string;
  themes?: readonly string[];
}
export type OrganisationPatch = Partial<
  Pick<Organisation, 'name' | 'sector' | 'notes' | 'themes' | 'position'>
>;

export interface NewPerson {
  /** Keep this id (an import); must look like a generated id and be unused. Default: a fresh one. */
  id?: string;
  name: string;
  organisationId: OrganisationId | null;
  position: Position;
  roles?: readonly Role[];
  notes?: string;
}
export type PersonPatch = Partial<Pick<Person, 'name' | 'organisationId' | 'roles' | 'notes' | 'position'>>;

/** Add an organisation; throws on invalid input (e.g. an unknown sector). */
export function addOrganisation(doc: Y.Doc, input: NewOrganisation): OrganisationId {
  const { id: requestedId, ...rest } = input;
  const fields = parseInput('addOrganisation', organisationFieldsSchema, {
    notes: '',
    themes: [],
    ...rest,
  });
  const id = newEntityId(doc, 'addOrganisation', requestedId, newOrganisationId);
  transactLocal(doc, () => insertEntity(doc, 'organisation', id, fields));
  return id;
}

function assertOrganisation(doc: Y.Doc, command: string, id: string | null): void {
  if (id !== null && storedNodeKind(doc, id) !== 'organisation') {
    throw new Error(`${command}: organisation ${JSON.stringify(id)} does not exist`);
  }
}

/** Add a person, optionally in an existing organisation; throws on invalid input. */
export function addPerson(doc: Y.Doc, input: NewPerson): PersonId {
  const { id: requestedId, ...rest } = input;
  const fields = parseInput('addPerson', personFieldsSchema, { notes: '', roles: [], ...rest });
  assertOrganisation(doc, 'addPerson', fields.organisationId);
  const id = newEntityId(doc, 'addPerson', requestedId, newPersonId);
  transactLocal(doc, () => insertEntity(doc, 'person', id, fields));
  return id;
}

/**
 * Change some fields of an organisation; throws on invalid values.
 * @returns false when the organisation does not exist (e.g. deleted by someone else meanwhile).
 */
export function updateOrganisation(doc: Y.Doc, id: OrganisationId, patch: OrganisationPatch): boolean {
  assertId('updateOrganisation', id);
  const fields = parseInput('updateOrganisation', organisationFieldsSchema.partial(), patch);
  return transactLocal(doc, () => {
    const map = entityMap(doc, 'organisation', id);
    if (!map) return false;
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) setField(map, key, value);
    return true;
  });
}

/**
 * Change some fields of a person; throws on invalid values or an unknown organisation.
 * @returns false when the person does not exist.
 */
export function updatePerson(doc: Y.Doc, id: PersonId, patch: PersonPatch): boolean {
  assertId('updatePerson', id);
  const fields = parseInput('updatePerson', personFieldsSchema.partial(), patch);
  if (fields.organisationId !== undefined) assertOrganisation(doc, 'updatePerson', fields.organisationId);
  return transactLocal(doc, () => {
    const map = entityMap(doc, 'person', id);
    if (!map) return false;
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) setField(map, key, value);
    return true;
  });
}

const movesSchema = z.array(z.object({ id: z.string().min(1), position: positionSchema }));

/**
 * Move organisations and people in one transaction (a drag of a selection is
 * one update). Ids that are not (or no longer) nodes are ignored.
 */
export function moveNodes(doc: Y.Doc, moves: ReadonlyArray<{ id: NodeId; position: Position }>): void {
  const parsed = parseInput('moveNodes', movesSchema, moves);
  if (parsed.length === 0) return;
  transactLocal(doc, () => {
    for (const { id, position } of parsed) {
      const kind = storedNodeKind(doc, id);
      const map = kind && entityMap(doc, kind, id);
      if (map) setField(map, 'position', position);
    }
  });
}
