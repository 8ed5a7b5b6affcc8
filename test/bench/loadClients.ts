import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { BoardEndpoint } from './benchTarget.ts';

/** The load every server gets. */
export interface LoadOptions {
  clientsPerBoard: number;
  editsPerSecond: number;
  durationMs: number;
  /** Longest wait for outstanding deliveries after the last edit. */
  drainMs: number;
  /** Longest wait for every client to connect and finish its first sync. */
  connectTimeoutMs: number;
  /**
   * Called once every client is synced, with the clients' providers (to redirect them later); the edits begin
   * when what it returns resolves (several load processes start together).
   */
  onEditing?: (providers: WebsocketProvider[]) => void | Promise<void>;
}

/** What one run measured, from the clients' side. */
export interface LoadResult {
  editsSent: number;
  deliveriesExpected: number;
  deliveriesObserved: number;
  /** One entry per (edit, receiving client) delivery, in ms. */
  latenciesMs: Float64Array;
  /** Times a client lost its connection during the run. */
  disconnects: number;
  /** How long the drain took (ms after the last edit until all arrived or the wait ended). */
  drainMs: number;
  /** 99th percentile of this process's event-loop delay, in ms: shows whether the load generator kept up. */
  loopDelayP99Ms: number;
}

/** Sent in every edit: who sent it, when, and a little content so updates have a realistic size. */
interface EditPayload {
  from: number;
  seq: number;
  sentAt: number;
  position: { x: number; y: number };
  note: string;
}

interface BenchClient {
  id: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  edits: Y.Map<EditPayload>;
}

// y-websocket types its polyfill as the DOM WebSocket; `ws` implements the part it uses.
const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Connects `clientsPerBoard` real y-websocket clients to every board, has each
 * edit at `editsPerSecond` for `durationMs`, and measures how long every edit
 * takes to reach each other client of its board. All clients live in this
 * process, so `performance.now()` is one clock for sender and receivers.
 */
export async function runLoad(boards: readonly BoardEndpoint[], options: LoadOptions): Promise<LoadResult> {
  const clients: BenchClient[] = [];
  const latencies: number[] = [];
  let disconnects = 0;
  let loadRunning = false;

  try {
    for (const board of boards) {
      for (let index = 0; index < options.clientsPerBoard; index++) {
        const id = clients.length;
        const doc = new Y.Doc();
        const serverUrl = board.serverUrls?.[index % board.serverUrls.length] ?? board.serverUrl;
        const provider = new WebsocketProvider(serverUrl, board.room, doc, {
          // As a browser does: one device id per page, so after a reconnect it may go on writing its client id.
          params: { ...board.params, device: randomBytes(16).toString('base64url') },
          WebSocketPolyfill,
          // WARNING: without this, clients of one room in one process talk over
          // Node's global BroadcastChannel and bypass the server entirely.
          disableBc: true,
        });
        const edits = doc.getMap<EditPayload>('benchEdits');
        edits.observe((event) => {
          const now = performance.now();
          for (const key of event.keysChanged) {
            const payload = edits.get(key);
            if (payload === undefined || payload.from === id) continue;
            latencies.push(now - payload.sentAt);
          }
        });
        provider.on('status', ({ status }: { status: string }) => {
          if (status === 'disconnected' && loadRunning) disconnects += 1;
        });
        clients.push({ id, doc, provider, edits });
      }
    }

    const connectDeadline = performance.now() + options.connectTimeoutMs;
    while (!clients.every((client) => client.provider.synced)) {
      if (performance.now() > connectDeadline) {
        const synced = clients.filter((client) => client.provider.synced).length;
        throw new Error(
          `only ${synced}/${clients.length} clients synced within ${options.connectTimeoutMs} ms`,
        );
      }
      await sleep(50);
    }

    const loopResolutionMs = 10;
    const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
    loopDelay.enable();
    loadRunning = true;
    const editsPerClient = Math.round((options.editsPerSecond * options.durationMs) / 1000);
    const intervalMs = 1000 / options.editsPerSecond;
    let editsSent = 0;
    await options.onEditing?.(clients.map((client) => client.provider));
    // Each client starts at a random phase so edits spread over time as with real people.
    await Promise.all(
      clients.map(
        (client) =>
          new Promise<void>((resolve) => {
            let seq = 0;
            const edit = () => {
              const payload: EditPayload = {
                from: client.id,
                seq,
                sentAt: performance.now(),
                position: { x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 3000) },
                note: `client ${client.id} edit ${seq}`,
              };
              client.doc.transact(() => client.edits.set(`${client.id}:${seq}`, payload));
              editsSent += 1;
              seq += 1;
            };
            setTimeout(() => {
              edit();
              const timer = setInterval(() => {
                if (seq >= editsPerClient) {
                  clearInterval(timer);
                  resolve();
                  return;
                }
                edit();
              }, intervalMs);
            }, Math.random() * intervalMs);
          }),
      ),
    );

    const deliveriesExpected = editsSent * (options.clientsPerBoard - 1);
    const drainStart = performance.now();
    while (latencies.length < deliveriesExpected && performance.now() - drainStart < options.drainMs) {
      await sleep(20);
    }
    const drainMs = performance.now() - drainStart;
    loadRunning = false;
    loopDelay.disable();
    return {
      editsSent,
      deliveriesExpected,
      deliveriesObserved: latencies.length,
      latenciesMs: Float64Array.from(latencies),
      disconnects,
      drainMs,
      // The histogram records whole timer intervals; the lag is what exceeds the resolution.
      loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - loopResolutionMs),
    };
  } finally {
    loadRunning = false;
    for (const client of clients) {
      client.provider.destroy();
      client.doc.destroy();
    }
  }
}
