import type { BoardRole as Role } from '@interplay/shared';
import { BoardThroughput } from './BoardThroughput.ts';
import { RateLimiter } from './RateLimiter.ts';
import type { RoomMember } from './RoomBroadcast.ts';

export interface RoomBudgetOptions {
  /** Sync requests all connections holding one key (one role of the board) may send per minute; default no limit. */
  syncRequestsPerKeyPerMinute?: number;
  /** Bytes per second all connections of the board may send together, and their burst; default no limit. */
  boardBytes?: { perSecond: number; burst: number };
}

/**
 * What a board's connections may spend together, beyond each connection's own limits (`Connection`): sync
 * requests per key, since many connections with one key must not multiply what one may ask, and bytes per
 * second (`BoardThroughput`), so that a few heavy senders cannot slow the board's other users down.
 */
export class RoomBudgets {
  private readonly throughput: BoardThroughput<RoomMember> | null;
  private readonly syncRequests = new Map<Role, RateLimiter>();

  constructor(private readonly options: RoomBudgetOptions) {
    const { boardBytes } = options;
    this.throughput = boardBytes ? new BoardThroughput(boardBytes.perSecond, boardBytes.burst) : null;
  }

  /** Counts a message's bytes; false when the board's budget is spent and `member` is a heavy sender. */
  takeBytes(member: RoomMember, bytes: number): boolean {
    return this.throughput?.take(member, bytes) ?? true;
  }

  /** Takes one sync request from the budget of the member's key; false when it is spent. */
  takeSyncRequest(member: RoomMember): boolean {
    const perMinute = this.options.syncRequestsPerKeyPerMinute;
    if (perMinute === undefined) return true;
    let limiter = this.syncRequests.get(member.role);
    if (limiter === undefined) {
      limiter = new RateLimiter(perMinute / 60, perMinute);
      this.syncRequests.set(member.role, limiter);
    }
    return limiter.take();
  }

  /** A member left: its share of the recent bytes goes with it. */
  forget(member: RoomMember): void {
    this.throughput?.forget(member);
  }
}
