import type { BoardRole } from '@interplay/shared';
import type { Logger } from '../log.ts';
import type { Moment } from '@interplay/shared/history/moment';
import type {
  BoardRecord,
  ClientClaim,
  CompactResult,
  Fold,
  HistoryHead,
  LogIndex,
  MomentPatch,
  NewHistoryState,
  RewrittenHistoryState,
  Storage,
  StoredDocument,
  StoredMoment,
} from './Storage.ts';

/** The storage refused a write because the disk (or the database's configured size) is full. */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // PostgreSQL's `disk_full` (SQLSTATE 53100).
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100';
}

/**
 * A storage that remembers whether it can save: from a write refused for lack of space until the next write
 * that succeeds. `/healthz` reports it, and the API answers 507 meanwhile instead of a bare 500.
 */
export class WatchedStorage implements Storage {
  private fullSince: string | null = null;

  constructor(
    private readonly inner: Storage,
    private readonly log: Logger,
  ) {}

  /** When the storage last refused a write for lack of space, while it still cannot save; else null. */
  get cannotSaveSince(): string | null {
    return this.fullSince;
  }

  createBoard(board: BoardRecord, initialState?: Uint8Array): Promise<void> {
    return this.watch(this.inner.createBoard(board, initialState));
  }

  getBoard(id: string): Promise<BoardRecord | null> {
    return this.inner.getBoard(id);
  }

  setKeyHash(id: string, role: BoardRole, keyHash: string): Promise<void> {
    return this.watch(this.inner.setKeyHash(id, role, keyHash));
  }

  loadDocument(boardId: string): Promise<StoredDocument> {
    return this.inner.loadDocument(boardId);
  }

  logIndex(boardId: string): Promise<LogIndex> {
    return this.inner.logIndex(boardId);
  }

  appendUpdate(boardId: string, update: Uint8Array, claims?: readonly ClientClaim[]): Promise<number> {
    return this.watch(this.inner.appendUpdate(boardId, update, claims));
  }

  compact(boardId: string, snapshot: Uint8Array, fold: Fold): Promise<CompactResult> {
    return this.watch(this.inner.compact(boardId, snapshot, fold));
  }

  addMoment(boardId: string, moment: Moment, state: NewHistoryState | number): Promise<number> {
    return this.watch(this.inner.addMoment(boardId, moment, state));
  }

  historyHead(boardId: string): Promise<HistoryHead | null> {
    return this.inner.historyHead(boardId);
  }

  loadHistoryState(boardId: string, stateId: number): Promise<Uint8Array[]> {
    return this.inner.loadHistoryState(boardId, stateId);
  }

  listMoments(boardId: string): Promise<StoredMoment[]> {
    return this.inner.listMoments(boardId);
  }

  getMoment(boardId: string, momentId: string): Promise<StoredMoment | null> {
    return this.inner.getMoment(boardId, momentId);
  }

  updateMoment(boardId: string, momentId: string, patch: MomentPatch): Promise<boolean> {
    return this.watch(this.inner.updateMoment(boardId, momentId, patch));
  }

  deleteMoment(boardId: string, momentId: string): Promise<boolean> {
    return this.watch(this.inner.deleteMoment(boardId, momentId));
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  historyStateIds(boardId: string): Promise<number[]> {
    return this.inner.historyStateIds(boardId);
  }

  rewriteHistoryStates(boardId: string, states: readonly RewrittenHistoryState[]): Promise<void> {
    return this.watch(this.inner.rewriteHistoryStates(boardId, states));
  }

  deleteBoard(id: string): Promise<boolean> {
    return this.watch(this.inner.deleteBoard(id));
  }

  isDeletedBoard(id: string): Promise<boolean> {
    return this.inner.isDeletedBoard(id);
  }

  eraseDeleted(): Promise<void> {
    return this.watch(this.inner.eraseDeleted());
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async watch<T>(write: Promise<T>): Promise<T> {
    try {
      const result = await write;
      if (this.fullSince !== null) {
        this.log.info('storage can save again', { since: this.fullSince });
        this.fullSince = null;
      }
      return result;
    } catch (error) {
      if (isStorageFull(error) && this.fullSince === null) {
        this.fullSince = new Date().toISOString();
        this.log.error('storage is full: nothing can be saved until space is freed', {
          code: 'storage-full',
        });
      }
      throw error;
    }
  }
}
