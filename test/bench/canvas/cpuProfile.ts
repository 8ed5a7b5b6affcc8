import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
/** A V8 sampling profile as CDP's `Profiler.stop` returns it. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Main-thread time by kind, from Chromium's `Performance.getMetrics` (seconds). */
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export interface GestureProfile {
  /** Milliseconds of main-thread task, script, layout and style time during the gesture. */
  mainThread: Record<(typeof METRICS)[number], number>;
  /** Heaviest functions by self time (only when sampling was on). */
  hot: Array<{ fn: string; selfMs: number }>;
}

/**
 * Runs `gesture` with Chromium's metrics (always) and the V8 sampling profiler
 * (when `sample`), and sums self time per function so the heaviest code shows.
 */
export async function profileGesture(
  page: Page,
  sample: boolean,
  gesture: () => Promise<void>,
): Promise<GestureProfile> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  if (sample) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  }
  const before = await metrics(session);
  await gesture();
  const after = await metrics(session);
  const mainThread = Object.fromEntries(
    METRICS.map((name) => [name, ((after[name] ?? 0) - (before[name] ?? 0)) * 1000]),
  ) as GestureProfile['mainThread'];
  let hot: GestureProfile['hot'] = [];
  if (sample) {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    // BENCH_PROFILE_OUT=<dir> keeps each gesture's raw profile (open it in DevTools for inclusive times).
    const out = process.env.BENCH_PROFILE_OUT;
    if (out) writeFileSync(join(out, `gesture-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    const selfUs = new Map<number, number>();
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.split('/').pop() ?? '';
      const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + (selfUs.get(node.id) ?? 0));
    }
    hot = [...byFunction.entries()]
      .map(([fn, us]) => ({ fn, selfMs: us / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 25);
  }
  await session.detach();
  return { mainThread, hot };
}
