/**
 * The give-and-take record: one level of what an organisation brings or takes of one resource, stored as a
 * plain value under the flat key `<organisation id>/<resource>.<side>` (see `document.ts`). What commands
 * accept, the empty default, and how the reader repairs what is stored.
 */
import { z } from 'zod';
import { splitEntryKey } from '../document.ts';
import { GIVE_TAKE_LEVELS, GIVE_TAKE_RESOURCES, GIVE_TAKE_SIDES } from '../types.ts';
import type { GiveTake, GiveTakeLevel, GiveTakeResource, GiveTakeSide, OrganisationId } from '../types.ts';
import { reporters } from './fields.ts';

export const giveTakeResourceSchema = z.enum(GIVE_TAKE_RESOURCES);
export const giveTakeSideSchema = z.enum(GIVE_TAKE_SIDES);
export const giveTakeLevelSchema = z.enum(GIVE_TAKE_LEVELS);

/** Everything `none`: an organisation without entries. */
export const EMPTY_GIVE_TAKE: GiveTake = Object.freeze(
  Object.fromEntries(
    GIVE_TAKE_RESOURCES.map((resource) => [resource, Object.freeze({ brings: 'none', takes: 'none' })]),
  ) as unknown as GiveTake,
);

/** One stored level, with the organisation, resource and side its key names. */
export interface StoredGiveTake {
  readonly organisationId: OrganisationId;
  readonly resource: GiveTakeResource;
  readonly side: GiveTakeSide;
  readonly level: GiveTakeLevel;
}

const report = reporters('giveTake', ['key', 'level']);

/** The give-and-take entry stored under `key`, or null (reported) when its key or level is unusable. */
export function repairGiveTakeEntry(key: string, value: unknown): StoredGiveTake | null {
  const ids = splitEntryKey(key);
  const [resource, side] = ids ? ids[1].split('.') : [];
  if (
    ids === null ||
    !(GIVE_TAKE_RESOURCES as readonly unknown[]).includes(resource) ||
    !(GIVE_TAKE_SIDES as readonly unknown[]).includes(side)
  ) {
    report.key('unknown, skipped');
    return null;
  }
  if (typeof value !== 'string' || !(GIVE_TAKE_LEVELS as readonly string[]).includes(value)) {
    report.level('unknown, skipped', value);
    return null;
  }
  return {
    organisationId: ids[0] as OrganisationId,
    resource: resource as GiveTakeResource,
    side: side as GiveTakeSide,
    level: value as GiveTakeLevel,
  };
}
