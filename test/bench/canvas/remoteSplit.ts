/**
 * Diagnostic companion of `canvasBench.ts` (not part of `npm run bench:canvas`): where a remote move's
 * delay goes. Runs the bench's remote move (page A at zoom 1 drags a card along the bench's path for
 * PROBE_MS, default 10000; page B watches at the opening view) with both pages' WebSocket traffic
 * timed: A's document updates as they are sent, B's as they are received (before y-websocket's own
 * handler runs). Each of B's DOM moves is matched, as the bench does, to the pointer move in A that
 * put the card there, and split at the last update B received before it showed it (the k-th update B
 * received is the k-th A sent: only A writes), into A (pointer → send), the server and network (send →
 * B's message event, including any wait for B's busy main thread) and B (message → DOM).
 * `npx tsx test/bench/canvas/remoteSplit.ts` under the bench lock; PROBE_STATIC_DIR serves another build,
 * PROBE_SHOT=<file.png> saves page B mid-drag.
 */
import WebSocket from 'ws';
import type { BrowserContext, Page } from 'playwright-core';
import { openBoard } from './openBoard.ts';
import { watchNode, watchedMoves } from './pageProbe.ts';
import { canvasCentre, organisationNear, pacedDrag, wheelZoomTo } from './pointer.ts';
import { percentile, remoteMoveLatencies } from './remoteMoveLatency.ts';
import { runProbe, withProbeServer } from './probeScript.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Times every y-websocket document update (sync message, update) sent and received by the page. */
const SOCKET_SCRIPT = `(() => {
  const log = { sent: [], received: [] };
  window.__socketLog = log;
  const isUpdate = (data) => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    return bytes !== null && bytes.length > 2 && bytes[0] === 0 && bytes[1] === 2;
  };
  const now = () => performance.timeOrigin + performance.now();
  const Native = window.WebSocket;
  class TimedSocket extends Native {
    constructor(...args) {
      super(...args);
      // Added before y-websocket sets onmessage, so it runs first.
      this.addEventListener('message', (event) => { if (isUpdate(event.data)) log.received.push(now()); });
    }
    send(data) {
      if (isUpdate(data)) log.sent.push(now());
      return super.send(data);
    }
  }
  window.WebSocket = TimedSocket;
})();`;

interface SocketLog {
  sent: number[];
  received: number[];
}

const socketLog = (page: Page): Promise<SocketLog> =>
  page.evaluate(() => (window as unknown as { __socketLog: SocketLog }).__socketLog);

function summary(name: string, values: number[]): string {
  return (
    `${name.padEnd(28)} p50 ${percentile(values, 50).toFixed(0).padStart(4)}  ` +
    `p95 ${percentile(values, 95).toFixed(0).padStart(4)}  max ${percentile(values, 100).toFixed(0).padStart(4)} ms`
  );
}

async function main(): Promise<void> {
  await withProbeServer(async (browser, url) => {
    const timed = async (context: BrowserContext): Promise<void> => {
      await context.addInitScript(SOCKET_SCRIPT);
    };
    const a = (await openBoard(browser, url, 'Probe A', timed)).page;
    const centre = await canvasCentre(a);
    await wheelZoomTo(a, (await organisationNear(a, centre)).grip, 1);
    const b = (await openBoard(browser, url, 'Probe B', timed)).page;
    await sleep(1000);
    const moving = await organisationNear(a, centre);
    await watchNode(a, moving.id);
    await watchNode(b, moving.id);
    // A third member in this process: when the server relays each update (this process is mostly idle).
    const relayed: number[] = [];
    const listener = new WebSocket(url.replace(/^http/, 'ws').replace('/b/', '/sync/'));
    listener.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 2) relayed.push(performance.timeOrigin + performance.now());
    });
    await new Promise((resolve) => listener.once('open', resolve));
    await sleep(500);
    const sentBefore = (await socketLog(a)).sent.length;
    const receivedBefore = (await socketLog(b)).received.length;
    const path = Array.from({ length: 600 }, (_, i) => ({
      x: moving.grip.x - i,
      y: moving.grip.y + 40 * Math.sin((2 * Math.PI * i) / 100),
    }));
    const ms = Number(process.env.PROBE_MS ?? 10000);
    const drag = pacedDrag(a, path, ms);
    // PROBE_SHOT=<file.png>: page B mid-drag, to look at (the screenshot costs B a frame or two).
    const shot = process.env.PROBE_SHOT;
    if (shot) {
      await sleep(ms / 2);
      await b.screenshot({ path: shot });
    }
    await drag;
    await sleep(1500);
    const watchedA = await watchedMoves(a);
    const movesB = (await watchedMoves(b)).moves;
    const sent = (await socketLog(a)).sent.slice(sentBefore);
    const received = (await socketLog(b)).received.slice(receivedBefore);
    listener.close();
    const { samples, unmatched } = remoteMoveLatencies(watchedA, movesB);
    console.log(
      `remote move: ${samples.length} samples, p50 ${percentile(samples, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(samples, 95).toFixed(0)} ms, max ${percentile(samples, 100).toFixed(0)} ms` +
        (unmatched > 0 ? ` (${unmatched} unmatched)` : '') +
        `; A sent ${sent.length} updates, B received ${received.length}, relayed here ${relayed.length}`,
    );
    // Per sample of B: the pointer time (total - sample), the last update received before the DOM change.
    const parts = {
      a: [] as number[],
      net: [] as number[],
      server: [] as number[],
      toB: [] as number[],
      b: [] as number[],
      total: [] as number[],
    };
    const rows: string[] = [];
    let previous = movesB[0]?.[1];
    let sample = 0;
    for (const [at, transform] of movesB.slice(1)) {
      if (transform === previous) continue;
      previous = transform;
      const total = samples[sample];
      if (total === undefined) break;
      // remoteMoveLatencies skips unmatched positions without a sample: close enough when there are none.
      sample++;
      let k = received.length - 1;
      while (k >= 0 && (received[k] ?? Infinity) > at) k--;
      const got = received[k];
      const sentAt = sent[k];
      if (got === undefined || sentAt === undefined) continue;
      const pointer = at - total;
      parts.a.push(sentAt - pointer);
      parts.net.push(got - sentAt);
      parts.b.push(at - got);
      const relayAt = relayed[k];
      if (relayAt !== undefined) {
        parts.server.push(relayAt - sentAt);
        parts.toB.push(got - relayAt);
      }
      parts.total.push(total);
      rows.push(
        `${total.toFixed(0).padStart(5)} = A ${(sentAt - pointer).toFixed(0).padStart(4)} + net ${(got - sentAt).toFixed(0).padStart(4)} + B ${(at - got).toFixed(0).padStart(4)}`,
      );
    }
    if (unmatched > 0) console.log('(unmatched positions: the split below may be shifted)');
    console.log(summary('total', parts.total));
    console.log(summary('A: pointer → send', parts.a));
    console.log(summary('server + network', parts.net));
    console.log(summary('  A send → relayed (here)', parts.server));
    console.log(summary('  relayed → B message', parts.toB));
    console.log(summary('B: message → DOM', parts.b));
    const worst = rows
      .map((row, i) => ({ row, total: parts.total[i] ?? 0 }))
      .sort((x, y) => y.total - x.total)
      .slice(0, Number(process.env.PROBE_WORST ?? 15));
    console.log('slowest samples:');
    for (const { row } of worst) console.log(`  ${row}`);
  });
}

runProbe(main);
