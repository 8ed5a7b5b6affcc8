/**
 * Lenient, repairing readers of the facilitation data (settings, threads,
 * health scores, give and take): whatever a client wrote becomes a valid value,
 * and each kind of problem is reported once. Whether a thread's target or a
 * score's relationship still exists is decided in `readFacilitation.ts`.
 */
import * as Y from 'yjs';
import { KEY_SEPARATOR, MESSAGES_KEY } from './document.ts';
import { isPlausibleId } from './ids.ts';
import { reportProblem } from './problems.ts';
import {
  DEFAULT_STALE_AFTER_DAYS,
  MAX_AUTHOR_NAME_LENGTH,
  MAX_COORDINATE,
  MAX_MESSAGE_LENGTH,
  MAX_STALE_AFTER_DAYS,
} from './schema.ts';
import {
  GIVE_TAKE_LEVELS,
  GIVE_TAKE_RESOURCES,
  GIVE_TAKE_SIDES,
  HEALTH_DIMENSIONS,
  MAX_HEALTH_SCORE,
  MIN_HEALTH_SCORE,
  PHASES,
} from './types.ts';
import type {
  AnnotationMessage,
  Author,
  BoardSettings,
  GiveTake,
  GiveTakeLevel,
  GiveTakeResource,
  GiveTakeSide,
  HealthDimension,
  HealthScore,
  MessageId,
  OrganisationId,
  Phase,
  Position,
  RelationshipId,
  Thread,
  ThreadId,
} from './types.ts';

export const DEFAULT_SETTINGS: BoardSettings = Object.freeze({
  layoutLocked: false,
  boardLocked: false,
  phase: 'open',
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  viewersMayComment: false,
});

function problem(code: string, message: string): void {
  reportProblem(code, `${message}; repaired`);
}

function bool(where: string, value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value !== undefined) problem(`${where}.invalid`, `${where}: not a boolean`);
  return fallback;
}

function text(where: string, value: unknown, max: number): string {
  if (typeof value !== 'string') {
    problem(`${where}.invalid`, `${where}: not a string`);
    return '';
  }
  if (value.length <= max) return value;
  problem(`${where}.tooLong`, `${where}: too long`);
  return value.slice(0, max);
}

function time(where: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 8.64e15) {
    return Math.round(value);
  }
  problem(`${where}.invalid`, `${where}: not a time`);
  return 0;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOUR = '#888888';

function author(where: string, value: unknown): Author {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as {
    name?: unknown;
    colour?: unknown;
  };
  const colour = typeof raw.colour === 'string' && COLOUR.test(raw.colour) ? raw.colour.toLowerCase() : null;
  if (colour === null) problem(`${where}.colour`, `${where}: bad colour`);
  return { name: text(`${where}.name`, raw.name, MAX_AUTHOR_NAME_LENGTH), colour: colour ?? FALLBACK_COLOUR };
}

function position(value: unknown): Position | null {
  if (value === null || value === undefined) return null;
  const raw = (typeof value === 'object' ? value : {}) as { x?: unknown; y?: unknown };
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!ok(raw.x) || !ok(raw.y)) {
    problem('thread.position.invalid', 'thread position: not finite numbers');
    return { x: 0, y: 0 };
  }
  const clamp = (v: number): number => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v));
  return { x: clamp(raw.x), y: clamp(raw.y) };
}

/** The board's settings; missing or invalid values fall back to the defaults. */
export function repairSettings(map: Y.Map<unknown> | null): BoardSettings {
  if (map === null) return DEFAULT_SETTINGS;
  const phase = map.get('phase');
  const days = map.get('staleAfterDays');
  const validPhase = typeof phase === 'string' && (PHASES as readonly string[]).includes(phase);
  if (phase !== undefined && !validPhase) problem('settings.phase.invalid', 'settings phase: unknown');
  const validDays =
    typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_STALE_AFTER_DAYS;
  if (days !== undefined && !validDays)
    problem('settings.staleAfterDays.invalid', 'settings staleAfterDays: invalid');
  return {
    layoutLocked: bool('settings.layoutLocked', map.get('layoutLocked'), false),
    boardLocked: bool('settings.boardLocked', map.get('boardLocked'), false),
    phase: validPhase ? (phase as Phase) : 'open',
    staleAfterDays: validDays ? days : DEFAULT_STALE_AFTER_DAYS,
    viewersMayComment: bool('settings.viewersMayComment', map.get('viewersMayComment'), false),
  };
}

function message(id: string, value: unknown): AnnotationMessage | null {
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType || !isPlausibleId(id)) {
    problem('thread.message.invalid', 'thread message: not an object or bad id; skipped');
    return null;
  }
  const raw = value as { author?: unknown; text?: unknown; createdAt?: unknown };
  return {
    id: id as MessageId,
    author: author('thread.message.author', raw.author),
    text: text('thread.message.text', raw.text, MAX_MESSAGE_LENGTH),
    createdAt: time('thread.message.createdAt', raw.createdAt),
  };
}

/** A thread as stored (not yet checked for an orphaned target). */
export function repairThread(id: string, map: Y.Map<unknown>): Thread {
  const rawTarget = map.get('target');
  const target = typeof rawTarget === 'string' && isPlausibleId(rawTarget) ? rawTarget : null;
  if (rawTarget !== undefined && rawTarget !== null && target === null) {
    problem('thread.target.invalid', 'thread target: not an id');
  }
  let where = target === null ? position(map.get('position')) : null;
  if (target === null && where === null) {
    problem('thread.anchor.missing', 'thread: neither a target nor a position');
    where = { x: 0, y: 0 };
  }
  const stored = map.get(MESSAGES_KEY);
  const messages: AnnotationMessage[] = [];
  if (stored instanceof Y.Map) {
    for (const [messageId, value] of stored.entries()) {
      const m = message(messageId, value);
      if (m) messages.push(m);
    }
  } else if (stored !== undefined) {
    problem('thread.messages.invalid', 'thread messages: not a map');
  }
  messages.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const resolved = bool('thread.resolved', map.get('resolved'), false);
  return {
    id: id as ThreadId,
    target,
    position: where,
    createdAt: time('thread.createdAt', map.get('createdAt')),
    author: author('thread.author', map.get('author')),
    resolved,
    resolvedBy:
      resolved && map.get('resolvedBy') != null ? author('thread.resolvedBy', map.get('resolvedBy')) : null,
    resolvedAt:
      resolved && map.get('resolvedAt') != null ? time('thread.resolvedAt', map.get('resolvedAt')) : null,
    messages,
    orphaned: false,
  };
}

/** One scorer's scores of one relationship, from the flat key `<relationship id>/<scorer id>`. */
export interface StoredHealthScore {
  readonly relationshipId: RelationshipId;
  readonly score: HealthScore;
}

function splitKey(key: string): [string, string] | null {
  const at = key.indexOf(KEY_SEPARATOR);
  if (at <= 0 || at === key.length - 1) return null;
  return [key.slice(0, at), key.slice(at + 1)];
}

/** A health entry, or null (reported) when its key or value is unusable. */
export function repairHealthEntry(key: string, value: unknown): StoredHealthScore | null {
  const ids = splitKey(key);
  if (!(value instanceof Y.Map) || ids === null) {
    problem('health.entry.invalid', 'health entry: not a map or bad key; skipped');
    return null;
  }
  const [relationshipId, scorerId] = ids;
  const scores: Partial<Record<HealthDimension, number>> = {};
  for (const dimension of HEALTH_DIMENSIONS) {
    const v: unknown = value.get(dimension);
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isFinite(v)) {
      const fixed = Math.min(MAX_HEALTH_SCORE, Math.max(MIN_HEALTH_SCORE, Math.round(v)));
      if (fixed !== v) problem('health.score.range', 'health score: out of range');
      scores[dimension] = fixed;
    } else {
      problem('health.score.invalid', 'health score: not a number; skipped');
    }
  }
  const updatedAt: unknown = value.get('updatedAt');
  const name: unknown = value.get('name');
  return {
    relationshipId: relationshipId as RelationshipId,
    score: {
      scorerId,
      name: name === undefined ? '' : text('health.name', name, MAX_AUTHOR_NAME_LENGTH),
      scores,
      updatedAt: updatedAt === undefined ? 0 : time('health.updatedAt', updatedAt),
    },
  };
}

/** Everything `none`: an organisation without entries. */
export const EMPTY_GIVE_TAKE: GiveTake = Object.freeze(
  Object.fromEntries(
    GIVE_TAKE_RESOURCES.map((resource) => [resource, Object.freeze({ brings: 'none', takes: 'none' })]),
  ) as unknown as GiveTake,
);

/** One give-and-take level, from the flat key `<organisation id>/<resource>.<side>`. */
export interface StoredGiveTake {
  readonly organisationId: OrganisationId;
  readonly resource: GiveTakeResource;
  readonly side: GiveTakeSide;
  readonly level: GiveTakeLevel;
}

/** A give-and-take entry, or null (reported) when its key or level is unusable. */
export function repairGiveTakeEntry(key: string, value: unknown): StoredGiveTake | null {
  const ids = splitKey(key);
  const [resource, side] = ids ? ids[1].split('.') : [];
  if (
    ids === null ||
    !(GIVE_TAKE_RESOURCES as readonly unknown[]).includes(resource) ||
    !(GIVE_TAKE_SIDES as readonly unknown[]).includes(side)
  ) {
    problem('giveTake.key.invalid', 'give and take entry: unknown key; skipped');
    return null;
  }
  if (typeof value !== 'string' || !(GIVE_TAKE_LEVELS as readonly string[]).includes(value)) {
    problem('giveTake.level.invalid', 'give and take level: unknown; skipped');
    return null;
  }
  return {
    organisationId: ids[0] as OrganisationId,
    resource: resource as GiveTakeResource,
    side: side as GiveTakeSide,
    level: value as GiveTakeLevel,
  };
}
