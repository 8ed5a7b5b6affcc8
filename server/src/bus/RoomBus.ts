import type { BoardRole as Role } from '@interplay/shared';
import type { ClientClaim } from '../storage/Storage.ts';

/** An awareness client id and the device hash that speaks for it, so no other browser may take it over. */
export type PresenceSpeaker = readonly [client: number, device: string];

/**
 * What the rooms of one board in different server processes tell each other. Everything here already
 * passed its own process's checks: a receiver applies it as it is, and never stores or guards it again.
 */
export type RoomMessage =
  /** An update one process guarded and committed as log row `seq`, with the client ids it introduced. */
  | { kind: 'update'; update: Uint8Array; seq: number; claims: readonly ClientClaim[] }
  /** A batch of presence changes of one process's own connections, screened and stamped there. */
  | { kind: 'awareness'; update: Uint8Array; speakers: readonly PresenceSpeaker[] }
  /** A room that just loaded asks the others for their connections' presence. */
  | { kind: 'awareness-query' };

/**
 * What every process must hear about a board, whether or not it has the board's room loaded:
 * - `key-renewed`: the key for `role` was replaced; connections holding the old key must close;
 * - `board-deleted`: the board is gone; its connections must close and be told so;
 * - `history-rewritten`: the board's stored history states were rewritten (a person was purged from them);
 *   a process must forget any copy of them it keeps.
 */
export type BoardNotice =
  | { kind: 'key-renewed'; boardId: string; role: Role }
  | { kind: 'board-deleted'; boardId: string }
  | { kind: 'history-rewritten'; boardId: string };

/** One room's place on the bus. */
export interface RoomChannel {
  /** Sends to the same board's rooms in the other processes (never back to this one). Keeps order. */
  publish(message: RoomMessage): void;
  /** Stops receiving; the room is closing. */
  leave(): void;
  /**
   * Resolves once the channel hears what others publish (a networked bus subscribes first), so a room reads
   * storage only after: whatever is committed later reaches it. Never rejects; a bus that cannot subscribe
   * now catches up through `onResume`.
   */
  ready(): Promise<void>;
}

/**
 * The seam between server processes. The default, `LocalRoomBus`, serves one process; a networked one
 * (Redis pub/sub, say) carries the same messages between several processes that share one storage.
 * Messages only: state lives in storage, so a process that missed a message catches up from there.
 */
export interface RoomBus {
  /**
   * Opens a room's channel to its board. `listener` hears, in order, what the board's rooms in other
   * processes publish from now on.
   */
  join(boardId: string, listener: (message: RoomMessage) => void): RoomChannel;
  /**
   * Tells every process, this one included, about a board. Resolves once the message is on its way
   * (with `LocalRoomBus`, once every listener has run).
   */
  publishBoardNotice(notice: BoardNotice): Promise<void>;
  /** `listener` hears every notice of every board, from every process. Returns the unsubscribe. */
  onBoardNotice(listener: (notice: BoardNotice) => void): () => void;
  /**
   * `listener` hears that messages may have been lost (a networked bus lost its connection, or another
   * process could not publish for a while): every room reads its board back from storage, asks for presence
   * again and checks its connections' keys. Returns the unsubscribe.
   */
  onResume(listener: () => void): () => void;
  /** Whether the bus can carry messages now (for `/healthz`). */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}
