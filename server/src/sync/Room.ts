import { encodeRefusal, migrateBoard, purgePerson } from '@interplay/shared';
import type { BoardRole as Role, RefusedChange } from '@interplay/shared';
import type { RoomBus, RoomMessage } from '../bus/RoomBus.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { closeCodes } from './closeCodes.ts';
import { encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.ts';
import { RoomBroadcast } from './RoomBroadcast.ts';
import { RoomBudgets } from './RoomBudgets.ts';
import type { RoomBudgetOptions } from './RoomBudgets.ts';
import type { RoomMember } from './RoomBroadcast.ts';
import { BoardFullError, RoomDocument } from './RoomDocument.ts';
import { RoomHistory } from './RoomHistory.ts';
import { RoomPersistence } from './RoomPersistence.ts';
import { RoomPresence } from './RoomPresence.ts';
import { RoomProjection } from './RoomProjection.ts';
import { remoteOrigin } from './remoteOrigin.ts';
import { serverEditOrigin } from './serverEditOrigin.ts';
import { isStorageFull } from '../storage/WatchedStorage.ts';

export interface RoomOptions extends RoomBudgetOptions {
  compactThreshold: number;
  /** Largest board document client updates may grow it to; default no limit. */
  maxBoardBytes?: number;
  /** Largest presence state of one participant taken and relayed; default no limit. */
  maxPresenceBytes?: number;
  /** A checkpoint follows a client's first change after this long (0: no checkpoints for activity). */
  checkpointIntervalMs: number;
  /** Called once when storage failed and the room must be dropped without a final write. */
  onFailed: (room: Room) => void;
  /**
   * Other processes write this board too (a networked bus): a client update whose judgement could depend
   * on what they stored waits until the room has caught up with storage (see `applyClientUpdate`).
   */
  checkFreshness?: boolean;
}

/**
 * One loaded board in this process: its document (`RoomDocument`), its storage lane (`RoomPersistence`), its
 * connections and its channel to the board's rooms in other processes (`RoomBroadcast`), presence
 * (`RoomPresence`), and what its connections may spend together (`RoomBudgets`).
 *
 * Invariant: every change a client makes is integrated, committed to storage, and only then relayed to this
 * room's connections and published on the bus. A change from the bus (tagged `remoteOrigin`) was committed by
 * the process it came from: it is integrated and relayed, never stored or published again. What we store is
 * Yjs's own encoding of what the document integrated, never a client's raw bytes, so a hostile or
 * half-appliable update cannot put anything unreadable on disk.
 */
export class Room {
  private readonly document: RoomDocument;
  private readonly persistence: RoomPersistence;
  private readonly broadcast: RoomBroadcast;
  private readonly presence: RoomPresence;
  /** What the board's connections may spend together; each connection checks it besides its own limits. */
  readonly budgets: RoomBudgets;
  /** The board's moments and checkpoints (`RoomHistory`). */
  readonly history: RoomHistory;
  /** Client updates waiting for the room to catch up with storage, in arrival order; null: none wait. */
  private waiting: [RoomMember, Uint8Array][] | null = null;
  /** What the pages of the anonymised view link sync against instead of the document. */
  private readonly projection: RoomProjection;
  /** Bus messages that arrive while the room loads; handled once it has. */
  private inbox: RoomMessage[] | null = [];
  private closing: Promise<void> | null = null;

  constructor(
    readonly boardId: string,
    storage: Storage,
    bus: RoomBus,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {
    this.document = new RoomDocument(boardId, log, options.maxBoardBytes);
    // Joined before loading: whatever another process commits after our read of storage still reaches us.
    this.broadcast = new RoomBroadcast(bus.join(boardId, (message) => this.onBusMessage(message)));
    this.presence = new RoomPresence(
      this.document.doc,
      this.broadcast,
      options.maxPresenceBytes,
      () => this.projection.namesSeen,
    );
    this.budgets = new RoomBudgets(options);
    this.projection = new RoomProjection(this.document.doc, (update) =>
      // After the writes queued before it, like every relay: the projection never runs ahead of storage.
      this.persistence.afterCommits(() => this.broadcast.sendAnonymous(encodeUpdate(update))),
    );
    this.persistence = new RoomPersistence(boardId, storage, this.document, log, {
      compactThreshold: options.compactThreshold,
      onFailed: (error) => this.fail(error),
    });
    this.history = new RoomHistory(boardId, storage, this.document, this.persistence, log, {
      checkpointIntervalMs: options.checkpointIntervalMs,
    });
  }

  get connectionCount(): number {
    return this.broadcast.size;
  }

  /** Loads the stored state; must finish before any connection joins. */
  async load(): Promise<void> {
    let logRows: number;
    try {
      await this.broadcast.ready();
      logRows = await this.persistence.load();
      await this.history.load();
    } catch (error) {
      this.broadcast.leave();
      throw error;
    }
    this.document.listen(this.onDocUpdate);
    const waiting = this.inbox ?? [];
    this.inbox = null;
    for (const message of waiting) this.onBusMessage(message);
    this.migrate();
    this.broadcast.publish({ kind: 'awareness-query' });
    this.log.info('room loaded', { boardId: this.boardId, logRows });
  }

  /**
   * Brings an older board up to the current schema version: the one place boards are migrated (see
   * shared/src/board/migrations.ts). It runs before anyone joins and is stored and relayed like any update.
   */
  private migrate(): void {
    try {
      const { from, to } = migrateBoard(this.document.doc);
      if (from !== to) this.log.info('board migrated', { boardId: this.boardId, from, to });
    } catch (error) {
      // A hostile `meta` of the wrong type: the board is served as stored (readers cope with any version).
      this.log.error('board could not be migrated', { boardId: this.boardId, ...errorFields(error) });
    }
  }

  /** Adds a connection and starts the sync handshake with it. */
  join(member: RoomMember): void {
    this.broadcast.add(member);
    this.presence.add(member);
    const stateVector =
      member.role === 'anonymous' ? this.projection.open() : this.document.encodeStateVector();
    member.send(encodeSyncStep1(stateVector));
    if (this.presence.stateCount > 0) member.send(this.presence.encodeAll(member));
  }

  leave(member: RoomMember): void {
    if (!this.broadcast.remove(member)) return;
    this.budgets.forget(member);
    this.document.forget(member);
    this.presence.remove(member);
    if (member.role === 'anonymous' && this.broadcast.anonymousCount === 0) this.projection.close();
  }

  /** Members that joined with the given role (used to close them when that role's key is renewed). */
  membersWithRole(role: Role): RoomMember[] {
    return this.broadcast.withRole(role);
  }

  allMembers(): RoomMember[] {
    return this.broadcast.all();
  }

  /**
   * Answers a sync step 1 with everything the peer lacks, once all of it is committed, if `affordable` lets
   * that many bytes go to it; false (nothing sent) when it does not.
   */
  answerSyncStep1(
    member: RoomMember,
    stateVector: Uint8Array,
    affordable: (bytes: number) => boolean,
  ): boolean {
    // Throws on a malformed state vector, before anything is queued.
    // WARNING: the anonymised view gets the projection, never the document (none once it left: no answer).
    const missing =
      member.role === 'anonymous'
        ? this.projection.encodeMissing(stateVector)
        : this.document.encodeMissing(stateVector);
    if (missing === null) return true;
    if (!affordable(missing.byteLength)) return false;
    this.persistence.afterCommits(() => member.send(encodeSyncStep2(missing)));
    return true;
  }

  /**
   * Takes a client's update (see `RoomDocument.applyClient`); throws on bytes Yjs cannot apply, and the
   * caller closes that connection. The allowed part is stored and relayed by `onDocUpdate`; a sender whose
   * update was partly reverted gets the revert and a notice of what was not applied.
   */
  applyClientUpdate(member: RoomMember, update: Uint8Array): void {
    if (member.role === 'anonymous') {
      // Its page holds the projection, never the board: whatever it sends is never applied to the board.
      if (!this.projection.holdsAll(update)) {
        this.tellRefused(member, [{ action: 'edit', subject: 'board', reason: 'viewer' }]);
      }
      return;
    }
    if (this.waiting !== null) {
      this.waiting.push([member, update]);
      return;
    }
    // With other processes, what this one has heard may lag behind what they stored (an unlock, a phase, a
    // device's first edit): such an update is judged only once the room has read what storage holds, so every
    // process gives the same answer and a legitimate change is never refused for a message still under way.
    if (this.options.checkFreshness === true && this.document.judgedByWhatOthersStored(member, update)) {
      this.waiting = [[member, update]];
      void this.persistence.ensureFresh().then(() => this.applyWaiting());
      return;
    }
    this.applyNow(member, update);
  }

  private applyWaiting(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const [member, update] of waiting) {
      if (this.closing !== null || !this.broadcast.has(member)) continue;
      try {
        this.applyNow(member, update);
      } catch (error) {
        // As `Connection` does for an update applied at once.
        this.log.warn('update refused; closing connection', { boardId: this.boardId, ...errorFields(error) });
        if (error instanceof BoardFullError) member.close(closeCodes.boardFull, 'board is full');
        else member.close(closeCodes.badMessage, 'invalid message');
      }
    }
  }

  private applyNow(member: RoomMember, update: Uint8Array): void {
    if (member.role !== 'viewer') this.guardHistory(update);
    const { refused, integrated } = this.document.applyClient(member, update);
    if (integrated !== null) this.persistence.afterCommits(() => member.send(encodeUpdate(integrated)));
    if (refused.length > 0) this.tellRefused(member, refused);
  }

  /** Keeps the board before a large delete; never in the way of the update itself. */
  private guardHistory(update: Uint8Array): void {
    try {
      this.history.beforeClientUpdate(update);
    } catch {
      // Bytes that are not an update: `applyClient` refuses them and closes the connection.
    }
  }

  /** Presence passes only for client ids the member speaks for, stamped with its role. */
  applyClientAwareness(member: RoomMember, update: Uint8Array): void {
    this.presence.applyClient(member, update);
  }

  /**
   * The bus may have lost messages (see `RoomBus.onResume`): reads the board back from storage and asks the
   * other processes for their connections' presence again.
   */
  resync(): void {
    if (this.inbox !== null || this.closing !== null) return;
    this.persistence.catchUp();
    this.broadcast.publish({ kind: 'awareness-query' });
  }

  /** Sends every known awareness state to one member (answer to a query-awareness message). */
  sendAwarenessTo(member: RoomMember): void {
    member.send(this.presence.encodeAll(member));
  }

  /**
   * Waits for all queued writes (publishing them), takes the session's closing checkpoint, folds the log into a snapshot, leaves the bus and frees
   * memory. Messages from the bus are ignored from the start: nobody is left here to relay them to.
   * Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.history.close();
        await this.persistence.close();
      } finally {
        this.broadcast.leave();
        this.presence.destroy();
        this.projection.destroy();
        this.document.destroy();
        this.log.info('room unloaded', { boardId: this.boardId });
      }
    })();
    return this.closing;
  }

  /**
   * Removes a person for good from the live board (see `purgePerson`), as one edit of the server that every
   * connection receives, then folds the whole log into a snapshot of the board without them. Resolves with
   * whether the board held anything of the person; the history is the caller's (`BoardErasure`).
   */
  async purgePerson(personId: string): Promise<boolean> {
    const found = await this.persistence.whenCommitted(async () =>
      purgePerson(this.document.doc, personId, serverEditOrigin),
    );
    // The removal's own update was queued by the transaction above: fold after it is stored and relayed.
    await this.persistence.foldAll();
    return found;
  }

  /**
   * Drops the room without writing anything (its board was deleted): closes every connection with `code`,
   * leaves the bus and frees memory. Idempotent, and a no-op once the room is closing.
   */
  discard(code: number, reason: string): void {
    if (this.closing !== null) return;
    this.closing = Promise.resolve();
    this.history.stop();
    for (const member of this.allMembers()) member.close(code, reason);
    this.broadcast.leave();
    this.presence.destroy();
    this.projection.destroy();
    this.document.destroy();
    this.log.info('room discarded', { boardId: this.boardId, reason });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === remoteOrigin) {
      // Nobody here yet: whoever joins later gets it with the rest of the document.
      if (this.broadcast.size > 0)
        this.persistence.afterCommits(() => this.broadcast.send(encodeUpdate(update)));
    } else {
      this.history.noteChange();
      const claims = this.document.drainClaims();
      this.persistence.store(update, claims, (seq) => {
        this.broadcast.send(encodeUpdate(update), origin);
        this.broadcast.publish({ kind: 'update', update, seq, claims });
      });
    }
    // Queued after the store above, so the projection's change is relayed once this one is committed.
    this.projection.update();
  };

  private onBusMessage(message: RoomMessage): void {
    if (this.inbox !== null) {
      this.inbox.push(message);
      return;
    }
    if (this.closing !== null) return;
    try {
      if (message.kind === 'update') {
        if (this.document.applyRemote(message.update, message.claims))
          this.persistence.holdRemote(message.seq);
        else this.persistence.catchUp();
      } else if (message.kind === 'awareness') {
        this.presence.applyRemote(message.update, message.speakers);
      } else {
        this.presence.answerQuery();
      }
    } catch (error) {
      this.log.error('bus message could not be applied', {
        boardId: this.boardId,
        kind: message.kind,
        ...errorFields(error),
      });
      if (message.kind === 'update') this.persistence.catchUp();
    }
  }

  private tellRefused(member: RoomMember, refused: RefusedChange[]): void {
    const message = encodePermissionDenied(encodeRefusal(refused));
    this.persistence.afterCommits(() => member.send(message));
  }

  /** Storage failed: memory is now ahead of disk, so drop the room; clients resync from disk on reconnect. */
  private fail(error: unknown): void {
    this.log.error('storage failed; dropping room', { boardId: this.boardId, ...errorFields(error) });
    this.broadcast.leave();
    const [code, reason] = isStorageFull(error)
      ? [closeCodes.cannotSave, 'server cannot save']
      : [closeCodes.internalError, 'storage failure'];
    for (const member of this.allMembers()) member.close(code, reason);
    this.options.onFailed(this);
  }
}
