import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import { docFromParts } from '@interplay/shared/board/history';
import { exportBoardJson } from '@interplay/shared/formats/index';
import { byTimelineOrder } from '@interplay/shared/history/moment';
import type { ChangeKind } from '@interplay/shared/history/compareBoards';
import type { Moment, MomentInput, MomentStatus } from '@interplay/shared/history/moment';
import type { Storage, StoredMoment } from '../storage/Storage.ts';
import type { RoomManager } from './RoomManager.ts';

const withoutState = ({ stateId: _stateId, ...moment }: StoredMoment): Moment => moment;

/** Rebuilt states kept in memory, newest use last: scrubbing back and forth rebuilds each once. */
const CACHED_STATE_BYTES = 64 * 1024 * 1024;

/**
 * A board's history as the HTTP API offers it: listing and recording moments, the board as it was at one, and
 * restoring one. Recording and restoring go through the board's room (loaded for the purpose if nobody is
 * connected), so they see and change exactly the live document; reading a past state needs only storage.
 * The caller has checked the key's role.
 */
export class BoardHistory {
  /** Rebuilt states by state id (unique across boards); a state never changes. */
  private readonly cache = new Map<number, Uint8Array>();
  private cachedBytes = 0;

  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomManager,
  ) {}

  /** Drops every rebuilt state kept in memory (a board's states were rewritten or deleted). */
  forgetStates(): void {
    this.cache.clear();
    this.cachedBytes = 0;
  }

  async list(boardId: string): Promise<Moment[]> {
    return (await this.storage.listMoments(boardId)).map(withoutState).sort(byTimelineOrder);
  }

  async record(boardId: string, input: MomentInput, status: MomentStatus): Promise<Moment> {
    const lease = await this.rooms.acquire(boardId);
    try {
      return await lease.room.history.record(input, status);
    } finally {
      lease.release();
    }
  }

  /** Confirms a proposed moment; null when the board has no such moment. */
  async confirm(boardId: string, momentId: string): Promise<Moment | null> {
    if (!(await this.storage.updateMoment(boardId, momentId, { status: 'confirmed' }))) return null;
    const moment = await this.storage.getMoment(boardId, momentId);
    return moment === null ? null : withoutState(moment);
  }

  delete(boardId: string, momentId: string): Promise<boolean> {
    return this.storage.deleteMoment(boardId, momentId);
  }

  /**
   * The board as it was at the moment, as one Yjs update; null when there is no such moment. The chain is
   * merged without building a document (`Y.mergeUpdates`: faster than applying and encoding it again).
   */
  async state(boardId: string, momentId: string): Promise<Uint8Array | null> {
    const moment = await this.storage.getMoment(boardId, momentId);
    if (moment === null) return null;
    const cached = this.cache.get(moment.stateId);
    if (cached !== undefined) {
      this.cache.delete(moment.stateId);
      this.cache.set(moment.stateId, cached);
      return cached;
    }
    const parts = await this.loadParts(boardId, moment);
    const state = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    this.cache.set(moment.stateId, state);
    this.cachedBytes += state.byteLength;
    for (const [id, bytes] of this.cache) {
      if (this.cachedBytes <= CACHED_STATE_BYTES || id === moment.stateId) break;
      this.cache.delete(id);
      this.cachedBytes -= bytes.byteLength;
    }
    return state;
  }

  /** The board as it was at the moment, as a board JSON file (the JSON export's format). */
  async boardFile(boardId: string, momentId: string, title: string): Promise<string | null> {
    return this.withPastDoc(boardId, momentId, (doc) => exportBoardJson(readBoard(doc), { title }));
  }

  /**
   * Makes the live board the moment's board for everyone connected; returns the moment and the checkpoint
   * of the board just before, or null when there is no such moment.
   */
  async restore(
    boardId: string,
    momentId: string,
  ): Promise<{ restored: Moment; before: Moment; changes: Record<ChangeKind, number> } | null> {
    const moment = await this.storage.getMoment(boardId, momentId);
    if (moment === null) return null;
    const parts = await this.loadParts(boardId, moment);
    const lease = await this.rooms.acquire(boardId);
    try {
      const { before, changes } = await lease.room.history.restore(parts, moment.title);
      return { restored: withoutState(moment), before, changes };
    } finally {
      lease.release();
    }
  }

  private async withPastDoc<T>(
    boardId: string,
    momentId: string,
    read: (doc: Y.Doc) => T,
  ): Promise<T | null> {
    const moment = await this.storage.getMoment(boardId, momentId);
    if (moment === null) return null;
    const doc = docFromParts(await this.loadParts(boardId, moment));
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  private async loadParts(boardId: string, moment: StoredMoment): Promise<Uint8Array[]> {
    const parts = await this.storage.loadHistoryState(boardId, moment.stateId);
    // Every moment row references a state (a foreign key); an empty chain means the file was damaged.
    if (parts.length === 0) throw new Error(`the state of moment ${moment.id} is missing`);
    return parts;
  }
}
