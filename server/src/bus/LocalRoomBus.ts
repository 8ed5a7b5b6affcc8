import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { BoardNotice, RoomBus, RoomChannel, RoomMessage } from './RoomBus.ts';
import {
  decodeBoardNotice,
  decodeRoomMessage,
  encodeBoardNotice,
  encodeRoomMessage,
} from './roomMessageCodec.ts';

interface Subscriber {
  listener: (message: RoomMessage) => void;
}

/**
 * The bus of one process, the default. With one room per board (one `RoomManager`) nobody else is on a
 * board's channel and publishing costs nothing. Several servers in one process (tests) may share one: then
 * messages go as bytes through the codec and arrive a microtask later, in order, as they would over a
 * network, so nothing but plain data crosses.
 */
export class LocalRoomBus implements RoomBus {
  private readonly boards = new Map<string, Set<Subscriber>>();
  private readonly noticeListeners = new Set<(notice: BoardNotice) => void>();

  constructor(private readonly log?: Logger) {}

  join(boardId: string, listener: (message: RoomMessage) => void): RoomChannel {
    const self: Subscriber = { listener };
    let peers = this.boards.get(boardId);
    if (peers === undefined) this.boards.set(boardId, (peers = new Set()));
    const board = peers;
    board.add(self);
    return {
      publish: (message) => {
        if (board.size < 2 || !board.has(self)) return;
        const bytes = encodeRoomMessage(message);
        queueMicrotask(() => {
          for (const peer of board) {
            if (peer !== self) this.deliver(() => peer.listener(decodeRoomMessage(bytes)), boardId);
          }
        });
      },
      ready: () => Promise.resolve(),
      leave: () => {
        board.delete(self);
        if (board.size === 0 && this.boards.get(boardId) === board) this.boards.delete(boardId);
      },
    };
  }

  async publishBoardNotice(notice: BoardNotice): Promise<void> {
    const bytes = encodeBoardNotice(notice);
    await Promise.resolve();
    for (const listener of this.noticeListeners) {
      this.deliver(() => listener(decodeBoardNotice(bytes)), notice.boardId);
    }
  }

  onBoardNotice(listener: (notice: BoardNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Nothing crosses a network here, so nothing is ever lost. */
  onResume(): () => void {
    return () => undefined;
  }

  async reachable(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.boards.clear();
    this.noticeListeners.clear();
  }

  /** A listener that throws must not keep the message from the others, nor escape into a microtask. */
  private deliver(call: () => void, boardId: string): void {
    try {
      call();
    } catch (error) {
      this.log?.error('bus listener failed', { boardId, ...errorFields(error) });
    }
  }
}
