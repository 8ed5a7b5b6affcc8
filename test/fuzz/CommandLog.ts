/**
 * What happened in one seed, in order, one compact line each: commands (with their
 * outcome and marker), offline/online periods, kills and restarts, and the refusal
 * notices clients received. Printed only for a failing seed.
 */
export class CommandLog {
  private readonly started = Date.now();
  private readonly lines: string[] = [];

  /** `who` is a client's name (`f0`, `p3`, `v5`) or `server`/`fuzz`. */
  add(who: string, text: string): void {
    this.lines.push(`+${String(Date.now() - this.started).padStart(5)}ms ${who.padEnd(6)} ${text}`);
  }

  get length(): number {
    return this.lines.length;
  }

  /** The whole log, or its last `tail` lines when it is longer. */
  format(tail = Infinity): string {
    const shown = this.lines.length > tail ? this.lines.slice(-tail) : this.lines;
    const cut = this.lines.length - shown.length;
    return [...(cut > 0 ? [`… ${cut} earlier lines`] : []), ...shown].join('\n');
  }
}

/** A short, stable rendering of an id for log lines: its first 6 characters. */
export function shortId(id: string): string {
  return id.slice(0, 6);
}
