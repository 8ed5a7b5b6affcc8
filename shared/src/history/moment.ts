/**
 * Moments: the board's timeline. A moment is named by the facilitator (or proposed by a participant and
 * confirmed by the facilitator); an event is a moment that marks something that happened rather than a map
 * change; a checkpoint is one the server took by itself. Each refers to the board's state when it was
 * recorded. This is the shape the HTTP API sends and the page reads.
 */

export const MOMENT_KINDS = ['moment', 'event', 'checkpoint'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export const MOMENT_STATUSES = ['confirmed', 'proposed'] as const;
export type MomentStatus = (typeof MOMENT_STATUSES)[number];

/** Why the server took a checkpoint: a session ended, a stretch of activity, just before a restore or a large delete. */
export const CHECKPOINT_TRIGGERS = ['sessionEnd', 'activity', 'beforeRestore', 'beforeDelete'] as const;
export type CheckpointTrigger = (typeof CHECKPOINT_TRIGGERS)[number];

export const MAX_MOMENT_TITLE_LENGTH = 200;
export const MAX_MOMENT_DESCRIPTION_LENGTH = 2000;

export interface Moment {
  readonly id: string;
  readonly kind: MomentKind;
  readonly status: MomentStatus;
  /** Empty for a checkpoint (the page names it by its trigger). */
  readonly title: string;
  readonly description: string;
  /** When it happened (ISO date-time): now, or a date the facilitator gave for an event. */
  readonly at: string;
  /** When it was recorded (ISO date-time); the board's state is the one of this time. */
  readonly recordedAt: string;
  readonly trigger: CheckpointTrigger | null;
  /** The name a participant gave when proposing it; null otherwise. */
  readonly proposedBy: string | null;
}

/** What a request to name or propose a moment may set. */
export interface MomentInput {
  readonly kind: 'moment' | 'event';
  readonly title: string;
  readonly description: string;
  /** ISO date-time, or null for now. */
  readonly at: string | null;
  readonly proposedBy: string | null;
}

export type MomentInputResult = { ok: true; value: MomentInput } | { ok: false; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date (`2026-03-12`, taken as noon UTC so it is that day everywhere) or date-time; null if neither. */
export function parseMomentDate(value: string): string | null {
  const text = DATE_ONLY.test(value) ? `${value}T12:00:00.000Z` : value;
  const time = Date.parse(text);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const year = new Date(time).getUTCFullYear();
  return year < 1900 || year > 2200 ? null : new Date(time).toISOString();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates the body of `POST …/moments` (and of a proposal); says what is wrong in one sentence. */
export function parseMomentInput(body: unknown): MomentInputResult {
  if (!isRecord(body)) return { ok: false, message: 'Send a JSON object: { "title": "…" }.' };
  const { title, description = '', at = null, kind = 'moment', proposedBy = null } = body;
  if (typeof title !== 'string' || title.trim() === '')
    return { ok: false, message: 'A moment needs a title: send { "title": "…" }.' };
  if (title.length > MAX_MOMENT_TITLE_LENGTH)
    return { ok: false, message: `A title may have at most ${MAX_MOMENT_TITLE_LENGTH} characters.` };
  if (typeof description !== 'string' || description.length > MAX_MOMENT_DESCRIPTION_LENGTH)
    return {
      ok: false,
      message: `"description" must be text of at most ${MAX_MOMENT_DESCRIPTION_LENGTH} characters.`,
    };
  if (kind !== 'moment' && kind !== 'event')
    return { ok: false, message: '"kind" must be "moment" or "event".' };
  let when: string | null = null;
  if (at !== null) {
    when = typeof at === 'string' ? parseMomentDate(at) : null;
    if (when === null) return { ok: false, message: '"at" must be a date such as "2026-03-12".' };
  }
  if (proposedBy !== null && (typeof proposedBy !== 'string' || proposedBy.length > MAX_MOMENT_TITLE_LENGTH))
    return { ok: false, message: '"proposedBy" must be a name.' };
  return {
    ok: true,
    value: {
      kind,
      title: title.trim(),
      description: description.trim(),
      at: when,
      proposedBy: typeof proposedBy === 'string' && proposedBy.trim() !== '' ? proposedBy.trim() : null,
    },
  };
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/** A moment as the API sent it, checked field by field; null when it is not one. */
export function readMoment(value: unknown): Moment | null {
  if (!isRecord(value)) return null;
  const { id, kind, status, title, description, at, recordedAt, trigger, proposedBy } = value;
  if (typeof id !== 'string' || !oneOf(MOMENT_KINDS, kind) || !oneOf(MOMENT_STATUSES, status)) return null;
  if (typeof title !== 'string' || typeof description !== 'string') return null;
  if (typeof at !== 'string' || typeof recordedAt !== 'string') return null;
  if (trigger !== null && !oneOf(CHECKPOINT_TRIGGERS, trigger)) return null;
  if (proposedBy !== null && typeof proposedBy !== 'string') return null;
  return { id, kind, status, title, description, at, recordedAt, trigger, proposedBy };
}

/** The timeline's order: by when it happened, then by when it was recorded. */
export function byTimelineOrder(a: Moment, b: Moment): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
}

/**
 * A moment as an anonymised timeline shows it (`board/anonymise.ts` is the rule for the board): no proposer,
 * and `scrub` (a `nameScrubber`) applied to its title and description.
 */
export function anonymiseMoment(moment: Moment, scrub: (text: string) => string): Moment {
  return { ...moment, title: scrub(moment.title), description: scrub(moment.description), proposedBy: null };
}
