import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { encodeRefusal, readSettings } from '@interplay/shared';
import { slotMeaning } from '@interplay/shared/board/changeRules';
import type { RefusedChange } from '@interplay/shared';
import type { Role, Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { applyGuarded } from '../policy/guardUpdate.ts';
import { closeCodes } from './closeCodes.ts';
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.ts';
import { screenAwareness } from './screenAwareness.ts';
import { MAX_HELD_BYTES, UpdateIntake } from './UpdateIntake.ts';

/**
 * Awareness changes are batched per room and sent at most this often. With 60 participants moving cursors at
 * 20 Hz, relaying each change at once meant 72,000 messages a second out of one room; batched, it is one message
 * per member per tick, carrying every state that changed (see README-bench-presence.md). Remote cursors thus move
 * at 10 Hz: the page should interpolate them (and a followed viewport) over ~100 ms.
 */
export const AWARENESS_BATCH_MS = 100;

/** Every struct is one the room has and nothing is deleted (a viewer's sync step 2, say). Throws on garbage. */
function bringsNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return (
    ds.clients.size === 0 && structs.every((s) => s.id.clock + s.length <= Y.getState(doc.store, s.id.client))
  );
}

const isCommentRoot = (root: string): boolean => slotMeaning(root, []).area === 'annotations';

/** What a room needs from a connection; implemented by `Connection`. */
export interface RoomMember {
  readonly role: Role;
  /** Hash of the browser's device id (or a random id per connection): which client ids it may write. */
  readonly device: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  compactThreshold: number;
  /** Called once when storage failed and the room must be dropped without a final write. */
  onFailed: (room: Room) => void;
}

/**
 * One loaded board: its Y.Doc, its awareness and its connections.
 *
 * Invariant: every change the doc integrates is emitted by Yjs as an update, committed to storage, and only then
 * relayed. Storage work runs on one promise chain, so relays keep their order and replies to sync step 1 never
 * contain anything that is not committed yet. What we store is Yjs's own encoding of what it integrated, never a
 * client's raw bytes, so a hostile or half-appliable update cannot put anything unreadable on disk.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly members = new Map<RoomMember, Set<number>>();
  /** Which member speaks for each awareness client id. */
  private readonly awarenessOwners = new Map<number, RoomMember>();
  private intake = new UpdateIntake(new Map());
  /** The update the last transaction emitted, so a sender whose update was partly reverted gets the revert. */
  private lastIntegrated: Uint8Array | null = null;
  private queue: Promise<void> = Promise.resolve();
  private logCount = 0;
  private lastSeq = 0;
  private failed = false;
  private closing: Promise<void> | null = null;
  /** Clients whose awareness changed since the last batch was sent. */
  private readonly awarenessChanged = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  /**
   * The whole document as one update, kept until the document changes. A new participant (empty state
   * vector) needs exactly this, and when a facilitator shares the link, dozens join within a minute while
   * little changes: encoding a large board each time held the event loop ~40 ms per join.
   */
  private wholeState: Uint8Array | null = null;

  constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get connectionCount(): number {
    return this.members.size;
  }

  /** Loads the stored state; must finish before any connection joins. */
  async load(): Promise<void> {
    const stored = await this.storage.loadDocument(this.boardId);
    this.doc.transact(() => {
      const parts = stored.snapshot === null ? stored.updates : [stored.snapshot, ...stored.updates];
      for (const part of parts) {
        try {
          Y.applyUpdate(this.doc, part);
        } catch (error) {
          this.log.error('stored update could not be applied', {
            boardId: this.boardId,
            ...errorFields(error),
          });
        }
      }
    });
    this.logCount = stored.updates.length;
    this.lastSeq = stored.lastSeq;
    this.intake = new UpdateIntake(stored.owners);
    this.intake.claimForServer(this.doc.clientID);
    // Registered after loading so that stored state is not written back.
    this.doc.on('update', this.onDocUpdate);
    this.log.info('room loaded', { boardId: this.boardId, logRows: this.logCount });
  }

  /** Adds a connection and starts the sync handshake with it. */
  join(member: RoomMember): void {
    this.members.set(member, new Set());
    member.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) member.send(encodeAwareness(this.awareness));
  }

  leave(member: RoomMember): void {
    const controlled = this.members.get(member);
    if (controlled === undefined) return;
    this.members.delete(member);
    this.intake.forget(member);
    const ids = Array.from(controlled).filter((id) => this.awarenessOwners.get(id) === member);
    removeAwarenessStates(this.awareness, ids, null);
  }

  /** Members that joined with the given role (used to close them when that role's key is renewed). */
  membersWithRole(role: Role): RoomMember[] {
    return Array.from(this.members.keys()).filter((member) => member.role === role);
  }

  allMembers(): RoomMember[] {
    return Array.from(this.members.keys());
  }

  /** Answers a sync step 1 with everything the peer lacks, once all of it is committed. */
  answerSyncStep1(member: RoomMember, stateVector: Uint8Array): void {
    // Throws on a malformed state vector, before anything is queued.
    const fresh = Y.decodeStateVector(stateVector).size === 0;
    const missing = fresh ? this.encodeWholeState() : Y.encodeStateAsUpdate(this.doc, stateVector);
    this.enqueue(async () => member.send(encodeSyncStep2(missing)));
  }

  /**
   * Takes a client's update. Throws when the bytes are not a decodable update or Yjs cannot apply them; the
   * caller then closes that connection. The allowed part is applied, stored and relayed by `onDocUpdate`; a
   * forbidden part is reverted in the same transaction (`applyGuarded`) and the sender gets the revert and a
   * notice. Structs under another browser's client ids and deletes of clocks nobody wrote are dropped first;
   * an update that depends on data not here yet waits for it (`UpdateIntake`).
   */
  applyClientUpdate(member: RoomMember, update: Uint8Array): void {
    const settings = readSettings(this.doc);
    const viewer = member.role === 'viewer';
    // A view key's update is never applied when viewers may not comment; when they may, it can delete
    // nothing outside the comments, so it cannot take anything of anyone else's away, even for a moment.
    if (viewer && !settings.viewersMayComment) {
      if (!bringsNothingNew(this.doc, update)) {
        this.tellRefused(member, [{ action: 'edit', subject: 'board', reason: 'viewer' }]);
      }
      return;
    }
    const intake = this.intake.take(this.doc, member, update, viewer ? isCommentRoot : undefined);
    const { forgedClients, forgedDeletes } = intake.screened;
    if (forgedClients.length > 0 || forgedDeletes > 0) {
      this.log.warn('forged parts of an update dropped', {
        boardId: this.boardId,
        role: member.role,
        forgedClients,
        forgedDeletes,
      });
    }
    if (intake.kind === 'held') {
      if (intake.heldBytes > MAX_HELD_BYTES) throw new Error('too much waiting for missing data');
      return;
    }
    if (intake.kind === 'nothing') return;
    this.lastIntegrated = null;
    const refused = applyGuarded(
      this.doc,
      intake.update,
      member,
      member.role,
      settings,
      intake.screened.clients,
    );
    const integrated = this.lastIntegrated as Uint8Array | null;
    this.lastIntegrated = null;
    if (refused.length === 0) return;
    this.log.info('update partly reverted', {
      boardId: this.boardId,
      role: member.role,
      refused: refused.map((r) => `${r.action} ${r.subject}: ${r.reason}`),
    });
    if (integrated !== null) this.enqueue(async () => member.send(encodeUpdate(integrated)));
    this.tellRefused(member, refused);
  }

  /** Presence passes only for client ids the member speaks for, stamped with its role. */
  applyClientAwareness(member: RoomMember, update: Uint8Array): void {
    const screened = screenAwareness(update, member.role, (client) => this.mayControl(member, client));
    if (screened !== null) applyAwarenessUpdate(this.awareness, screened, member);
  }

  /** Sends every known awareness state to one member (answer to a query-awareness message). */
  sendAwarenessTo(member: RoomMember): void {
    member.send(encodeAwareness(this.awareness));
  }

  /** Waits for all queued writes, folds the log into a snapshot, and frees memory. Idempotent. */
  close(): Promise<void> {
    if (this.awarenessTimer !== null) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    this.closing ??= this.queue.then(async () => {
      try {
        if (!this.failed && this.logCount > 0) await this.compact();
      } catch (error) {
        this.log.error('final compaction failed; the log is kept', {
          boardId: this.boardId,
          ...errorFields(error),
        });
      } finally {
        this.awareness.destroy();
        this.doc.destroy();
        this.log.info('room unloaded', { boardId: this.boardId });
      }
    });
    return this.closing;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.wholeState = null;
    this.lastIntegrated = update;
    const claims = this.intake.drainClaims();
    this.enqueue(async () => {
      this.lastSeq = await this.storage.appendUpdate(this.boardId, update, claims);
      this.logCount += 1;
      const message = encodeUpdate(update);
      for (const member of this.members.keys()) {
        if (member !== origin) member.send(message);
      }
      if (this.logCount >= this.options.compactThreshold) await this.compact();
    });
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const member = origin as RoomMember;
    const controlled = this.members.get(member);
    if (controlled !== undefined) {
      for (const id of [...added, ...updated]) {
        controlled.add(id);
        this.awarenessOwners.set(id, member);
      }
      for (const id of removed) controlled.delete(id);
    }
    for (const id of removed) this.awarenessOwners.delete(id);
    for (const id of [...added, ...updated, ...removed]) this.awarenessChanged.add(id);
    this.awarenessTimer ??= setTimeout(this.flushAwareness, AWARENESS_BATCH_MS);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    if (this.awarenessChanged.size === 0) return;
    const message = encodeAwareness(this.awareness, Array.from(this.awarenessChanged));
    this.awarenessChanged.clear();
    // Echoed to the sender too: the y-websocket client reconnects after 30 s without any message, and a lone
    // participant's own 15 s awareness renewal is then the only traffic it gets.
    for (const member of this.members.keys()) member.send(message);
  };

  private tellRefused(member: RoomMember, refused: RefusedChange[]): void {
    const message = encodePermissionDenied(encodeRefusal(refused));
    this.enqueue(async () => member.send(message));
  }

  /**
   * A member may speak for an awareness client id nobody else speaks for, or one its own browser spoke for
   * on a socket the server has not yet seen close (a page that reconnected).
   */
  private mayControl(member: RoomMember, client: number): boolean {
    const owner = this.awarenessOwners.get(client);
    if (owner === undefined || owner === member) return true;
    if (owner.device !== member.device) return false;
    this.members.get(owner)?.delete(client);
    return true;
  }

  private encodeWholeState(): Uint8Array {
    return (this.wholeState ??= Y.encodeStateAsUpdate(this.doc));
  }

  private async compact(): Promise<void> {
    // Runs on the queue: every row up to lastSeq is in the doc, so the snapshot covers them all.
    const throughSeq = this.lastSeq;
    await this.storage.compact(this.boardId, this.encodeWholeState(), throughSeq);
    this.logCount = 0;
    this.log.debug('log compacted', { boardId: this.boardId, throughSeq });
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await job();
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /** Storage failed: memory is now ahead of disk, so drop the room; clients resync from disk on reconnect. */
  private fail(error: unknown): void {
    this.failed = true;
    this.log.error('storage failed; dropping room', { boardId: this.boardId, ...errorFields(error) });
    for (const member of this.allMembers()) member.close(closeCodes.internalError, 'storage failure');
    this.options.onFailed(this);
  }
}
