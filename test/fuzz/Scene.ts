import type { BoardRole, ScorerId } from '@interplay/shared';
import { randomDevice } from '../support/syncClient.ts';
import type { CreatedBoard } from '../support/syncClient.ts';
import { CommandLog } from './CommandLog.ts';
import type { CommandContext } from './commandContext.ts';
import { FACILITATION_COMMANDS } from './facilitationCommands.ts';
import { FuzzClient } from './FuzzClient.ts';
import type { Command } from './FuzzClient.ts';
import type { FuzzServer } from './FuzzServer.ts';
import { pickCommand } from './pickCommand.ts';
import type { Random } from './random.ts';
import type { SettingsFeatures } from './settingsCommands.ts';

/** What a run exercises; each can be switched off to tell which part a failure needs. */
export interface FuzzFeatures extends SettingsFeatures {
  offline: boolean;
  kills: boolean;
  conflicts: boolean;
  /** Participants that now and then ignore what their page would allow (a modified page). */
  hostile: boolean;
  /** The same for viewers. */
  hostileViewers: boolean;
  /** Deleting entities and threads, so edits race with deletes of what they edit. */
  deletes: boolean;
}

export const ALL_FEATURES: FuzzFeatures = {
  locks: true,
  phases: true,
  viewers: true,
  offline: true,
  kills: true,
  conflicts: true,
  hostile: true,
  hostileViewers: true,
  deletes: true,
};

/** How often a participant's command ignores its own copy of the permissions. */
const HOSTILE_SHARE = 0.1;
const COMMENT_KINDS = FACILITATION_COMMANDS.filter((k) => k.needs === 'comment');

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One seed's cast: the board, its clients (one facilitator, participants, maybe
 * viewers), the marker threads, the log, and how each client chooses what to do.
 */
export class Scene {
  readonly log = new CommandLog();
  readonly clients: FuzzClient[] = [];
  readonly markerThreads = new Set<string>();
  private readonly tags = new Map<FuzzClient, number>();

  constructor(
    readonly server: FuzzServer,
    readonly board: CreatedBoard,
    readonly random: Random,
    readonly features: FuzzFeatures,
  ) {}

  get facilitator(): FuzzClient {
    return this.clients[0]!;
  }

  get participants(): FuzzClient[] {
    return this.clients.filter((c) => c.role === 'editor');
  }

  /** Connects 5–8 clients: the facilitator first, one or two viewers in some seeds, participants for the rest. */
  connectClients(): void {
    const count = this.random.between(5, 8);
    const viewers = this.features.viewers && this.random.chance(0.5) ? this.random.between(1, 2) : 0;
    // Now and then a participant has the board open in two tabs: one device and scorer, two Yjs clients.
    const twoTabs = this.random.chance(0.15);
    for (let i = 0; i < count; i += 1) {
      const role: BoardRole = i === 0 ? 'facilitator' : i > count - 1 - viewers ? 'viewer' : 'editor';
      const name = `${role === 'facilitator' ? 'f' : role === 'viewer' ? 'v' : 'p'}${i}`;
      const firstTab = twoTabs && i === 2 ? this.clients[1] : undefined;
      const key = this.board.keys[role === 'editor' ? 'edit' : role === 'viewer' ? 'view' : 'facilitator'];
      this.clients.push(
        new FuzzClient(this.server.wsUrl, this.board.id, {
          name: firstTab === undefined ? name : `${name}=${firstTab.name}`,
          role,
          key,
          random: this.random.fork(),
          scorer: firstTab?.scorer ?? { id: `scorer-${name}` as ScorerId, name },
          device: firstTab?.device ?? randomDevice(),
          log: this.log,
        }),
      );
    }
    const roles = this.clients.map((c) => c.name).join(' ');
    this.log.add('fuzz', `board ${this.board.id.slice(0, 8)}, clients ${roles}`);
  }

  /** What `client` sees and who it is, for a command generator. */
  context(client: FuzzClient): CommandContext {
    const n = (this.tags.get(client) ?? 0) + 1;
    this.tags.set(client, n);
    return {
      board: client.board(),
      random: client.random,
      author: client.author,
      scorer: client.scorer,
      markerThreads: this.markerThreads,
      tag: `${client.name}.${n}`,
      deletes: this.features.deletes,
    };
  }

  /** One command of the client's own choosing, as its page (or, now and then, a modified page) would send. */
  act(client: FuzzClient): void {
    const command = this.choose(client);
    if (command !== null) client.perform(command);
  }

  private choose(client: FuzzClient): Command | null {
    const ctx = this.context(client);
    const hostile =
      (client.role === 'viewer' ? this.features.hostileViewers : this.features.hostile) &&
      client.random.chance(HOSTILE_SHARE);
    if (client.role === 'viewer') {
      if (hostile) return pickCommand(ctx, null, this.features);
      if (!client.may('comment', ctx.board)) return null;
      const kind = client.random.pick(COMMENT_KINDS)!;
      return kind.make(ctx);
    }
    return pickCommand(ctx, hostile ? null : (need) => client.may(need, ctx.board), this.features);
  }

  destroy(): void {
    for (const client of this.clients) client.destroy();
  }
}
