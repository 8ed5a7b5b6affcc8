/**
 * `npm run bench:sync`: runs the same editing load against Interplay's server
 * and the reference y-websocket server (LevelDB persistence on), one after the
 * other with a fresh data directory each, and prints delivery latency, delivered
 * share and peak server memory for both. Tunable by env: BENCH_BOARDS,
 * BENCH_CLIENTS, BENCH_RATE (edits/s per client), BENCH_SECONDS, BENCH_DRAIN_SECONDS,
 * BENCH_ONLY (`ours` or `reference`), BENCH_ROUNDS (repeat the pair, alternating, and pool the
 * figures: the machine is shared, so one round can be unlucky).
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from './loadClients.ts';
import type { LoadOptions, LoadResult } from './loadClients.ts';
import { sampleProcess } from './processSampler.ts';
import type { ProcessUsage } from './processSampler.ts';
import { startOurServer } from './ourServer.ts';
import { startReferenceServer } from './referenceServer.ts';
import type { BenchTarget } from './benchTarget.ts';
import { summariseLatencies } from './stats.ts';
import { envNumber } from './envNumber.ts';
import type { LatencySummary } from './stats.ts';
import { printReport } from './printReport.ts';

/** The measurements of one server. */
export interface RunReport {
  name: string;
  load: LoadResult;
  usage: ProcessUsage;
  /** Latency of each round on its own (one entry unless BENCH_ROUNDS > 1). */
  rounds: LatencySummary[];
}

const boardCount = envNumber('BENCH_BOARDS', 10);
const rounds = envNumber('BENCH_ROUNDS', 1);
const loadOptions: LoadOptions = {
  clientsPerBoard: envNumber('BENCH_CLIENTS', 8),
  editsPerSecond: envNumber('BENCH_RATE', 5),
  durationMs: envNumber('BENCH_SECONDS', 10) * 1000,
  drainMs: envNumber('BENCH_DRAIN_SECONDS', 5) * 1000,
  connectTimeoutMs: 30_000,
};

const servers: Array<{ name: string; start: (dataDir: string) => Promise<BenchTarget> }> = [
  { name: 'ours', start: startOurServer },
  { name: 'reference', start: startReferenceServer },
].filter((server) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === server.name);

/** Data dirs still on disk; removed on any exit, including Ctrl-C (which skips `finally` blocks). */
const liveDataDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of liveDataDirs) rmSync(dir, { recursive: true, force: true });
});

async function benchOne(server: (typeof servers)[number]): Promise<RunReport> {
  const dataDir = await mkdtemp(join(tmpdir(), `interplay-bench-${server.name}-`));
  liveDataDirs.add(dataDir);
  let target: BenchTarget | undefined;
  try {
    target = await server.start(dataDir);
    const boards = await target.createBoards(boardCount);
    const sampler = sampleProcess(target.child.pid, 200);
    let load: LoadResult;
    try {
      load = await runLoad(boards, loadOptions);
    } catch (error) {
      sampler.stop();
      throw error;
    }
    const usage = sampler.stop();
    return { name: server.name, load, usage, rounds: [summariseLatencies(load.latenciesMs)] };
  } finally {
    await target?.child.stop();
    await rm(dataDir, { recursive: true, force: true });
    liveDataDirs.delete(dataDir);
  }
}

/** Pools several runs of one server: all latencies together, counts summed, peaks maximal. */
function poolRuns(runs: readonly RunReport[]): RunReport {
  const first = runs[0];
  if (first === undefined || runs.length === 1) return first ?? fail('no runs to pool');
  const latencies = new Float64Array(runs.reduce((sum, run) => sum + run.load.latenciesMs.length, 0));
  let offset = 0;
  for (const run of runs) {
    latencies.set(run.load.latenciesMs, offset);
    offset += run.load.latenciesMs.length;
  }
  const sum = (pick: (run: RunReport) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const max = (pick: (run: RunReport) => number) => Math.max(...runs.map(pick));
  return {
    name: first.name,
    load: {
      editsSent: sum((r) => r.load.editsSent),
      deliveriesExpected: sum((r) => r.load.deliveriesExpected),
      deliveriesObserved: sum((r) => r.load.deliveriesObserved),
      latenciesMs: latencies,
      disconnects: sum((r) => r.load.disconnects),
      drainMs: max((r) => r.load.drainMs),
      loopDelayP99Ms: max((r) => r.load.loopDelayP99Ms),
    },
    usage: {
      startRssBytes: max((r) => r.usage.startRssBytes),
      peakRssBytes: max((r) => r.usage.peakRssBytes),
      hwmBytes: max((r) => r.usage.hwmBytes),
      cpuSeconds: sum((r) => r.usage.cpuSeconds) / runs.length,
      samples: sum((r) => r.usage.samples),
    },
    rounds: runs.flatMap((run) => run.rounds),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

async function main(): Promise<number> {
  // Every WebsocketProvider adds a process 'exit' listener; 80 of them are expected here.
  process.setMaxListeners(boardCount * loadOptions.clientsPerBoard + 20);
  console.log(
    `bench:sync — ${boardCount} boards × ${loadOptions.clientsPerBoard} clients, ` +
      `${loadOptions.editsPerSecond} edits/s each for ${loadOptions.durationMs / 1000} s, ` +
      `drain up to ${loadOptions.drainMs / 1000} s\n`,
  );
  const reports: RunReport[] = [];
  let failed = false;
  for (let round = 1; round <= rounds; round++) {
    for (const server of servers) {
      // The machine may be shared: the load average tells how trustworthy a round is.
      console.log(
        `round ${round}/${rounds}: running ${server.name} (load average ${loadavg()[0]?.toFixed(2)})…`,
      );
      try {
        const report = await benchOne(server);
        const latency = summariseLatencies(report.load.latenciesMs);
        console.log(
          `  ${server.name}: ${report.load.deliveriesObserved}/${report.load.deliveriesExpected} delivered, ` +
            `p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, ` +
            `peak RSS ${(report.usage.peakRssBytes / 1024 / 1024).toFixed(1)} MiB, ` +
            `load generator lag p99 ${report.load.loopDelayP99Ms.toFixed(1)} ms`,
        );
        reports.push(report);
      } catch (error) {
        failed = true;
        console.error(`  ${server.name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  console.log('');
  const pooled = servers
    .map((server) => reports.filter((report) => report.name === server.name))
    .filter((runs) => runs.length > 0)
    .map(poolRuns);
  if (rounds > 1) console.log(`pooled over ${rounds} rounds (peaks are the highest of any round):`);
  printReport(pooled);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
