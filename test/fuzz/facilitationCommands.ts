/**
 * Comments, health checks and give and take. Marker threads are never touched here:
 * they must stay open and whole to the end.
 */
import {
  addThread,
  clearHealthScore,
  deleteThread,
  editMessage,
  moveNote,
  reopenThread,
  replyToThread,
  resolveThread,
  scoreHealth,
  setGiveTake,
  GIVE_TAKE_LEVELS,
  GIVE_TAKE_RESOURCES,
  GIVE_TAKE_SIDES,
  HEALTH_DIMENSIONS,
} from '@interplay/shared';
import type { OrganisationId, RelationshipId, Thread, ThreadId } from '@interplay/shared';
import type { CommandContext, CommandKind } from './commandContext.ts';
import { formatPosition, idsOf, label, randomPosition } from './commandContext.ts';
import type { Command } from './FuzzClient.ts';

/** Threads other than the marker threads, the ones commands may change. */
export function ordinaryThreads({ board, markerThreads }: CommandContext): Thread[] {
  return [...board.annotations.values()].filter((t) => !markerThreads.has(t.id));
}

function startThread(ctx: CommandContext): Command | null {
  const { board, random, author, tag } = ctx;
  const targets = [
    ...idsOf(board.organisations),
    ...idsOf(board.people),
    ...idsOf(board.projects),
    ...idsOf(board.relationships),
  ];
  const target = random.chance(0.7) ? random.pick(targets) : undefined;
  if (target !== undefined) {
    return {
      label: `addThread on ${label(board, target)}`,
      run: (doc) => addThread(doc, { target, author, text: `comment ${tag}` }),
    };
  }
  const position = randomPosition(random);
  return {
    label: `addThread note ${formatPosition(position)}`,
    run: (doc) => addThread(doc, { position, author, text: `note ${tag}` }),
  };
}

function reply(ctx: CommandContext): Command | null {
  const thread = ctx.random.pick(ordinaryThreads(ctx));
  if (thread === undefined) return null;
  return {
    label: `replyToThread ${label(ctx.board, thread.id)}`,
    run: (doc) => replyToThread(doc, thread.id, { author: ctx.author, text: `reply ${ctx.tag}` }),
  };
}

/** Resolve, reopen, delete, edit a message of or move one ordinary thread. */
export function changeThread(ctx: CommandContext, thread: Thread): Command {
  const { board, random, author, tag } = ctx;
  const id = thread.id as ThreadId;
  const what = random.weighted({
    resolve: 3,
    reopen: 1,
    delete: ctx.deletes ? 2 : 0,
    edit: 1,
    move: thread.target ? 0 : 1,
  });
  const name = label(board, id);
  const message = random.pick(thread.messages);
  switch (what) {
    case 'resolve':
      return { label: `resolveThread ${name}`, run: (doc) => resolveThread(doc, id, author) };
    case 'reopen':
      return { label: `reopenThread ${name}`, run: (doc) => reopenThread(doc, id) };
    case 'delete':
      return { label: `deleteThread ${name}`, run: (doc) => deleteThread(doc, id) };
    case 'move': {
      const position = randomPosition(random);
      return {
        label: `moveNote ${name} ${formatPosition(position)}`,
        run: (doc) => moveNote(doc, id, position),
      };
    }
    case 'edit':
      if (message === undefined)
        return { label: `reopenThread ${name}`, run: (doc) => reopenThread(doc, id) };
      return {
        label: `editMessage ${name}`,
        run: (doc) => editMessage(doc, id, message.id, `edited ${tag}`),
      };
  }
}

function threadChange(ctx: CommandContext): Command | null {
  const thread = ctx.random.pick(ordinaryThreads(ctx));
  return thread === undefined ? null : changeThread(ctx, thread);
}

/** One dimension of a relationship's health check, scored 1–10 (or, rarely, cleared). */
export function scoreRelationship(ctx: CommandContext, id: RelationshipId): Command {
  const { board, random, scorer } = ctx;
  const dimension = random.pick(HEALTH_DIMENSIONS)!;
  if (random.chance(0.1)) {
    return {
      label: `clearHealthScore ${label(board, id)} ${scorer.id}`,
      run: (doc) => clearHealthScore(doc, id, scorer.id, random.chance(0.5) ? dimension : undefined),
    };
  }
  const value = random.between(1, 10);
  return {
    label: `scoreHealth ${label(board, id)} ${scorer.id} ${dimension}=${value}`,
    run: (doc) => scoreHealth(doc, id, scorer, dimension, value),
  };
}

function score(ctx: CommandContext): Command | null {
  const id = ctx.random.pick(idsOf(ctx.board.relationships)) as RelationshipId | undefined;
  return id === undefined ? null : scoreRelationship(ctx, id);
}

function giveTake({ board, random }: CommandContext): Command | null {
  const id = random.pick(idsOf(board.organisations)) as OrganisationId | undefined;
  if (id === undefined) return null;
  const resource = random.pick(GIVE_TAKE_RESOURCES)!;
  const side = random.pick(GIVE_TAKE_SIDES)!;
  const level = random.pick(GIVE_TAKE_LEVELS)!;
  return {
    label: `setGiveTake ${label(board, id)} ${resource}.${side}=${level}`,
    run: (doc) => setGiveTake(doc, id, resource, side, level),
  };
}

/** The facilitation commands, with how often a participant uses each. */
export const FACILITATION_COMMANDS: readonly CommandKind[] = [
  { name: 'addThread', weight: 3, needs: 'comment', make: startThread },
  { name: 'replyToThread', weight: 3, needs: 'comment', make: reply },
  { name: 'changeThread', weight: 3, needs: 'comment', make: threadChange },
  { name: 'scoreHealth', weight: 5, needs: 'score', make: score },
  { name: 'setGiveTake', weight: 3, needs: 'score', make: giveTake },
];
