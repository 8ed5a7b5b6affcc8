/**
 * `tsx test/bench/canvas/startupTrace.ts`: where the time until a large board is interactive goes.
 * Seeds the bench board, lets its room unload (cold, like page A of bench:canvas), opens it, then opens it
 * again while the room is loaded (warm, like page B), and prints per open: when the main script finished
 * loading, the websocket opened, the sync reply arrived, the long tasks, and interactive.
 * Environment: BENCH_STATIC_DIR (serve that build), TRACE_ROUNDS (default 2), TRACE_PROFILE=1 (V8 sampling
 * profile of the page: self times and the heaviest call path per 100 ms; TRACE_INCLUSIVE=1 adds inclusive
 * times, TRACE_DEPTH the call path depth, default 6; TRACE_SAVE=<path prefix> writes each open's profile as
 * <prefix>-cold.cpuprofile / -warm.cpuprofile). Serve an unminified build for readable names.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { startServer } from '../../support/serverProcess.ts';
import { openBoard } from './openBoard.ts';
import { seedBoard } from './seedBoard.ts';
import type { CpuProfile } from './cpuProfile.ts';
import { launchProbeChromium, runProbe } from './probeScript.ts';

const TRACE_SCRIPT = `(() => {
  const trace = { ws: [], longTasks: [] };
  window.__trace = trace;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const entry = { created: performance.now(), open: NaN, messages: [] };
      trace.ws.push(entry);
      this.addEventListener('open', () => { entry.open = performance.now(); });
      this.addEventListener('message', (event) => {
        const size = event.data.byteLength ?? event.data.size ?? event.data.length;
        if (entry.messages.length < 6) entry.messages.push([performance.now(), size]);
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) trace.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const r = (n: number): string => String(Math.round(n));

async function main(): Promise<void> {
  const staticDir = process.env.BENCH_STATIC_DIR;
  const server = await startServer(staticDir ? { env: { STATIC_DIR: staticDir } } : {});
  const browser = await launchProbeChromium();
  try {
    for (let round = 0; round < Number(process.env.TRACE_ROUNDS ?? 2); round++) {
      const seeded = await seedBoard(server);
      const url = `${server.url}/b/${seeded.board.id}?key=${seeded.board.keys.edit}`;
      // The room unloads 5 s after its last connection left.
      await sleep(6000);
      for (const label of ['cold', 'warm']) {
        const opened = await openBoardTraced(browser, url, label);
        if (label === 'warm') await opened.close();
        else await sleep(500);
        if (label === 'cold') pending.push(opened);
      }
      for (const page of pending.splice(0)) await page.close();
    }
  } finally {
    await browser.close();
    await server.cleanup();
  }
}

let profiling: CDPSession | null = null;

/** Self time per function, and inclusive time of a few entry points, over the whole open. */
function printProfile(profile: CpuProfile): void {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  const walk = (id: number, seen: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    let sum = selfUs.get(id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    const inner = new Set(seen).add(key);
    for (const child of node.children ?? []) sum += walk(child, inner);
    if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + sum);
    return sum;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (selfUs.get(node.id) ?? 0));
  }
  const top = (m: Map<string, number>, n: number): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `    ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  console.log('  self:\n' + top(self, 25));
  // Per 100 ms since the profile started: the heaviest call paths (3 frames) in that slice.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (id: number): string => {
    const f = byId.get(id)?.callFrame;
    return f ? `${f.functionName || '(anon)'}:${f.lineNumber + 1}` : '?';
  };
  const buckets = new Map<number, Map<string, number>>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const fn = name(id);
    if (fn.startsWith('(idle)')) return;
    const path: string[] = [];
    for (
      let cur: number | undefined = id;
      cur !== undefined && path.length < Number(process.env.TRACE_DEPTH ?? 6);
      cur = parent.get(cur)
    )
      path.push(name(cur));
    const bucket = Math.floor(at / 100_000);
    const m = buckets.get(bucket) ?? new Map<string, number>();
    const k = path.join(' < ');
    m.set(k, (m.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
    buckets.set(bucket, m);
  });
  for (const [bucket, m] of [...buckets.entries()].sort((a, b) => a[0] - b[0])) {
    const busy = [...m.values()].reduce((a, b) => a + b, 0) / 1000;
    const [best] = [...m.entries()].sort((a, b) => b[1] - a[1]);
    console.log(
      `  ${bucket * 100} ms: busy ${busy.toFixed(0)} ms; top ${((best?.[1] ?? 0) / 1000).toFixed(0)} ms ${best?.[0] ?? ''}`,
    );
  }
  if (process.env.TRACE_INCLUSIVE === '1') console.log('  inclusive:\n' + top(total, 60));
}

const pending: Array<{ close(): Promise<void> }> = [];

async function openBoardTraced(
  browser: Browser,
  url: string,
  label: string,
): Promise<{ close(): Promise<void> }> {
  // openBoard makes its own context: add the trace script to it.
  const originalNewContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const made = await originalNewContext(options);
    await made.addInitScript(TRACE_SCRIPT);
    if (process.env.TRACE_PROFILE === '1') {
      const newPage = made.newPage.bind(made);
      made.newPage = async () => {
        const page = await newPage();
        const session = await made.newCDPSession(page);
        await session.send('Profiler.enable');
        await session.send('Profiler.setSamplingInterval', { interval: 200 });
        await session.send('Profiler.start');
        profiling = session;
        return page;
      };
    }
    return made;
  };
  const opened = await openBoard(browser, url, `Trace ${label}`);
  browser.newContext = originalNewContext;
  if (profiling) {
    const { profile } = (await profiling.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    profiling = null;
    printProfile(profile);
    // For a closer look with other tools (e.g. Chromium's DevTools: Performance → load profile).
    if (process.env.TRACE_SAVE)
      writeFileSync(`${process.env.TRACE_SAVE}-${label}.cpuprofile`, JSON.stringify(profile));
  }
  const trace = (await opened.page.evaluate(() => {
    const w = window as unknown as {
      __trace: {
        ws: Array<{ created: number; open: number; messages: Array<[number, number]> }>;
        longTasks: Array<[number, number]>;
      };
    };
    const script = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .map((e) => [e.name.split('/').pop(), (e as PerformanceResourceTiming).responseEnd]);
    const info = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/boards/'))
      .map((e) => [
        (e as PerformanceResourceTiming).requestStart,
        (e as PerformanceResourceTiming).responseEnd,
      ]);
    return { origin: performance.timeOrigin, ws: w.__trace.ws, longTasks: w.__trace.longTasks, script, info };
  })) as {
    origin: number;
    ws: Array<{ created: number; open: number; messages: Array<[number, number]> }>;
    longTasks: Array<[number, number]>;
    script: Array<[string, number]>;
    info: Array<[number, number]>;
  };
  const ws = trace.ws[0];
  console.log(
    `${label}: interactive ${r(opened.interactiveMs)} ms | js loaded ${trace.script.map(([n, t]) => `${n}@${r(t)}`).join(' ')}` +
      ` | info ${trace.info.map(([a, b]) => `${r(a)}→${r(b)}`).join(' ')}` +
      ` | ws created ${r(ws?.created ?? NaN)} open ${r(ws?.open ?? NaN)} msgs ${(ws?.messages ?? []).map(([t, s]) => `${r(t)}:${s}B`).join(' ')}`,
  );
  console.log(`  long tasks: ${trace.longTasks.map(([s, d]) => `${r(s)}+${r(d)}`).join(' ')}`);
  return { close: () => opened.context.close() };
}

runProbe(main);
