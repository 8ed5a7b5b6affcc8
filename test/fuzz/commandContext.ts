import type { Author, BoardSnapshot, Position, refusalReason, Scorer } from '@interplay/shared';
import { shortId } from './CommandLog.ts';
import type { Command } from './FuzzClient.ts';
import type { Random } from './random.ts';

/** What a command generator may look at: the client's own copy of the board and its identity. */
export interface CommandContext {
  readonly board: BoardSnapshot;
  readonly random: Random;
  readonly author: Author;
  readonly scorer: Scorer;
  /** Threads the fuzz keeps for markers: commands never resolve, delete, move or edit them. */
  readonly markerThreads: ReadonlySet<string>;
  /** Names new things, e.g. `p2.7`, so the log and a diff show who made what. */
  readonly tag: string;
  /** Whether deleting (entities, threads) is part of this run. */
  readonly deletes: boolean;
}

/** The permission a command needs on the server (the page disables it otherwise), as `refusalReason` names it. */
export type Need = Parameters<typeof refusalReason>[2];

/** A kind of command: how often it is picked, what it needs, and how to make one (null: no target). */
export interface CommandKind {
  readonly name: string;
  readonly weight: number;
  readonly needs: Need;
  readonly make: (ctx: CommandContext) => Command | null;
}

/** A position on a realistic map: a few thousand units across, whole numbers. */
export function randomPosition(random: Random): Position {
  return { x: random.between(-2000, 2000), y: random.between(-1500, 1500) };
}

export function formatPosition(p: Position): string {
  return `(${p.x},${p.y})`;
}

/** Ids of one map of the snapshot, in the snapshot's (sorted) order. */
export function idsOf<K extends string>(map: ReadonlyMap<K, unknown>): K[] {
  return [...map.keys()];
}

/** Organisation and person ids together (project members and relationship ends). */
export function nodeIds(board: BoardSnapshot): string[] {
  return [...board.organisations.keys(), ...board.people.keys()];
}

/** `org:1a2b3c`, `per:…`, `prj:…`, `rel:…` or `thr:…`: which kind of thing an id is, for the log. */
export function label(board: BoardSnapshot, id: string): string {
  const kind = board.organisations.has(id as never)
    ? 'org'
    : board.people.has(id as never)
      ? 'per'
      : board.projects.has(id as never)
        ? 'prj'
        : board.relationships.has(id as never)
          ? 'rel'
          : board.annotations.has(id as never)
            ? 'thr'
            : '?';
  return `${kind}:${shortId(id)}`;
}
