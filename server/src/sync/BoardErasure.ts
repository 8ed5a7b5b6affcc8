import * as Y from 'yjs';
import { purgePerson } from '@interplay/shared';
import { docFromParts } from '@interplay/shared/board/history';
import type { RoomBus } from '../bus/RoomBus.ts';
import type { RewrittenHistoryState, Storage } from '../storage/Storage.ts';
import type { RoomManager } from './RoomManager.ts';

/**
 * Removing people and boards for good: from the live board, from every stored state (log, snapshot, history)
 * and from the store's files. The caller has checked that the key is the facilitator's.
 */
export class BoardErasure {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomManager,
    private readonly bus: RoomBus,
  ) {}

  /**
   * Removes the person, their relationships and the comments and health scores about them from the live
   * board (everyone connected sees it at once), folds the board's whole log into a snapshot without them,
   * rewrites every history state that held them, and erases the deleted bytes. Resolves with whether the
   * board held the person, now or in its history.
   */
  async purgePerson(boardId: string, personId: string): Promise<boolean> {
    const lease = await this.rooms.acquire(boardId);
    let found: boolean;
    try {
      found = await lease.room.purgePerson(personId);
    } finally {
      lease.release();
    }
    const rewritten = await this.purgedHistory(boardId, personId);
    if (rewritten.length > 0) {
      await this.storage.rewriteHistoryStates(boardId, rewritten);
      // Every process forgets the states it rebuilt and kept.
      await this.bus.publishBoardNotice({ kind: 'history-rewritten', boardId });
    }
    await this.storage.eraseDeleted();
    return found || rewritten.length > 0;
  }

  /**
   * Deletes the board and everything stored of it; every process closes the board's connections (code 4410)
   * and drops its room unwritten. False when there is no such board.
   */
  async deleteBoard(boardId: string): Promise<boolean> {
    if (!(await this.storage.deleteBoard(boardId))) return false;
    await this.bus.publishBoardNotice({ kind: 'board-deleted', boardId });
    await this.storage.eraseDeleted();
    return true;
  }

  /**
   * The history states that held the person, rebuilt without them. Every state is read before any is
   * rewritten: a later state's changes (a rename, say) would otherwise land in an already purged base and
   * look as if the person was never there.
   */
  private async purgedHistory(boardId: string, personId: string): Promise<RewrittenHistoryState[]> {
    const rewritten: RewrittenHistoryState[] = [];
    for (const id of await this.storage.historyStateIds(boardId)) {
      const doc = docFromParts(await this.storage.loadHistoryState(boardId, id));
      try {
        if (purgePerson(doc, personId, null)) {
          rewritten.push({
            id,
            snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
            data: Y.encodeStateAsUpdate(doc),
          });
        }
      } finally {
        doc.destroy();
      }
    }
    return rewritten;
  }
}
