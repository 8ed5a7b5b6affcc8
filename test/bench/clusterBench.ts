/**
 * `npm run bench:cluster`: the same editing load against one process with SQLite and against several processes
 * on one PostgreSQL and one Redis (each board's clients spread over all processes: the worst case for
 * fan-out), in one run; then the cluster again with one process killed (-9) halfway, its clients pointed at
 * the others as a load balancer would; then a ramp of the edit rate for both, to find where p95 passes 100 ms.
 * Prints delivery p50/p95/p99, delivered share and CPU per process; asserts nothing.
 * Env: BENCH_BOARDS (100), BENCH_CLIENTS (10), BENCH_RATE (edits/s per client, 2), BENCH_SECONDS (20),
 * BENCH_DRAIN_SECONDS (10), BENCH_PROCESSES (3), BENCH_RAMP (rate multipliers, "0.25,0.5,1,2,4"),
 * BENCH_RAMP_SECONDS (8). Needs `npm run build:server` (the script does it), PostgreSQL and redis-server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startCluster } from '../support/cluster.ts';
import { createBoard } from '../support/syncClient.ts';
import type { Cluster } from '../support/cluster.ts';
import type { BoardEndpoint } from './benchTarget.ts';
import { runForkedLoad } from './forkedLoad.ts';
import type { LoadControl } from './forkedLoad.ts';
import type { LoadOptions, LoadResult } from './loadClients.ts';
import { startOurServer } from './ourServer.ts';
import { sampleProcess } from './processSampler.ts';
import { summariseLatencies } from './stats.ts';
import { envNumber } from './envNumber.ts';

const boards = envNumber('BENCH_BOARDS', 100);
const clientsPerBoard = envNumber('BENCH_CLIENTS', 10);
const rate = envNumber('BENCH_RATE', 2);
const seconds = envNumber('BENCH_SECONDS', 20);
const processes = envNumber('BENCH_PROCESSES', 3);
const ramp = (process.env.BENCH_RAMP ?? '0.25,0.5,1,2,4')
  .split(',')
  .map(Number)
  .filter((m) => m > 0);
const rampSeconds = envNumber('BENCH_RAMP_SECONDS', 8);
const entry = path.resolve(import.meta.dirname, '..', '..', 'server', 'dist', 'main.js');
// Every client comes from this machine's one address: the per-address limits must not count them.
Object.assign(process.env, { MAX_CONNECTIONS_PER_ADDRESS: '1000000', BOARD_CREATES_PER_MINUTE: '1000000' });

const loadProcesses = envNumber('BENCH_LOAD_PROCESSES', 4);

/** What to stop should the bench be interrupted (Ctrl+C skips `finally`): servers, PostgreSQL, Redis. */
const running = new Set<() => Promise<void>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.allSettled([...running].map((stop) => stop())).then(() => process.exit(130));
  });
}

const load = (editsPerSecond: number, durationS: number): LoadOptions => ({
  clientsPerBoard,
  editsPerSecond,
  durationMs: durationS * 1000,
  drainMs: envNumber('BENCH_DRAIN_SECONDS', 10) * 1000,
  connectTimeoutMs: 120_000,
});

async function createBoards(httpUrl: string, wsUrls: string[]): Promise<BoardEndpoint[]> {
  const created: BoardEndpoint[] = [];
  for (let i = 0; i < boards; i++) {
    const board = await createBoard(httpUrl, `Cluster bench ${i + 1}`);
    created.push({
      serverUrl: wsUrls[0]!,
      serverUrls: wsUrls,
      room: board.id,
      params: { key: board.keys.edit },
    });
  }
  return created;
}

interface Figures {
  name: string;
  result: LoadResult;
  /** CPU per process as a share of one core over the run. */
  cpu: number[];
  durationS: number;
}

function line({ name, result, cpu, durationS }: Figures): string {
  const latency = summariseLatencies(result.latenciesMs);
  const delivered = (100 * result.deliveriesObserved) / Math.max(1, result.deliveriesExpected);
  return (
    `${name.padEnd(34)} ${(result.editsSent / durationS).toFixed(0).padStart(6)} edits/s  ` +
    `p50 ${latency.p50.toFixed(1)} ms  p95 ${latency.p95.toFixed(1)} ms  p99 ${latency.p99.toFixed(1)} ms  ` +
    `delivered ${delivered.toFixed(2)} %  CPU ${cpu.map((c) => `${(100 * c).toFixed(0)} %`).join(' / ')}  ` +
    `(load generator lag p99 ${result.loopDelayP99Ms.toFixed(0)} ms)`
  );
}

/** Runs one load, sampling the CPU of each process. */
async function measure(
  name: string,
  pids: number[],
  endpoints: BoardEndpoint[],
  options: LoadOptions,
  onEditing?: (control: LoadControl) => void,
): Promise<Figures> {
  const samplers = pids.map((pid) => sampleProcess(pid, 500));
  const started = Date.now();
  const result = await runForkedLoad(endpoints, options, loadProcesses, onEditing);
  const wallS = (Date.now() - started) / 1000;
  const cpu = samplers.map((s) => s.stop().cpuSeconds / wallS);
  const figures = { name, result, cpu, durationS: options.durationMs / 1000 };
  console.log(line(figures));
  return figures;
}

async function withSingle<T>(
  body: (pid: number, endpoints: () => Promise<BoardEndpoint[]>) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'interplay-cluster-bench-'));
  const target = await startOurServer(dataDir);
  const stop = async () => {
    await target.child.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  running.add(stop);
  try {
    const port = (await target.createBoards(1))[0]!.serverUrl.replace(/^ws:\/\/127\.0\.0\.1:(\d+).*$/, '$1');
    const endpoints = () => createBoards(`http://127.0.0.1:${port}`, [`ws://127.0.0.1:${port}/sync`]);
    return await body(target.child.pid, endpoints);
  } finally {
    running.delete(stop);
    await stop();
  }
}

async function withCluster<T>(
  body: (cluster: Cluster, endpoints: () => Promise<BoardEndpoint[]>) => Promise<T>,
): Promise<T> {
  const cluster = await startCluster({ processes, compiledEntry: entry });
  running.add(cluster.stop);
  try {
    const endpoints = () =>
      createBoards(
        cluster.servers[0]!.url,
        cluster.servers.map((server) => `${server.wsUrl}/sync`),
      );
    return await body(cluster, endpoints);
  } finally {
    running.delete(cluster.stop);
    await cluster.stop();
  }
}

/** Halfway through the edits, kills the last process and points its clients at the others, as a balancer would. */
function killLast(cluster: Cluster): (control: LoadControl) => void {
  return (control) => {
    setTimeout(
      () => {
        const victim = cluster.servers[cluster.servers.length - 1]!;
        void victim.kill().then(() => {
          const alive = cluster.servers.slice(0, -1).map((server) => `${server.wsUrl}/sync`);
          control.reroute(`${victim.wsUrl}/sync`, alive);
          console.log(`  (killed process ${cluster.servers.length} with -9 halfway)`);
        });
      },
      (seconds * 1000) / 2,
    );
  };
}

/** The first total edit rate of the ramp whose p95 passes 100 ms, or null. */
async function rampUp(
  name: string,
  pids: number[],
  endpoints: () => Promise<BoardEndpoint[]>,
): Promise<number | null> {
  for (const multiplier of ramp) {
    const figures = await measure(
      `${name} ×${multiplier}`,
      pids,
      await endpoints(),
      load(rate * multiplier, rampSeconds),
    );
    if (summariseLatencies(figures.result.latenciesMs).p95 > 100)
      return figures.result.editsSent / rampSeconds;
  }
  return null;
}

async function main(): Promise<void> {
  process.setMaxListeners(boards * clientsPerBoard + 50);
  console.log(
    `bench:cluster — ${boards} boards × ${clientsPerBoard} clients × ${rate} edits/s for ${seconds} s; ` +
      `${processes} processes on PostgreSQL + Redis against 1 process with SQLite (load average ${loadavg()[0]?.toFixed(2)})\n`,
  );
  const figures: Figures[] = [];
  let thresholds: (number | null)[] = [];
  await withSingle(async (pid, endpoints) => {
    figures.push(await measure('1 process, SQLite', [pid], await endpoints(), load(rate, seconds)));
    thresholds.push(await rampUp('  ramp, 1 process', [pid], endpoints));
  });
  await withCluster(async (cluster, endpoints) => {
    const pids = cluster.servers.map((server) => server.process.pid!);
    figures.push(
      await measure(
        `${processes} processes, PostgreSQL + Redis`,
        pids,
        await endpoints(),
        load(rate, seconds),
      ),
    );
    thresholds.push(await rampUp(`  ramp, ${processes} processes`, pids, endpoints));
  });
  await withCluster(async (cluster, endpoints) => {
    const pids = cluster.servers.map((server) => server.process.pid!);
    figures.push(
      await measure(
        `${processes} processes, one killed halfway`,
        pids,
        await endpoints(),
        load(rate, seconds),
        killLast(cluster),
      ),
    );
  });
  const [single, spread] = figures.map((f) => summariseLatencies(f.result.latenciesMs));
  console.log(
    `\np95 ${processes} processes / 1 process: ${((spread?.p95 ?? NaN) / (single?.p95 ?? NaN)).toFixed(2)}× (target ≤ 2×)`,
  );
  thresholds = thresholds.map((t) => (t === null ? null : Math.round(t)));
  const top = Math.round(boards * clientsPerBoard * rate * Math.max(...ramp));
  console.log(
    `p95 passes 100 ms at: 1 process ${thresholds[0] ?? `> ${top}`} edits/s, ` +
      `${processes} processes ${thresholds[1] ?? `> ${top}`} edits/s (ramp ×${ramp.join(', ×')} of ${rate} edits/s per client)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
