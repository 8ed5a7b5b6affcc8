import * as Y from 'yjs';
import { z } from 'zod';
import { MESSAGES_KEY, rootMap } from '../document.ts';
import { idSchema, parseInput, positionSchema, timestampSchema } from '../records/fields.ts';
import { authorSchema, messageTextSchema } from '../records/thread.ts';
import type { Author, MessageId, Position, ThreadId } from '../types.ts';
import { assertId, setField, storedEntityKind, transactLocal } from './write.ts';

import { isGeneratedIdFormat, randomUuid as randomId } from '../ids.ts';

/** A thread on an entity (`target`: an organisation, person, project or relationship id) or a free note (`position`). */
export type NewThread = (
  { target: string; position?: undefined } | { position: Position; target?: undefined }
) & {
  /** Keep this thread id (an import); must look like a generated id and be unused. Default: a fresh one. */
  id?: string;
  /** Keep this id for the first message (an import); same rules. Default: a fresh one. */
  messageId?: string;
  author: Author;
  /** The first message. */
  text: string;
  /** Milliseconds since the epoch; defaults to now. */
  at?: number;
};

export interface NewReply {
  /** Keep this message id (an import); must look like a generated id and be unused in the thread. */
  id?: string;
  author: Author;
  text: string;
  at?: number;
}

const newThreadSchema = z
  .strictObject({
    id: idSchema.optional(),
    messageId: idSchema.optional(),
    target: idSchema.optional(),
    position: positionSchema.optional(),
    author: authorSchema,
    text: messageTextSchema,
    at: timestampSchema.optional(),
  })
  .refine(
    (t) => (t.target === undefined) !== (t.position === undefined),
    'exactly one of target and position',
  );
const replySchema = z.strictObject({
  id: idSchema.optional(),
  author: authorSchema,
  text: messageTextSchema,
  at: timestampSchema.optional(),
});

/** A requested id (an import keeping its file's ids) must have the generated format; else a fresh one. */
function requestedId(command: string, requested: string | undefined, taken: (id: string) => boolean): string {
  if (requested === undefined) return randomId();
  if (!isGeneratedIdFormat(requested)) {
    throw new Error(
      `${command}: id must be a lower-case UUID like the ones the board generates, got ${JSON.stringify(requested)}`,
    );
  }
  if (taken(requested)) throw new Error(`${command}: id ${JSON.stringify(requested)} is already used`);
  return requested;
}

function threadMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = rootMap(doc, 'annotations').get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/**
 * Start a thread with its first message. Throws on invalid input, or when the
 * target entity does not exist.
 */
export function addThread(doc: Y.Doc, input: NewThread): ThreadId {
  const t = parseInput('addThread', newThreadSchema, input);
  if (t.target !== undefined && storedEntityKind(doc, t.target) === null) {
    throw new Error(
      `addThread: ${JSON.stringify(t.target)} is not an existing organisation, person, project or relationship`,
    );
  }
  const at = t.at ?? Date.now();
  const id = requestedId(
    'addThread',
    t.id,
    (key) => rootMap(doc, 'annotations').has(key) || storedEntityKind(doc, key) !== null,
  ) as ThreadId;
  const firstId = requestedId('addThread', t.messageId, () => false);
  transactLocal(doc, () => {
    const map = new Y.Map<unknown>();
    rootMap(doc, 'annotations').set(id, map);
    map.set('target', t.target ?? null);
    map.set('position', t.position ?? null);
    map.set('createdAt', at);
    map.set('author', t.author);
    map.set('resolved', false);
    const messages = new Y.Map<unknown>();
    map.set(MESSAGES_KEY, messages);
    messages.set(firstId, { author: t.author, text: t.text, createdAt: at });
  });
  return id;
}

/** Add a reply. @returns its id, or null when the thread does not exist. */
export function replyToThread(doc: Y.Doc, threadId: ThreadId, input: NewReply): MessageId | null {
  assertId('replyToThread', threadId);
  const r = parseInput('replyToThread', replySchema, input);
  const id = requestedId('replyToThread', r.id, (key) => {
    const messages = threadMap(doc, threadId)?.get(MESSAGES_KEY);
    return messages instanceof Y.Map && messages.has(key);
  }) as MessageId;
  return transactLocal(doc, () => {
    const map = threadMap(doc, threadId);
    if (!map) return null;
    let messages = map.get(MESSAGES_KEY);
    if (!(messages instanceof Y.Map)) {
      messages = new Y.Map<unknown>();
      map.set(MESSAGES_KEY, messages);
    }
    (messages as Y.Map<unknown>).set(id, { author: r.author, text: r.text, createdAt: r.at ?? Date.now() });
    return id;
  });
}

/** Mark a thread resolved by `by`. @returns false when it does not exist. */
export function resolveThread(doc: Y.Doc, threadId: ThreadId, by: Author, at?: number): boolean {
  assertId('resolveThread', threadId);
  const author = parseInput('resolveThread', authorSchema, by);
  const when = parseInput('resolveThread', timestampSchema.optional(), at) ?? Date.now();
  return transactLocal(doc, () => {
    const map = threadMap(doc, threadId);
    if (!map) return false;
    setField(map, 'resolved', true);
    setField(map, 'resolvedBy', author);
    setField(map, 'resolvedAt', when);
    return true;
  });
}

/** Reopen a resolved thread. @returns false when it does not exist. */
export function reopenThread(doc: Y.Doc, threadId: ThreadId): boolean {
  assertId('reopenThread', threadId);
  return transactLocal(doc, () => {
    const map = threadMap(doc, threadId);
    if (!map) return false;
    setField(map, 'resolved', false);
    setField(map, 'resolvedBy', null);
    setField(map, 'resolvedAt', null);
    return true;
  });
}

/** Move a free note (threads on entities have no position). @returns false when it is not a free note. */
export function moveNote(doc: Y.Doc, threadId: ThreadId, position: Position): boolean {
  assertId('moveNote', threadId);
  const where = parseInput('moveNote', positionSchema, position);
  return transactLocal(doc, () => {
    const map = threadMap(doc, threadId);
    if (!map || typeof map.get('target') === 'string') return false;
    setField(map, 'position', where);
    return true;
  });
}

/** Replace a message's text (keeps author and time). @returns false when it does not exist. */
export function editMessage(doc: Y.Doc, threadId: ThreadId, messageId: MessageId, text: string): boolean {
  assertId('editMessage', threadId);
  assertId('editMessage', messageId, 'messageId');
  const newText = parseInput('editMessage', messageTextSchema, text);
  return transactLocal(doc, () => {
    const messages = threadMap(doc, threadId)?.get(MESSAGES_KEY);
    if (!(messages instanceof Y.Map)) return false;
    const old: unknown = messages.get(messageId);
    if (typeof old !== 'object' || old === null || old instanceof Y.AbstractType) return false;
    if ((old as { text?: unknown }).text !== newText) messages.set(messageId, { ...old, text: newText });
    return true;
  });
}

/** Delete a whole thread. @returns false when it does not exist. */
export function deleteThread(doc: Y.Doc, threadId: ThreadId): boolean {
  assertId('deleteThread', threadId);
  return transactLocal(doc, () => {
    const annotations = rootMap(doc, 'annotations');
    if (!annotations.has(threadId)) return false;
    annotations.delete(threadId);
    return true;
  });
}
