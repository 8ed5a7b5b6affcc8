import type { OrganisationId, PersonId, ProjectId, RelationshipId } from './types.ts';

/**
 * A random version-4 UUID in lower case.
 *
 * Built from `crypto.getRandomValues`, not `crypto.randomUUID`: browsers offer the latter only in secure
 * contexts, and participants usually open a board over plain http at the facilitator laptop's LAN address.
 */
export function randomUuid(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const randomId = randomUuid;

export const newOrganisationId = (): OrganisationId => randomId() as OrganisationId;
export const newPersonId = (): PersonId => randomId() as PersonId;
export const newProjectId = (): ProjectId => randomId() as ProjectId;
export const newRelationshipId = (): RelationshipId => randomId() as RelationshipId;

/** Longest id the reader accepts; longer keys are hostile and skipped. */
export const MAX_ID_LENGTH = 128;

export function isPlausibleId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH;
}

/** The shape of the ids the model generates (`randomUuid()`), in lower case. */
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` has the format of an id the model generates, so a caller may hand one back (e.g. an import). */
export function isGeneratedIdFormat(id: string): boolean {
  return GENERATED_ID.test(id);
}
