import * as Y from 'yjs';
import { randomUuid, readBoard } from '@interplay/shared';
import { compareBoards, countChanges } from '@interplay/shared/history/compareBoards';
import type { ChangeKind } from '@interplay/shared/history/compareBoards';
import { docFromParts, restoreBoard } from '@interplay/shared/board/history';
import type { CheckpointTrigger, Moment, MomentInput, MomentStatus } from '@interplay/shared/history/moment';
import type { NewHistoryState, Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { RoomDocument } from './RoomDocument.ts';
import type { RoomPersistence } from './RoomPersistence.ts';
import { serverEditOrigin } from './serverEditOrigin.ts';

/** At most this many change states are applied on top of a whole one; then a whole state is stored again. */
export const MAX_CHAIN_DEPTH = 24;

export interface RoomHistoryOptions {
  /** After a client's first change, a checkpoint follows this much later (0: none). */
  checkpointIntervalMs: number;
}

/** A client update deleting at least this many structs that are on the board is a large delete. */
export const LARGE_DELETE_STRUCTS = 60;
const LARGE_DELETE_INTERVAL_MS = 60_000;

interface Prepared {
  unchanged: boolean;
  /** A new state, or the id of the stored one the board still is. */
  state: NewHistoryState | number;
  snapshot: Y.Snapshot;
}

interface Head {
  id: number;
  depth: number;
  snapshot: Y.Snapshot;
}

/**
 * How many structs of `doc` that are not deleted yet the update's delete set deletes, counting up to `limit`.
 * Throws on bytes that are not an update (the caller's `applyClient` then refuses them anyway).
 */
function liveStructsDeleted(doc: Y.Doc, update: Uint8Array, limit: number): number {
  let count = 0;
  for (const [client, ranges] of Y.decodeUpdate(update).ds.clients) {
    const structs = doc.store.clients.get(client);
    if (structs === undefined) continue;
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= known) continue;
      for (
        let i = Y.findIndexSS(structs, clock);
        i < structs.length && structs[i]!.id.clock < clock + len;
        i++
      ) {
        if (!structs[i]!.deleted && ++count >= limit) return count;
      }
    }
  }
  return count;
}

/** Whether a document at `sv` holds every struct of a state at `base`. */
function holds(sv: Map<number, number>, base: Map<number, number>): boolean {
  for (const [client, clock] of base) if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * A room's history: it stores the board's state for each moment named or proposed, and takes checkpoints by
 * itself (a stretch of activity, the end of a session, before a restore, before a large delete). A state is stored as the changes
 * since the room's last stored state (a Yjs update against its state vector, with the whole delete set) when
 * that is less than half the whole state, so 50 moments of a board cost little more than one state; every
 * {@link MAX_CHAIN_DEPTH} states, or when the changes are large, the whole state is stored again. A board that
 * did not change since its last state gets no new state: the moment refers to that one.
 *
 * Every capture runs on the room's storage lane after the writes queued before it, so a state holds only
 * what is committed.
 */
export class RoomHistory {
  private head: Head | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private lastDeleteCheckpoint = -Infinity;

  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    private readonly document: RoomDocument,
    private readonly persistence: RoomPersistence,
    private readonly log: Logger,
    private readonly options: RoomHistoryOptions,
  ) {}

  /**
   * Reads the board's newest stored state; called once the document is loaded, so that state (committed
   * before it was taken) is one the document holds and the next state can build on it.
   */
  async load(): Promise<void> {
    const head = await this.storage.historyHead(this.boardId);
    this.head =
      head === null ? null : { id: head.id, depth: head.depth, snapshot: Y.decodeSnapshot(head.snapshot) };
  }

  /** A client changed the board: a checkpoint follows after the interval, one per stretch of activity. */
  noteChange(): void {
    if (this.timer !== null || this.closed || this.options.checkpointIntervalMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checkpoint('activity').catch((error: unknown) => this.logFailure(error));
    }, this.options.checkpointIntervalMs);
    this.timer.unref();
  }

  /** Stores a named or proposed moment with the board as it is now. */
  record(input: MomentInput, status: MomentStatus): Promise<Moment> {
    const recordedAt = new Date().toISOString();
    const moment: Moment = {
      id: randomUuid(),
      kind: input.kind,
      status,
      title: input.title,
      description: input.description,
      at: input.at ?? recordedAt,
      recordedAt,
      trigger: null,
      proposedBy: input.proposedBy,
    };
    return this.persistence.whenCommitted(async () => {
      await this.capture(moment, false);
      return moment;
    });
  }

  /** Takes a checkpoint unless the board is still as its last stored state; null then. */
  checkpoint(trigger: CheckpointTrigger): Promise<Moment | null> {
    return this.persistence.whenCommitted(async () => {
      const moment = this.checkpointMoment(trigger, '');
      return (await this.capture(moment, true)) ? moment : null;
    });
  }

  /**
   * Makes the live board the state `parts` rebuild, as one edit of the server that every connection receives.
   * First the board as it is is kept as a checkpoint (returned), so the restore can itself be undone by
   * restoring that one. Resolves once the restore is committed, with how many entities it added, removed
   * and changed.
   */
  async restore(
    parts: readonly Uint8Array[],
    title: string,
  ): Promise<{ before: Moment; changes: Record<ChangeKind, number> }> {
    const result = await this.persistence.whenCommitted(async () => {
      const before = this.checkpointMoment('beforeRestore', title);
      await this.capture(before, false);
      const live = readBoard(this.document.doc);
      const past = docFromParts(parts);
      try {
        restoreBoard(this.document.doc, past, serverEditOrigin);
      } finally {
        past.destroy();
      }
      return { before, changes: countChanges(compareBoards(live, readBoard(this.document.doc))) };
    });
    // The restore's own update was queued by the transaction above; wait until it is stored and relayed.
    await this.persistence.whenCommitted(async () => undefined);
    return result;
  }

  /** Takes no more checkpoints (the board was deleted). */
  stop(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops the timer and takes the session's closing checkpoint; never throws. */
  async close(): Promise<void> {
    this.stop();
    await this.checkpoint('sessionEnd').catch((error: unknown) => this.logFailure(error));
  }

  private checkpointMoment(trigger: CheckpointTrigger, description: string): Moment {
    const now = new Date().toISOString();
    return {
      id: randomUuid(),
      kind: 'checkpoint',
      status: 'confirmed',
      title: '',
      description,
      at: now,
      recordedAt: now,
      trigger,
      proposedBy: null,
    };
  }

  /** Stores `moment` with the board's state; false (nothing stored) if unchanged and `skipIfUnchanged`. */
  private async capture(moment: Moment, skipIfUnchanged: boolean): Promise<boolean> {
    const prepared = this.prepare();
    if (prepared.unchanged && skipIfUnchanged) return false;
    await this.store(moment, prepared);
    return true;
  }

  /**
   * The board's state as it is now, ready to store: the id of the last stored state if the board is still
   * that one, else the changes since it (or the whole state). Synchronous, so it can be taken just before an
   * update is applied.
   */
  private prepare(): Prepared {
    const doc = this.document.doc;
    const snapshot = Y.snapshot(doc);
    const head = this.head;
    if (head !== null && Y.equalSnapshots(head.snapshot, snapshot))
      return { unchanged: true, state: head.id, snapshot };
    const whole = this.document.encodeWholeState();
    const encoded = Y.encodeSnapshot(snapshot);
    let state: NewHistoryState = { baseId: null, depth: 0, snapshot: encoded, data: whole };
    if (head !== null && head.depth < MAX_CHAIN_DEPTH && holds(snapshot.sv, head.snapshot.sv)) {
      const changes = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(head.snapshot.sv));
      if (changes.length * 2 < whole.length)
        state = { baseId: head.id, depth: head.depth + 1, snapshot: encoded, data: changes };
    }
    return { unchanged: false, state, snapshot };
  }

  private async store(moment: Moment, { state, snapshot }: Prepared): Promise<void> {
    const id = await this.storage.addMoment(this.boardId, moment, state);
    if (typeof state === 'number') return;
    this.head = { id, depth: state.depth, snapshot };
    this.log.debug('history state stored', {
      boardId: this.boardId,
      bytes: state.data.length,
      depth: state.depth,
    });
  }

  /**
   * Called with a client's update before it is applied: when it would delete many things that are on the
   * board now (a participant clearing the map), the board as it is is kept first, as a checkpoint. At most
   * one such checkpoint a minute; a reconnecting page's repeated delete set deletes nothing new and is ignored.
   */
  beforeClientUpdate(update: Uint8Array): void {
    const now = Date.now();
    if (this.closed || now - this.lastDeleteCheckpoint < LARGE_DELETE_INTERVAL_MS) return;
    if (liveStructsDeleted(this.document.doc, update, LARGE_DELETE_STRUCTS) < LARGE_DELETE_STRUCTS) return;
    this.lastDeleteCheckpoint = now;
    const prepared = this.prepare();
    if (prepared.unchanged) return;
    const moment = this.checkpointMoment('beforeDelete', '');
    this.persistence
      .whenCommitted(() => this.store(moment, prepared))
      .catch((error: unknown) => this.logFailure(error));
  }

  private logFailure(error: unknown): void {
    this.log.error('history checkpoint failed', { boardId: this.boardId, ...errorFields(error) });
  }
}
