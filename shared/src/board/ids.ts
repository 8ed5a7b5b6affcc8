import type { OrganisationId, PersonId, ProjectId, RelationshipId } from './types.ts';

interface RandomUuidSource {
  randomUUID(): string;
}

/** A fresh random id; `globalThis.crypto` exists in browsers and in Node 20. */
function randomId(): string {
  const crypto = (globalThis as { crypto?: RandomUuidSource }).crypto;
  if (!crypto || typeof crypto.randomUUID !== 'function') {
    throw new Error('globalThis.crypto.randomUUID is unavailable (needs a secure context or Node 20+).');
  }
  return crypto.randomUUID();
}

export const newOrganisationId = (): OrganisationId => randomId() as OrganisationId;
export const newPersonId = (): PersonId => randomId() as PersonId;
export const newProjectId = (): ProjectId => randomId() as ProjectId;
export const newRelationshipId = (): RelationshipId => randomId() as RelationshipId;

/** Longest id the reader accepts; longer keys are hostile and skipped. */
export const MAX_ID_LENGTH = 128;

export function isPlausibleId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH;
}

/** The shape of the ids the model generates (`crypto.randomUUID()`), in lower case. */
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` has the format of an id the model generates, so a caller may hand one back (e.g. an import). */
export function isGeneratedIdFormat(id: string): boolean {
  return GENERATED_ID.test(id);
}
