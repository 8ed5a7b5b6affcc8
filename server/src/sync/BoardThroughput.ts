import { RateLimiter } from './RateLimiter.ts';

/** How fast a connection's count of recent bytes fades: it halves every second. */
const HALF_LIFE_MS = 1_000;

/**
 * A board's budget of bytes per second from all its connections together, so that many connections, each
 * within its own limits, cannot together keep the server busy with one board. While the budget is spent, a
 * message is refused only from a connection that sends more than its share (the board's recent bytes over
 * its senders): the heavy senders are closed, and everyone else goes on editing at once.
 */
export class BoardThroughput<Sender> {
  private readonly bucket: RateLimiter;
  /** Bytes each sender sent recently, fading with `HALF_LIFE_MS`. */
  private readonly recent = new Map<Sender, number>();
  private last: number;

  constructor(
    perSecond: number,
    burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bucket = new RateLimiter(perSecond, burst, now);
    this.last = now();
  }

  /** Counts `bytes` from `sender`; false when the board is over budget and `sender` sends more than its share. */
  take(sender: Sender, bytes: number): boolean {
    this.fade();
    const mine = (this.recent.get(sender) ?? 0) + bytes;
    this.recent.set(sender, mine);
    if (this.bucket.take(bytes)) return true;
    let total = 0;
    for (const sent of this.recent.values()) total += sent;
    return mine <= total / this.recent.size;
  }

  forget(sender: Sender): void {
    this.recent.delete(sender);
  }

  private fade(): void {
    const now = this.now();
    const factor = 0.5 ** ((now - this.last) / HALF_LIFE_MS);
    this.last = now;
    if (factor >= 1) return;
    for (const [sender, sent] of this.recent) this.recent.set(sender, sent * factor);
  }
}
