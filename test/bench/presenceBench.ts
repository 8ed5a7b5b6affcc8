/**
 * `npm run bench:presence`: does presence (awareness) swamp a room?
 *
 * One real server process, one board, PRESENCE_CLIENTS (60) real y-websocket
 * clients, each moving its cursor through awareness at PRESENCE_HZ (20) for
 * PRESENCE_SECONDS (30: about 150 edits, enough for a steady p95) s, while
 * client 0 makes a document edit every 200 ms.
 * Prints, per edit, the time until ALL other clients had it (p50/p95/p99/max),
 * the per-delivery figures, the server's CPU share over the window (utime +
 * stime from /proc/<pid>/stat) and its RSS.
 *
 * The clients run in PRESENCE_WORKERS (6) child processes. In a session every
 * participant decodes the room's presence on their own laptop; here clients
 * share event loops, and when a presence batch reaches the 20 clients of one
 * loop at once, an edit arriving behind it waits for all 20 (3 loops measured
 * a p95 up to twice that of 6 or 10 on the same machine). Latencies use one
 * machine-wide clock (`performance.timeOrigin + performance.now()`).
 * Run as a worker when started with `--worker` (internal).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startOurServer } from './ourServer.ts';
import { sampleProcess } from './processSampler.ts';
import { summariseLatencies } from './stats.ts';
import type { LatencySummary } from './stats.ts';

const CLIENTS = Number(process.env.PRESENCE_CLIENTS ?? 60);
const HZ = Number(process.env.PRESENCE_HZ ?? 20);
const SECONDS = Number(process.env.PRESENCE_SECONDS ?? 30);
const WORKERS = Number(process.env.PRESENCE_WORKERS ?? 6);
const EDIT_INTERVAL_MS = 200;
const TARGET_P95_MS = 50;

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface WorkerSetup {
  serverUrl: string;
  room: string;
  key: string;
  /** Global indexes of this worker's clients; index 0 is the editor. */
  clients: number[];
}
type ToWorker =
  { type: 'setup'; setup: WorkerSetup } | { type: 'start'; durationMs: number } | { type: 'stop' };
type FromWorker =
  | { type: 'ready' }
  | {
      type: 'result';
      /** Per received edit: [seq, receiving client index, latency ms]. */
      deliveries: Array<[number, number, number]>;
      sent: number;
      cursorMoves: number;
      disconnects: number;
    };

// ---------------------------------------------------------------- worker
async function runWorker(): Promise<void> {
  const send = (message: FromWorker) => process.send!(message);
  let setup: WorkerSetup | undefined;
  const clients: Array<{ index: number; doc: Y.Doc; provider: WebsocketProvider }> = [];
  const deliveries: Array<[number, number, number]> = [];
  let sent = 0;
  let cursorMoves = 0;
  let disconnects = 0;
  // Each WebsocketProvider adds a process 'exit' listener.
  process.setMaxListeners(CLIENTS + 10);
  const timers: NodeJS.Timeout[] = [];

  process.on('message', (message: ToWorker) => {
    if (message.type === 'setup') {
      setup = message.setup;
      void connect(setup).then(() => send({ type: 'ready' }));
    } else if (message.type === 'start') {
      start(message.durationMs);
    } else {
      for (const c of clients) c.provider.destroy();
      process.exit(0);
    }
  });

  async function connect(s: WorkerSetup): Promise<void> {
    for (const index of s.clients) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(s.serverUrl, s.room, doc, {
        params: { key: s.key },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      provider.on('connection-close', () => {
        disconnects += 1;
      });
      provider.awareness.setLocalState({
        user: { name: `Participant ${index}`, colour: '#336699' },
        cursor: { x: 0, y: 0 },
      });
      if (index !== 0) {
        doc.getMap<number>('presenceBench').observe((event) => {
          const at = now();
          for (const key of event.keysChanged) {
            const sentAt = event.target.get(key);
            if (typeof sentAt === 'number') deliveries.push([Number(key), index, at - sentAt]);
          }
        });
      }
      clients.push({ index, doc, provider });
    }
    const deadline = Date.now() + 60_000;
    while (!clients.every((c) => c.provider.synced)) {
      if (Date.now() > deadline) throw new Error('clients did not sync within 60 s');
      await sleep(50);
    }
  }

  function start(durationMs: number): void {
    const stopAt = Date.now() + durationMs;
    for (const c of clients) {
      // Spread the clients' ticks over the interval, as real cursors are not in phase.
      const phase = Math.random() * (1000 / HZ);
      setTimeout(() => {
        let t = Math.random() * 1000;
        const timer = setInterval(() => {
          if (Date.now() >= stopAt) return clearInterval(timer);
          t += 1;
          c.provider.awareness.setLocalStateField('cursor', {
            x: Math.round(500 + 400 * Math.cos(t / 10)),
            y: Math.round(500 + 400 * Math.sin(t / 10)),
          });
          cursorMoves += 1;
        }, 1000 / HZ);
        timers.push(timer);
      }, phase);
      if (c.index === 0) {
        const edits = c.doc.getMap<number>('presenceBench');
        const timer = setInterval(() => {
          if (Date.now() >= stopAt) return clearInterval(timer);
          edits.set(String(sent), now());
          sent += 1;
        }, EDIT_INTERVAL_MS);
        timers.push(timer);
      }
    }
    // Leave time for the last edits to arrive everywhere, then report.
    setTimeout(
      () => send({ type: 'result', deliveries, sent, cursorMoves, disconnects }),
      durationMs + 3_000,
    );
  }
}

// ---------------------------------------------------------------- main
function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function line(label: string, s: LatencySummary): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(34)} n=${String(s.count).padStart(6)}  p50${f(s.p50)}  p95${f(s.p95)}  p99${f(s.p99)}  max${f(s.max)} ms`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'interplay-presence-'));
  const server = await startOurServer(dataDir);
  const workers: ReturnType<typeof fork>[] = [];
  try {
    const [board] = await server.createBoards(1);
    if (!board) throw new Error('no board');
    const self = fileURLToPath(import.meta.url);
    const results: Array<Extract<FromWorker, { type: 'result' }>> = [];
    const ready: Array<Promise<void>> = [];
    const done: Array<Promise<void>> = [];
    for (let w = 0; w < WORKERS; w++) {
      const worker = fork(self, ['--worker'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
      workers.push(worker);
      const indexes = Array.from({ length: CLIENTS }, (_, i) => i).filter((i) => i % WORKERS === w);
      ready.push(
        new Promise((resolve, reject) => {
          worker.once('exit', (code) => reject(new Error(`worker ${w} exited (${code})`)));
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'ready') resolve();
          });
        }),
      );
      done.push(
        new Promise((resolve) =>
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'result') {
              results.push(message);
              resolve();
            }
          }),
        ),
      );
      worker.send({
        type: 'setup',
        setup: { serverUrl: board.serverUrl, room: board.room, key: board.params.key!, clients: indexes },
      } satisfies ToWorker);
    }
    await Promise.all(ready);
    console.log(
      `${CLIENTS} clients connected and synced in ${WORKERS} worker processes; running ${SECONDS} s ` +
        `(load average ${loadavg()[0]?.toFixed(2)})`,
    );
    await sleep(1_000);
    const sampler = sampleProcess(server.child.pid);
    const workerSamplers = workers.map((worker) => sampleProcess(worker.pid ?? -1));
    const started = performance.now();
    for (const worker of workers)
      worker.send({ type: 'start', durationMs: SECONDS * 1000 } satisfies ToWorker);
    await sleep(SECONDS * 1000);
    const usage = sampler.stop();
    const workerCpu = workerSamplers.reduce((sum, w) => sum + w.stop().cpuSeconds, 0);
    const windowSeconds = (performance.now() - started) / 1000;
    await Promise.all(done);

    const sent = results.reduce((n, r) => n + r.sent, 0);
    const moves = results.reduce((n, r) => n + r.cursorMoves, 0);
    const all = results.flatMap((r) => r.deliveries);
    const perEdit = new Map<number, { count: number; max: number }>();
    for (const [seq, , latency] of all) {
      const e = perEdit.get(seq) ?? { count: 0, max: 0 };
      e.count += 1;
      e.max = Math.max(e.max, latency);
      perEdit.set(seq, e);
    }
    const complete = [...perEdit.values()].filter((e) => e.count === CLIENTS - 1);
    const reachAll = summariseLatencies(complete.map((e) => e.max));
    console.log('');
    console.log(
      `edits sent ${sent}, reached all ${CLIENTS - 1} others: ${complete.length}; deliveries ${all.length}/${sent * (CLIENTS - 1)}`,
    );
    const disconnects = results.reduce((n, r) => n + r.disconnects, 0);
    console.log(`cursor moves sent ${moves} (${(moves / SECONDS).toFixed(0)}/s); disconnects ${disconnects}`);
    console.log(line('edit → all other clients', reachAll));
    console.log(line('edit → one client (per delivery)', summariseLatencies(all.map((d) => d[2]))));
    console.log(
      `server CPU ${((usage.cpuSeconds / windowSeconds) * 100).toFixed(0)}% of one core over ${windowSeconds.toFixed(1)} s; ` +
        `RSS ${mb(usage.startRssBytes)} → peak ${mb(usage.peakRssBytes)}`,
    );
    console.log(
      `client processes CPU ${((workerCpu / windowSeconds) * 100).toFixed(0)}% of one core in total ` +
        `(in a session each participant's laptop does its own share)`,
    );
    const verdict = reachAll.p95 <= TARGET_P95_MS ? 'MET' : 'MISSED';
    console.log(`target p95 ≤ ${TARGET_P95_MS} ms: ${verdict}`);
  } finally {
    for (const worker of workers) if (worker.connected) worker.send({ type: 'stop' } satisfies ToWorker);
    await sleep(200);
    for (const worker of workers) worker.kill('SIGKILL');
    await server.child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--worker')) {
  void runWorker();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
