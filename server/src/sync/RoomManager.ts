import type { BoardRole as Role } from '@interplay/shared';
import type { RoomBus } from '../bus/RoomBus.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { Room } from './Room.ts';

/** A claim on a loaded room; `release` exactly once when the connection ends. */
export interface RoomLease {
  room: Room;
  release(): void;
}

interface Entry {
  room: Room;
  ready: Promise<void>;
  leases: number;
  idleTimer: NodeJS.Timeout | null;
  closing: Promise<void> | null;
}

export interface RoomManagerOptions {
  compactThreshold: number;
  roomIdleMs: number;
  maxBoardBytes: number;
  maxPresenceBytes: number;
  syncRequestsPerKeyPerMinute: number;
  boardBytes: { perSecond: number; burst: number };
  checkpointIntervalMs: number;
  /** Other processes write the same boards: see `RoomOptions.checkFreshness`. */
  checkFreshness?: boolean;
}

/**
 * Loads each board once, shares it between its connections, and unloads it after the last one leaves.
 * A room being unloaded stays in the map until its final write is done, so a new connection waits for it
 * and then loads a fresh copy from storage instead of racing it.
 */
export class RoomManager {
  private readonly entries = new Map<string, Entry>();
  private shuttingDown = false;
  private readonly stopResuming: () => void;

  constructor(
    private readonly storage: Storage,
    private readonly bus: RoomBus,
    private readonly log: Logger,
    private readonly options: RoomManagerOptions,
  ) {
    // Messages may have been lost between processes: every loaded room catches up from storage.
    this.stopResuming = bus.onResume(() => {
      for (const entry of this.entries.values()) if (entry.closing === null) entry.room.resync();
    });
  }

  get loadedRooms(): number {
    return this.entries.size;
  }

  /** Returns the board's room, fully loaded. Throws when shutting down or when loading failed. */
  async acquire(boardId: string): Promise<RoomLease> {
    let entry = this.entries.get(boardId);
    while (entry?.closing) {
      await entry.closing;
      entry = this.entries.get(boardId);
    }
    if (this.shuttingDown) throw new Error('server is shutting down');
    if (entry === undefined) entry = this.createEntry(boardId);
    const claimed = entry;
    claimed.leases += 1;
    if (claimed.idleTimer !== null) {
      clearTimeout(claimed.idleTimer);
      claimed.idleTimer = null;
    }
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.release(claimed);
    };
    try {
      await claimed.ready;
    } catch (error) {
      release();
      throw error;
    }
    return { room: claimed.room, release };
  }

  /**
   * Starts loading a board's room ahead of its first connection (a board page
   * was just fetched with a valid key): the page needs a few hundred
   * milliseconds to load its scripts, the room as long to load from storage,
   * and a cold open would otherwise wait for both in turn. The room unloads
   * after the usual idle time if no connection comes.
   */
  warm(boardId: string): void {
    if (this.shuttingDown) return;
    // Failures are logged where the room loads; the connection that follows will report them.
    this.acquire(boardId).then(
      (lease) => lease.release(),
      () => undefined,
    );
  }

  /** The loaded room of a board, if any (for closing connections after a key renewal). */
  loadedRoom(boardId: string): Room | null {
    const entry = this.entries.get(boardId);
    return entry === undefined || entry.closing !== null ? null : entry.room;
  }

  /** The boards whose rooms are loaded (and not closing). */
  loadedBoards(): string[] {
    return [...this.entries.values()].filter((entry) => entry.closing === null).map((e) => e.room.boardId);
  }

  /** Closes every member of this process holding `role` on the board (the bus tells the other processes). */
  closeRole(boardId: string, role: Role, code: number, reason: string): number {
    const room = this.loadedRoom(boardId);
    if (room === null) return 0;
    const members = room.membersWithRole(role);
    for (const member of members) member.close(code, reason);
    return members.length;
  }

  /**
   * The board was deleted: closes this process's connections to it with `code` and forgets its room without
   * writing anything. A room still loading is dropped once it has loaded.
   */
  discardBoard(boardId: string, code: number, reason: string): void {
    const entry = this.entries.get(boardId);
    if (entry === undefined) return;
    this.entries.delete(boardId);
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
    entry.closing ??= entry.ready.then(
      () => entry.room.discard(code, reason),
      () => undefined,
    );
  }

  /** Closes every connection with `code`, then writes and unloads every room. */
  async shutdown(code: number, reason: string): Promise<void> {
    this.shuttingDown = true;
    this.stopResuming();
    const entries = Array.from(this.entries.values());
    for (const entry of entries) {
      if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
      if (entry.closing === null) for (const member of entry.room.allMembers()) member.close(code, reason);
    }
    await Promise.all(
      entries.map((entry) => entry.ready.then(() => this.unload(entry)).catch(() => undefined)),
    );
  }

  private createEntry(boardId: string): Entry {
    const room = new Room(boardId, this.storage, this.bus, this.log, {
      compactThreshold: this.options.compactThreshold,
      maxBoardBytes: this.options.maxBoardBytes,
      maxPresenceBytes: this.options.maxPresenceBytes,
      syncRequestsPerKeyPerMinute: this.options.syncRequestsPerKeyPerMinute,
      boardBytes: this.options.boardBytes,
      checkpointIntervalMs: this.options.checkpointIntervalMs,
      checkFreshness: this.options.checkFreshness ?? false,
      onFailed: () => {
        // Forget the room without a final write: disk is behind memory, and the next connection reloads from disk.
        if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
      },
    });
    const entry: Entry = { room, ready: room.load(), leases: 0, idleTimer: null, closing: null };
    entry.ready.catch((error: unknown) => {
      this.log.error('loading board failed', { boardId, ...errorFields(error) });
      if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
    });
    this.entries.set(boardId, entry);
    return entry;
  }

  private release(entry: Entry): void {
    entry.leases -= 1;
    if (entry.leases > 0 || entry.closing !== null || this.shuttingDown) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.leases === 0) void this.unload(entry);
    }, this.options.roomIdleMs);
  }

  private unload(entry: Entry): Promise<void> {
    entry.closing ??= entry.room.close().finally(() => {
      if (this.entries.get(entry.room.boardId) === entry) this.entries.delete(entry.room.boardId);
    });
    return entry.closing;
  }
}
