import type { ClientClaim, Storage, StoredDocument } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { RoomDocument } from './RoomDocument.ts';

export interface RoomPersistenceOptions {
  /** Log rows the document holds after which they are folded into a snapshot. */
  compactThreshold: number;
  /** Called once when storage failed: memory is now ahead of disk and the room must be dropped. */
  onFailed: (error: unknown) => void;
}

/**
 * A room's storage lane. Every write and every reply that must not overtake a write runs on one promise
 * chain, in the order the document integrated things, so nothing is relayed before it is committed.
 *
 * Compaction is safe with several writers on one board's log (server processes sharing storage): the room
 * names exactly the rows its document holds (loaded, appended here, or received from the bus with their
 * row number) instead of "every row up to n", since a row another process committed a moment ago may not
 * have reached it yet; and the snapshot is replaced only if it is still the version the document holds (a
 * compare-and-swap), since another writer's newer snapshot may hold rows already deleted from the log.
 * A room that loses that race reads the board back from storage and carries on. We chose this over a lease
 * on the board: no lock to expire or hand over when a process dies, and one writer folds exactly as before.
 */
export class RoomPersistence {
  private queue: Promise<void> = Promise.resolve();
  private failed = false;
  /** Log rows the document holds: what the next compaction folds and deletes. */
  private readonly held = new Set<number>();
  /** Version of the stored snapshot the document holds (0: none). */
  private snapshotVersion = 0;
  private compactionQueued = false;
  private readBackQueued = false;

  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    private readonly document: RoomDocument,
    private readonly log: Logger,
    private readonly options: RoomPersistenceOptions,
  ) {}

  /** Loads the stored board into the document; returns how many log rows it had. */
  async load(): Promise<number> {
    const stored = await this.storage.loadDocument(this.boardId);
    this.document.applyStored(stored);
    this.holdStored(stored);
    return stored.updates.length;
  }

  /**
   * Commits an update integrated here, with the client ids it claimed, then calls `committed` with its row
   * number (to relay and publish it), then folds the log when it is due.
   */
  store(update: Uint8Array, claims: readonly ClientClaim[], committed: (seq: number) => void): void {
    this.enqueue(async () => {
      const seq = await this.storage.appendUpdate(this.boardId, update, claims);
      this.held.add(seq);
      committed(seq);
      this.compactWhenDue();
    });
  }

  /** Runs `job` once everything queued before it is committed (a reply or a relay that must not overtake). */
  afterCommits(job: () => void): void {
    this.enqueue(async () => job());
  }

  /**
   * Runs `job` once everything queued before it is committed, holding back later writes until it is done (a
   * history state then holds exactly what is stored). Its failure goes to the caller, not to the room.
   */
  whenCommitted<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue = this.queue.then(async () => {
        if (this.failed) return reject(new Error('storage failed'));
        try {
          resolve(await job());
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  /**
   * Once everything queued before is committed, replaces the stored snapshot by the document as it is and
   * deletes every log row it holds, even below the threshold: after a purge, no stored row may still hold
   * what the document no longer does. A race lost to another writer is retried once after reading back.
   */
  foldAll(): Promise<void> {
    return this.whenCommitted(async () => {
      if (await this.compact()) return;
      await this.readBack();
      if (!(await this.compact())) throw new Error('another process keeps compacting this board; try again');
    });
  }

  /** Another process committed log row `seq`, and the document now holds it. */
  holdRemote(seq: number): void {
    this.held.add(seq);
    this.compactWhenDue();
  }

  /**
   * The document lacks something another process stored (an update from the bus depends on it): reads the
   * board back from storage, which has everything any process published.
   */
  catchUp(): void {
    if (this.readBackQueued) return;
    this.readBackQueued = true;
    this.enqueue(async () => {
      this.readBackQueued = false;
      await this.readBack();
    });
  }

  /**
   * Resolves once the document holds everything storage held when this was called (after the writes queued
   * before it): reads the board back if another process committed rows this one has not heard of yet, or
   * replaced the snapshot. Never rejects; a storage failure fails the room as any other would.
   */
  ensureFresh(): Promise<void> {
    this.enqueue(async () => {
      const index = await this.storage.logIndex(this.boardId);
      const behind =
        index.snapshotVersion !== this.snapshotVersion || index.seqs.some((seq) => !this.held.has(seq));
      if (behind) await this.readBack();
    });
    // Runs after that job whatever became of it (`enqueue` skips jobs once the room failed).
    return (this.queue = this.queue.then(() => undefined));
  }

  /** Waits for every queued write, then folds the log one last time. */
  close(): Promise<void> {
    return this.queue.then(async () => {
      if (this.failed || this.held.size === 0) return;
      try {
        // Losing the race to another writer here is fine: that writer holds the board and folds it later.
        await this.compact();
      } catch (error) {
        this.log.error('final compaction failed; the log is kept', {
          boardId: this.boardId,
          ...errorFields(error),
        });
      }
    });
  }

  private compactWhenDue(): void {
    if (this.compactionQueued || this.held.size < this.options.compactThreshold) return;
    this.compactionQueued = true;
    this.enqueue(async () => {
      this.compactionQueued = false;
      if (this.held.size < this.options.compactThreshold) return;
      if (!(await this.compact())) await this.readBack();
    });
  }

  /** Folds the rows the document holds into a snapshot; false when another writer replaced the snapshot first. */
  private async compact(): Promise<boolean> {
    const seqs = Array.from(this.held);
    const result = await this.storage.compact(this.boardId, this.document.encodeWholeState(), {
      basedOn: this.snapshotVersion,
      seqs,
    });
    if (!result.ok) {
      this.log.info('another writer compacted first', { boardId: this.boardId });
      return false;
    }
    this.snapshotVersion = result.snapshotVersion;
    for (const seq of seqs) this.held.delete(seq);
    this.log.debug('log compacted', { boardId: this.boardId, rows: seqs.length });
    return true;
  }

  /** Applies the stored board to the document, which then holds its snapshot and every row still logged. */
  private async readBack(): Promise<void> {
    const before = new Set(this.held);
    const stored = await this.storage.loadDocument(this.boardId);
    this.document.applyStored(stored);
    // Rows held before the read and now gone from the log were folded into the snapshot just applied; rows
    // that arrived from the bus during the read stay held.
    for (const seq of before) this.held.delete(seq);
    this.holdStored(stored);
  }

  private holdStored(stored: StoredDocument): void {
    for (const { seq } of stored.updates) this.held.add(seq);
    this.snapshotVersion = stored.snapshotVersion;
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await job();
      } catch (error) {
        this.failed = true;
        this.options.onFailed(error);
      }
    });
  }
}
