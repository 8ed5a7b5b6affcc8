import { readFileSync, readdirSync } from 'node:fs';

/** Memory and CPU of a process over a benchmark run. */
export interface ProcessUsage {
  /** Highest VmRSS seen by the sampler, in bytes. */
  peakRssBytes: number;
  /** The kernel's own high-water mark (VmHWM) at the last sample, in bytes. */
  hwmBytes: number;
  /** Resident memory at the first sample, in bytes. */
  startRssBytes: number;
  /** User + system CPU time used between the first and the last sample, in seconds. */
  cpuSeconds: number;
  samples: number;
}

const clockTicksPerSecond = 100; // USER_HZ is 100 on every Linux build that matters here.

function readStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function readCpuTicks(pid: number): number {
  // The command name (field 2) may contain spaces: parse after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the full line, i.e. 11 and 12 after the name.
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Samples a process's resident memory from /proc every `intervalMs` until `stop()`.
 * Linux only; a process that has gone away simply stops being sampled.
 */
export function sampleProcess(pid: number, intervalMs = 200): { stop(): ProcessUsage } {
  const usage: ProcessUsage = { peakRssBytes: 0, hwmBytes: 0, startRssBytes: 0, cpuSeconds: 0, samples: 0 };
  let firstTicks: number | undefined;
  const sample = () => {
    try {
      const rss = readStatusKiB(pid, 'VmRSS');
      const hwm = readStatusKiB(pid, 'VmHWM');
      const ticks = readCpuTicks(pid);
      if (rss === undefined) return;
      if (usage.samples === 0) usage.startRssBytes = rss * 1024;
      usage.samples += 1;
      usage.peakRssBytes = Math.max(usage.peakRssBytes, rss * 1024);
      if (hwm !== undefined) usage.hwmBytes = hwm * 1024;
      firstTicks ??= ticks;
      usage.cpuSeconds = (ticks - firstTicks) / clockTicksPerSecond;
    } catch {
      // The process exited between samples: keep what was measured.
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...usage };
    },
  };
}

/**
 * CPU time (ms, user + system) used so far by this process's descendants (Chromium's processes and all
 * their threads; a server's too): the work a gesture or an export costs, which other load on the machine
 * changes far less than the wall time. Linux /proc, 100 ticks a second.
 */
export function descendantCpuMs(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, t] of ticks) if (isDescendant(pid)) sum += t;
  return sum * 10;
}
