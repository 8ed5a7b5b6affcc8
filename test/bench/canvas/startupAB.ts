/**
 * `tsx test/bench/canvas/startupAB.ts`: A/B of how fast builds open the bench board, alternating
 * builds within one run so they share the machine's load. One server per build (STATIC_DIR), each
 * with the bench board; every open is cold (the room has unloaded, a fresh browser context), as
 * page A of bench:canvas. Prints per open: interactive (openBoard's measure), first nodes visible,
 * and the page's main-thread time by kind (Chromium's cumulative `Performance.getMetrics` at settle:
 * CPU the page spent, less sensitive than wall-clock times to other processes on a shared machine);
 * then medians per build.
 * Environment: BUILDS="label=dir,label=dir" (built client dirs), ROUNDS (default 3).
 */
import type { CDPSession } from 'playwright-core';
import { startServer } from '../../support/serverProcess.ts';
import type { ServerHandle } from '../../support/serverProcess.ts';
import { openBoard } from './openBoard.ts';
import { seedBoard } from './seedBoard.ts';
import { launchProbeChromium, runProbe } from './probeScript.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** The server unloads a room 5 s after its last connection left: wait that out for a cold open. */
const ROOM_UNLOAD_MS = 6000;
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
/** Records the page's long tasks from its first moment (before the app's scripts). */
const LONG_TASKS_SCRIPT = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

interface Build {
  label: string;
  server: ServerHandle;
  url: string;
  closedAt: number;
  runs: Array<Record<string, number>>;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

async function main(): Promise<void> {
  const specs = (process.env.BUILDS ?? '').split(',').filter(Boolean);
  if (specs.length === 0) throw new Error('BUILDS="label=dir,label=dir" is required');
  const rounds = Number(process.env.ROUNDS ?? 3);
  const builds: Build[] = [];
  const browser = await launchProbeChromium();
  try {
    for (const spec of specs) {
      const [label = spec, dir = ''] = spec.split('=');
      const server = await startServer({ env: { STATIC_DIR: dir } });
      const seeded = await seedBoard(server);
      const url = `${server.url}/b/${seeded.board.id}?key=${seeded.board.keys.edit}`;
      builds.push({ label, server, url, closedAt: Date.now(), runs: [] });
    }
    for (let round = 0; round < rounds; round++) {
      for (const build of builds) {
        await sleep(Math.max(0, build.closedAt + ROOM_UNLOAD_MS - Date.now()));
        let session: CDPSession | null = null;
        const opened = await openBoard(browser, build.url, `AB ${build.label}`, async (context) => {
          await context.addInitScript(LONG_TASKS_SCRIPT);
          context.once('page', (page) => {
            void context.newCDPSession(page).then(async (made) => {
              session = made;
              await made.send('Performance.enable');
            });
          });
        });
        const metrics = session ? (await (session as CDPSession).send('Performance.getMetrics')).metrics : [];
        const byName = Object.fromEntries(metrics.map((m) => [m.name, m.value * 1000]));
        const longTasks = (await opened.page.evaluate('window.__longTasks')) as Array<[number, number]>;
        const run: Record<string, number> = {
          interactive: opened.interactiveMs,
          firstVisible: opened.firstVisibleNodeMs,
          nodes: opened.renderedNodes,
          // Main-thread time in long tasks that started before the interactive frame.
          longTasksBefore: longTasks
            .filter(([start]) => start < opened.interactiveMs)
            .reduce((sum, [, duration]) => sum + duration, 0),
        };
        for (const name of METRICS) run[name] = byName[name] ?? NaN;
        build.runs.push(run);
        console.log(
          `round ${round + 1} ${build.label}: ${Object.entries(run)
            .map(([k, v]) => `${k} ${Math.round(v)}`)
            .join(', ')}` + (opened.errors.length ? ` | errors: ${opened.errors.join('; ')}` : ''),
        );
        await opened.context.close();
        build.closedAt = Date.now();
      }
    }
    console.log('medians:');
    for (const build of builds) {
      const keys = Object.keys(build.runs[0] ?? {});
      console.log(
        `  ${build.label}: ${keys.map((k) => `${k} ${Math.round(median(build.runs.map((r) => r[k] ?? NaN)))}`).join(', ')}`,
      );
    }
  } finally {
    await browser.close();
    for (const build of builds) await build.server.cleanup();
  }
}

runProbe(main);
