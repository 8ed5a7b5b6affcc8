/**
 * The annotation thread record (a comment thread on an entity, or a free note on the map) and its
 * messages: what commands accept, and how the reader repairs what is stored. Messages are plain values in a
 * nested map keyed by message id (`MESSAGES_KEY`), so concurrent replies merge.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { MESSAGES_KEY } from '../document.ts';
import { isPlausibleId } from '../ids.ts';
import type { AnnotationMessage, Author, MessageId, Position, Thread, ThreadId } from '../types.ts';
import {
  MAX_COORDINATE,
  MAX_NOTES_LENGTH,
  colourSchema,
  isHexColour,
  repairBoolean,
  repairText,
  repairTime,
  reporter,
} from './fields.ts';
import type { Report } from './fields.ts';

/** Longest annotation message. */
export const MAX_MESSAGE_LENGTH = MAX_NOTES_LENGTH;
/** Longest author or scorer display name. */
export const MAX_AUTHOR_NAME_LENGTH = 100;
/** An author whose stored colour is broken is drawn in this grey. */
const FALLBACK_AUTHOR_COLOUR = '#888888';

export const authorSchema = z
  .strictObject({
    name: z.string().max(MAX_AUTHOR_NAME_LENGTH),
    colour: colourSchema,
  })
  .transform(({ name, colour }) => ({ name, colour }));
export const messageTextSchema = z
  .string()
  .min(1, 'not empty')
  .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`);

const report = {
  target: reporter('thread', 'target'),
  anchor: reporter('thread', 'anchor'),
  position: reporter('thread', 'position'),
  messages: reporter('thread', 'messages'),
  createdAt: reporter('thread', 'createdAt'),
  resolved: reporter('thread', 'resolved'),
  resolvedAt: reporter('thread', 'resolvedAt'),
  message: reporter('thread', 'message'),
  messageText: reporter('thread', 'message.text'),
  messageCreatedAt: reporter('thread', 'message.createdAt'),
};

interface AuthorReport {
  readonly name: Report;
  readonly colour: Report;
}

function authorReporters(where: string): AuthorReport {
  return { name: reporter('thread', `${where}.name`), colour: reporter('thread', `${where}.colour`) };
}
const authorReport = {
  author: authorReporters('author'),
  resolvedBy: authorReporters('resolvedBy'),
  message: authorReporters('message.author'),
};

function repairAuthor(value: unknown, reportAuthor: AuthorReport): Author {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as {
    name?: unknown;
    colour?: unknown;
  };
  const colourOk = isHexColour(raw.colour);
  if (!colourOk) reportAuthor.colour('invalid');
  return {
    name: repairText(raw.name, MAX_AUTHOR_NAME_LENGTH, reportAuthor.name),
    colour: colourOk ? (raw.colour as string).toLowerCase() : FALLBACK_AUTHOR_COLOUR,
  };
}

/** A free note's place, clamped; null for a thread on an entity. */
function repairNotePosition(value: unknown): Position | null {
  if (value === null || value === undefined) return null;
  const raw = (typeof value === 'object' ? value : {}) as { x?: unknown; y?: unknown };
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!ok(raw.x) || !ok(raw.y)) {
    report.position('not finite numbers');
    return { x: 0, y: 0 };
  }
  const clamp = (v: number): number => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v));
  return { x: clamp(raw.x), y: clamp(raw.y) };
}

function repairMessage(id: string, value: unknown): AnnotationMessage | null {
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType || !isPlausibleId(id)) {
    report.message('not an object or bad id, skipped');
    return null;
  }
  const raw = value as { author?: unknown; text?: unknown; createdAt?: unknown };
  return {
    id: id as MessageId,
    author: repairAuthor(raw.author, authorReport.message),
    text: repairText(raw.text, MAX_MESSAGE_LENGTH, report.messageText),
    createdAt: repairTime(raw.createdAt, report.messageCreatedAt),
  };
}

/** Oldest first, then by id, so every client shows the same order. */
function repairMessages(stored: unknown): AnnotationMessage[] {
  const messages: AnnotationMessage[] = [];
  if (stored instanceof Y.Map) {
    for (const [messageId, value] of stored.entries()) {
      const m = repairMessage(messageId, value);
      if (m) messages.push(m);
    }
  } else if (stored !== undefined) {
    report.messages('invalid', stored);
  }
  return messages.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The thread stored in `map`, not yet checked for an orphaned target (`readFacilitation.ts` does that). */
export function repairThread(id: string, map: Y.Map<unknown>): Thread {
  const rawTarget = map.get('target');
  const target = typeof rawTarget === 'string' && isPlausibleId(rawTarget) ? rawTarget : null;
  if (rawTarget !== undefined && rawTarget !== null && target === null) report.target('invalid', rawTarget);
  let where = target === null ? repairNotePosition(map.get('position')) : null;
  if (target === null && where === null) {
    report.anchor('neither a target nor a position');
    where = { x: 0, y: 0 };
  }
  const resolved = repairBoolean(map.get('resolved'), false, report.resolved);
  return {
    id: id as ThreadId,
    target,
    position: where,
    createdAt: repairTime(map.get('createdAt'), report.createdAt),
    author: repairAuthor(map.get('author'), authorReport.author),
    resolved,
    resolvedBy:
      resolved && map.get('resolvedBy') != null
        ? repairAuthor(map.get('resolvedBy'), authorReport.resolvedBy)
        : null,
    resolvedAt:
      resolved && map.get('resolvedAt') != null ? repairTime(map.get('resolvedAt'), report.resolvedAt) : null,
    messages: repairMessages(map.get(MESSAGES_KEY)),
    orphaned: false,
  };
}
