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

/** Runs seeds `from` … `from + seeds - 1` one after another on one server process. */
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
  await server.start();
  try {
    for (let seed = options.from; seed < options.from + options.seeds; seed += 1) {
      if (options.signal?.aborted) break;
      const result = await runSeed(server, seed, options.features, options.keepLogs);
      server.clearLogs();
      summary.seeds += 1;
      summary.kills += result.killed ? 1 : 0;
      summary.commands += result.commands;
      summary.markers += result.markers;
      summary.refusals += result.refusals;
      if (result.problems.length > 0) summary.failures.push(result);
      options.onResult?.(result);
    }
  } finally {
    await server.cleanup();
    summary.seconds = (Date.now() - started) / 1000;
  }
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
