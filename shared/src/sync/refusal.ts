/**
 * What the server tells a page about the part of its update it did not apply. The server applies
 * every update and reverts only the forbidden part as its own edit (see `guardUpdate`), then sends
 * the sender one of these so the page can say, in words, what was not applied and why.
 *
 * Wire form: the y-protocols auth "permission denied" message whose reason is
 * `update refused: ` followed by the JSON of a {@link RefusalNotice}.
 */
import type { RefusalReason } from '../board/permissions.ts';

/** What the refused change would have done. */
export const REFUSED_ACTIONS = ['add', 'edit', 'move', 'delete', 'comment', 'score', 'settings'] as const;
export type RefusedAction = (typeof REFUSED_ACTIONS)[number];

/** What a refused change was about. */
export const REFUSED_SUBJECTS = [
  'organisation',
  'person',
  'project',
  'relationship',
  'comment',
  'healthCheck',
  'giveTake',
  'settings',
  'board',
] as const;
export type RefusedSubject = (typeof REFUSED_SUBJECTS)[number];

export interface RefusedChange {
  action: RefusedAction;
  subject: RefusedSubject;
  reason: RefusalReason;
  /** The entity's id, when the change was about one. */
  id?: string;
  /** The entity's name as the board knew it, for the message ("ROC Mondriaan"). */
  name?: string;
}

export interface RefusalNotice {
  changes: RefusedChange[];
}

const PREFIX = 'update refused: ';
/** A notice lists at most this many changes; a page says "and n more" from `total`. */
export const MAX_LISTED_CHANGES = 20;
const MAX_NAME = 120;

const REASONS: readonly RefusalReason[] = [
  'viewer',
  'boardLocked',
  'layoutLocked',
  'phase',
  'facilitatorOnly',
  'purged',
];

export function encodeRefusal(changes: readonly RefusedChange[]): string {
  const listed = changes.slice(0, MAX_LISTED_CHANGES).map((change) => ({
    ...change,
    ...(change.name === undefined ? {} : { name: change.name.slice(0, MAX_NAME) }),
  }));
  return PREFIX + JSON.stringify({ changes: listed, total: changes.length });
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function readChange(value: unknown): RefusedChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const { action, subject, reason, id, name } = value as Record<string, unknown>;
  if (!isOneOf(REFUSED_ACTIONS, action) || !isOneOf(REFUSED_SUBJECTS, subject) || !isOneOf(REASONS, reason)) {
    return null;
  }
  return {
    action,
    subject,
    reason,
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof name === 'string' && name.trim() !== '' ? { name: name.slice(0, MAX_NAME) } : {}),
  };
}

/**
 * The notice in a permission-denied reason, or null when the text is not one (an older server's
 * reason, or anything else): the page then shows a general explanation.
 */
export function parseRefusal(text: string): (RefusalNotice & { total: number }) | null {
  if (!text.startsWith(PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(PREFIX.length));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { changes, total } = parsed as Record<string, unknown>;
  if (!Array.isArray(changes)) return null;
  const read = changes.map(readChange).filter((c): c is RefusedChange => c !== null);
  const count =
    typeof total === 'number' && Number.isInteger(total) && total >= read.length ? total : read.length;
  return { changes: read, total: count };
}
