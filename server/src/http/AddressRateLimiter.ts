import { RateLimiter } from '../sync/RateLimiter.ts';

/** Above this many addresses the map is swept of buckets that have refilled (they hold nothing). */
const SWEEP_ABOVE = 10_000;

/**
 * A token bucket per client address (e.g. board creations per minute). Buckets that have refilled are
 * forgotten when the map grows, so many addresses cannot grow it without bound.
 */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, { limiter: RateLimiter; last: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `address`; false when its bucket is empty. */
  take(address: string): boolean {
    let bucket = this.buckets.get(address);
    if (bucket === undefined) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep();
      bucket = { limiter: new RateLimiter(this.perMinute / 60, this.burst, this.now), last: 0 };
      this.buckets.set(address, bucket);
    }
    bucket.last = this.now();
    return bucket.limiter.take();
  }

  /** Seconds until `address` has a token again (for `retry-after`); at least 1. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(60 / this.perMinute));
  }

  private sweep(): void {
    const full = (this.burst / this.perMinute) * 60_000;
    const now = this.now();
    for (const [address, bucket] of this.buckets) {
      if (now - bucket.last >= full) this.buckets.delete(address);
    }
  }
}
