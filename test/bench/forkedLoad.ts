/**
 * `runLoad` spread over several child processes, each with its own share of the boards (a board's clients stay
 * in one process, so one clock times each delivery): one Node process cannot drive a thousand clients without
 * its own event loop becoming the latency measured.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WebsocketProvider } from 'y-websocket';
import type { BoardEndpoint } from './benchTarget.ts';
import { runLoad } from './loadClients.ts';
import type { LoadOptions, LoadResult } from './loadClients.ts';

type SerialOptions = Omit<LoadOptions, 'onEditing'>;
type ToWorker =
  | { type: 'run'; boards: BoardEndpoint[]; options: SerialOptions }
  /** Every child's clients are synced: start editing. */
  | { type: 'go' }
  /** Points the clients connected to `from` at `to` (round robin), as a load balancer would. */
  | { type: 'reroute'; from: string; to: string[] };
type FromWorker =
  | { type: 'editing' }
  | { type: 'result'; result: Omit<LoadResult, 'latenciesMs'> & { latenciesMs: number[] } }
  | { type: 'failed'; error: string };

/** Redirects the load's clients; available once every worker has started editing. */
export interface LoadControl {
  reroute(from: string, to: string[]): void;
}

/**
 * Runs the load in `processes` children. `onEditing` is called once every child's clients are synced and
 * editing, with a handle to redirect clients (to kill a server halfway, say).
 */
export async function runForkedLoad(
  boards: readonly BoardEndpoint[],
  options: SerialOptions,
  processes: number,
  onEditing?: (control: LoadControl) => void,
): Promise<LoadResult> {
  const shares = Array.from({ length: processes }, (_, i) => boards.filter((_, b) => b % processes === i));
  const children: ChildProcess[] = shares.map(() =>
    fork(fileURLToPath(import.meta.url), ['--load-worker'], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    }),
  );
  let editing = 0;
  const control: LoadControl = {
    // A child whose share is already done has nothing left to redirect.
    reroute: (from, to) =>
      children.forEach(
        (child) => child.connected && child.send({ type: 'reroute', from, to } satisfies ToWorker),
      ),
  };
  try {
    const results = await Promise.all(
      children.map(
        (child, i) =>
          new Promise<LoadResult>((resolve, reject) => {
            child.on('error', reject);
            child.on('message', (message: FromWorker) => {
              if (message.type === 'editing' && ++editing === children.length) {
                for (const each of children) each.send({ type: 'go' } satisfies ToWorker);
                onEditing?.(control);
              } else if (message.type === 'failed') reject(new Error(message.error));
              else if (message.type === 'result')
                resolve({ ...message.result, latenciesMs: Float64Array.from(message.result.latenciesMs) });
            });
            // A result may still be on its way when the exit is seen: a child that exits without one fails.
            child.once('exit', (code) =>
              setTimeout(() => reject(new Error(`load process exited with ${code} without a result`)), 2_000),
            );
            child.send({ type: 'run', boards: shares[i]!, options } satisfies ToWorker);
          }),
      ),
    );
    return merge(results);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

function merge(results: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const latencies = new Float64Array(sum((r) => r.latenciesMs.length));
  let offset = 0;
  for (const r of results) {
    latencies.set(r.latenciesMs, offset);
    offset += r.latenciesMs.length;
  }
  return {
    editsSent: sum((r) => r.editsSent),
    deliveriesExpected: sum((r) => r.deliveriesExpected),
    deliveriesObserved: sum((r) => r.deliveriesObserved),
    latenciesMs: latencies,
    disconnects: sum((r) => r.disconnects),
    drainMs: Math.max(...results.map((r) => r.drainMs)),
    loopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
  };
}

/** A child: runs its share and reports. */
function worker(): void {
  const send = (message: FromWorker, then?: () => void) => process.send!(message, undefined, {}, then);
  let providers: WebsocketProvider[] = [];
  let go = (): void => undefined;
  process.setMaxListeners(0);
  process.on('message', (message: ToWorker) => {
    if (message.type === 'go') return go();
    if (message.type === 'reroute') {
      providers
        .filter((provider) => provider.serverUrl === message.from)
        .forEach((provider, i) => (provider.serverUrl = message.to[i % message.to.length]!));
      return;
    }
    const onEditing = (list: WebsocketProvider[]) =>
      new Promise<void>((resolve) => {
        providers = list;
        go = resolve;
        send({ type: 'editing' });
      });
    runLoad(message.boards, { ...message.options, onEditing }).then(
      (result) => {
        // Disconnecting only once the (large) result is written, or it could be cut off.
        send(
          { type: 'result', result: { ...result, latenciesMs: Array.from(result.latenciesMs) } },
          () => process.connected && process.disconnect(),
        );
      },
      (error: unknown) => send({ type: 'failed', error: String(error) }),
    );
  });
}

if (process.argv.includes('--load-worker')) worker();
