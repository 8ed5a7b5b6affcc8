/**
 * `npm run bench:sync`: runs the same editing load against Interplay's server
 * and the reference y-websocket server (LevelDB persistence on), one after the
 * other with a fresh data directory each, and prints delivery latency, delivered
 * share and peak server memory for both. Tunable by env: BENCH_BOARDS,
 * BENCH_CLIENTS, BENCH_RATE (edits/s per client), BENCH_SECONDS, BENCH_DRAIN_SECONDS,
 * BENCH_ONLY (`ours` or `reference`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from './loadClients.ts';
import type { LoadOptions, LoadResult } from './loadClients.ts';
import { sampleProcess } from './processSampler.ts';
import type { ProcessUsage } from './processSampler.ts';
import { startOurServer } from './ourServer.ts';
import { startReferenceServer } from './referenceServer.ts';
import type { BenchTarget } from './benchTarget.ts';
import { summariseLatencies } from './stats.ts';
import { printReport } from './printReport.ts';

/** The measurements of one server. */
export interface RunReport {
  name: string;
  load: LoadResult;
  usage: ProcessUsage;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const boardCount = envNumber('BENCH_BOARDS', 10);
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

async function benchOne(server: (typeof servers)[number]): Promise<RunReport> {
  const dataDir = await mkdtemp(join(tmpdir(), `interplay-bench-${server.name}-`));
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
    return { name: server.name, load, usage: sampler.stop() };
  } finally {
    await target?.child.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
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
  for (const server of servers) {
    console.log(`running ${server.name}…`);
    try {
      const report = await benchOne(server);
      const latency = summariseLatencies(report.load.latenciesMs);
      console.log(
        `  ${server.name}: ${report.load.deliveriesObserved}/${report.load.deliveriesExpected} delivered, ` +
          `p95 ${latency.p95.toFixed(1)} ms`,
      );
      reports.push(report);
    } catch (error) {
      failed = true;
      console.error(`  ${server.name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log('');
  printReport(reports);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
