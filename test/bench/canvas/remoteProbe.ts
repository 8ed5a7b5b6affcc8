/**
 * Diagnostic companion of `canvasBench.ts` (not part of `npm run bench:canvas`): the bench's remote move
 * in one run, with where page B's main thread goes. Opens the bench board in page A (zoomed to 1) and
 * page B (the opening view, as in the bench), drags a card in A along the bench's remote path for
 * PROBE_MS (default 8000) while B is profiled, and prints the latency (A's pointer event → B's DOM, as
 * the bench times it), both pages' main-thread time and B's heaviest functions (PROBE_PROFILE=a: A's; use
 * an unminified build: PROBE_STATIC_DIR). PROBE_TRACE=1 traces instead of profiling (both pages' threads, by process id). `npx tsx test/bench/canvas/remoteProbe.ts`, under the bench lock.
 */
import { openBoard } from './openBoard.ts';
import { watchNode, watchedMoves } from './pageProbe.ts';
import { canvasCentre, organisationNear, pacedDrag, wheelZoomTo } from './pointer.ts';
import { profileGesture } from './cpuProfile.ts';
import { percentile, remoteMoveLatencies } from './remoteMoveLatency.ts';
import { runProbe, withProbeServer } from './probeScript.ts';
import { TRACE_CATEGORIES, printTraceSummary } from './traceSummary.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  await withProbeServer(async (browser, url) => {
    const a = (await openBoard(browser, url, 'Probe A')).page;
    const centre = await canvasCentre(a);
    await wheelZoomTo(a, (await organisationNear(a, centre)).grip, 1);
    const b = (await openBoard(browser, url, 'Probe B')).page;
    await sleep(1000);
    const moving = await organisationNear(a, centre);
    await watchNode(a, moving.id);
    await watchNode(b, moving.id);
    const path = Array.from({ length: 600 }, (_, i) => ({
      x: moving.grip.x - i,
      y: moving.grip.y + 40 * Math.sin((2 * Math.PI * i) / 100),
    }));
    const ms = Number(process.env.PROBE_MS ?? 8000);
    const tracing = process.env.PROBE_TRACE === '1';
    if (tracing) await browser.startTracing(b, { categories: TRACE_CATEGORIES });
    // PROBE_PROFILE=a profiles page A instead of page B.
    const profiled = process.env.PROBE_PROFILE === 'a' ? 'A' : 'B';
    let profileA: Awaited<ReturnType<typeof profileGesture>> | null = null;
    const profileB = await profileGesture(b, !tracing && profiled === 'B', async () => {
      profileA = await profileGesture(a, !tracing && profiled === 'A', async () => {
        await pacedDrag(a, path, ms);
      });
    });
    if (tracing) {
      printTraceSummary(await browser.stopTracing());
    }
    await sleep(1500);
    const { samples, unmatched } = remoteMoveLatencies(await watchedMoves(a), (await watchedMoves(b)).moves);
    console.log(
      `remote move: ${samples.length} samples, p50 ${percentile(samples, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(samples, 95).toFixed(0)} ms, max ${percentile(samples, 100).toFixed(0)} ms` +
        (unmatched > 0 ? ` (${unmatched} unmatched)` : ''),
    );
    const busy = (p: typeof profileB | null): string =>
      p
        ? `${p.mainThread.TaskDuration.toFixed(0)} ms (script ${p.mainThread.ScriptDuration.toFixed(0)}, ` +
          `layout ${p.mainThread.LayoutDuration.toFixed(0)}, style ${p.mainThread.RecalcStyleDuration.toFixed(0)})`
        : '?';
    console.log(`page A main thread ${busy(profileA)}; page B main thread ${busy(profileB)}`);
    const hot = (profiled === 'A' ? profileA : profileB)?.hot ?? [];
    console.log(`page ${profiled}, heaviest functions (self time):`);
    for (const { fn, selfMs } of hot) console.log(`  ${selfMs.toFixed(0).padStart(6)} ms  ${fn}`);
  });
}

runProbe(main);
