/**
 * Counts what each client address holds open (TCP connections, request bodies being read) against a
 * limit, so one address cannot take every file descriptor or every upload slot of the server.
 */
export class AddressSlots {
  private readonly held = new Map<string, number>();

  constructor(private readonly perAddress: number) {}

  /** Takes a slot for `address`: a `release` to call exactly once, or null when the address is at its limit. */
  acquire(address: string): (() => void) | null {
    const count = this.held.get(address) ?? 0;
    if (count >= this.perAddress) return null;
    this.held.set(address, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(address) ?? 1) - 1;
      if (left <= 0) this.held.delete(address);
      else this.held.set(address, left);
    };
  }

  /** Slots held by `address` now. */
  count(address: string): number {
    return this.held.get(address) ?? 0;
  }
}
