import { FuzzServer } from './FuzzServer.ts';
import { runSeed } from './runSeed.ts';
import type { SeedResult } from './runSeed.ts';
import type { FuzzFeatures } from './Scene.ts';

export interface RunOptions {
  /** First seed. */
  from: number;
  seeds: number;
  features: FuzzFeatures;
  /** Called after each seed (progress output). */
  onResult?: (result: SeedResult) => void;
  /** Stops the run after the current seed (the server is still cleaned up). */
  signal?: AbortSignal;
  /** Keep every seed's command log, not only a failing one's. */
  keepLogs?: boolean;
  /**
   * Seeds run side by side on the one server (default 1). Much of a seed is waiting on the network and
   * timers; a kill then reaches every seed running at the time, which each one's log shows.
   */
  jobs?: number;
}

export interface RunSummary {
  seeds: number;
  failures: SeedResult[];
  seconds: number;
  kills: number;
  commands: number;
  markers: number;
  refusals: number;
}

/**
 * Compaction folds the log into a snapshot every 60 updates, so seeds also cross
 * compactions (and kills land before and after them), not only appends.
 */
const SERVER_ENV = { COMPACT_THRESHOLD: '60' };

/** Runs seeds `from` … `from + seeds - 1` on one server process, `jobs` at a time. */
export async function runSeeds(options: RunOptions): Promise<RunSummary> {
  const server = new FuzzServer(SERVER_ENV);
  const started = Date.now();
  const summary: RunSummary = {
    seeds: 0,
    failures: [],
    seconds: 0,
    kills: 0,
    commands: 0,
    markers: 0,
    refusals: 0,
  };
  let next = options.from;
  const end = options.from + options.seeds;
  const worker = async (): Promise<void> => {
    while (next < end && !options.signal?.aborted) {
      const seed = next;
      next += 1;
      const result = await runSeed(server, seed, options.features, options.keepLogs);
      summary.seeds += 1;
      summary.kills += result.killed ? 1 : 0;
      summary.commands += result.commands;
      summary.markers += result.markers;
      summary.refusals += result.refusals;
      if (result.problems.length > 0) summary.failures.push(result);
      options.onResult?.(result);
    }
  };
  await server.start();
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.jobs ?? 1) }, worker));
  } finally {
    await server.cleanup();
    summary.seconds = (Date.now() - started) / 1000;
  }
  summary.failures.sort((a, b) => a.seed - b.seed);
  return summary;
}

/** A failing seed as text: the seed, what diverged, the command log and the server's lines. */
export function formatFailure(result: SeedResult, maxProblemLines = 40): string {
  const problems =
    result.problems.length > maxProblemLines
      ? [...result.problems.slice(0, maxProblemLines), `… ${result.problems.length - maxProblemLines} more`]
      : result.problems;
  return [
    `=== seed ${result.seed} FAILED (${result.ms} ms${result.killed ? ', kill -9 seed' : ''})`,
    ...problems,
    '--- command log',
    result.log ?? '',
    ...(result.serverLog.length > 0 ? ['--- server log (this board)', ...result.serverLog] : []),
  ].join('\n');
}
