import { crc32 } from './pngChunks.ts';

/**
 * Bits out, least significant first, into a growing byte buffer (the
 * encoder's hot loop keeps `bits`/`count`/`at` in locals and writes them
 * back). It also keeps the CRC-32 of what has been written from `checksumFrom`
 * on, extended block by block (`checksum`) while the bytes are still in
 * cache, and it can start with bytes of the caller's (`head`): a band's
 * deflate data is written straight into its PNG chunk, whose CRC then needs
 * neither a copy nor a second pass over the band's megabytes.
 */
export class BitWriter {
  bytes: Uint8Array<ArrayBuffer>;
  at: number;
  bits = 0;
  count = 0;
  private crc = 0;
  private checked: number;

  constructor(capacity: number, head: ArrayLike<number> = [], checksumFrom = head.length) {
    this.bytes = new Uint8Array(Math.max(capacity, head.length));
    this.bytes.set(head);
    this.at = head.length;
    this.checked = checksumFrom;
  }

  /** Makes room for `more` bytes. */
  reserve(more: number): void {
    if (this.at + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(Math.ceil(this.bytes.length * 1.5), this.at + more));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  /** Writes `n` ≤ 24 bits of `value` (room must be reserved). */
  write(value: number, n: number): void {
    this.bits |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.bytes[this.at++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  /** Pads to a byte boundary with zero bits. */
  align(): void {
    if (this.count > 0) this.write(0, 8 - this.count);
  }

  /** Extends the CRC over the whole bytes written since the last call; returns the CRC so far. */
  checksum(): number {
    this.crc = crc32(this.bytes, this.checked, this.at, this.crc);
    this.checked = this.at;
    return this.crc;
  }
}
