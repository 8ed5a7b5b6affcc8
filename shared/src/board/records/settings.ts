/**
 * The board's settings record: what `updateSettings` accepts, the defaults, and how the reader repairs what
 * is stored. Reading, observing and changing them in a document is `commands/settings.ts`.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { PHASES } from '../types.ts';
import type { BoardSettings } from '../types.ts';
import { oneOf, repairBoolean, reporters } from './fields.ts';
import type { Report } from './fields.ts';

/** Six months: a relationship not checked for longer is flagged for maintenance. */
export const DEFAULT_STALE_AFTER_DAYS = 182;
export const MAX_STALE_AFTER_DAYS = 3650;

export const phaseSchema = z.enum(PHASES);
export const staleAfterDaysSchema = z.number().int('a whole number of days').min(1).max(MAX_STALE_AFTER_DAYS);
export const settingsSchema = z.strictObject({
  layoutLocked: z.boolean(),
  boardLocked: z.boolean(),
  phase: phaseSchema,
  staleAfterDays: staleAfterDaysSchema,
  viewersMayComment: z.boolean(),
});

export const DEFAULT_SETTINGS: BoardSettings = Object.freeze({
  layoutLocked: false,
  boardLocked: false,
  phase: 'open',
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  viewersMayComment: false,
});

const report = reporters('settings', [
  'layoutLocked',
  'boardLocked',
  'phase',
  'staleAfterDays',
  'viewersMayComment',
]);
const repairPhase = oneOf(PHASES, 'open');

function repairStaleAfterDays(value: unknown, reportDays: Report): number {
  if (staleAfterDaysSchema.safeParse(value).success) return value as number;
  reportDays('invalid', value);
  return DEFAULT_STALE_AFTER_DAYS;
}

/** The settings stored in `map` (null: the root is not a map); defaults for anything missing or invalid. */
export function repairSettings(map: Y.Map<unknown> | null): BoardSettings {
  if (map === null) return DEFAULT_SETTINGS;
  // A missing setting takes its default silently: boards start with no settings stored.
  const phase = map.get('phase');
  const days = map.get('staleAfterDays');
  return {
    layoutLocked: repairBoolean(map.get('layoutLocked'), false, report.layoutLocked),
    boardLocked: repairBoolean(map.get('boardLocked'), false, report.boardLocked),
    phase: phase === undefined ? DEFAULT_SETTINGS.phase : repairPhase(phase, report.phase),
    staleAfterDays:
      days === undefined ? DEFAULT_STALE_AFTER_DAYS : repairStaleAfterDays(days, report.staleAfterDays),
    viewersMayComment: repairBoolean(map.get('viewersMayComment'), false, report.viewersMayComment),
  };
}

/** Whether two settings say the same, so a re-read that changed nothing keeps the old object. */
export function sameSettings(a: BoardSettings, b: BoardSettings): boolean {
  return (
    a.layoutLocked === b.layoutLocked &&
    a.boardLocked === b.boardLocked &&
    a.phase === b.phase &&
    a.staleAfterDays === b.staleAfterDays &&
    a.viewersMayComment === b.viewersMayComment
  );
}
