/**
 * What the canvas diagnostics print from a Chrome trace (`PROBE_TRACE=1` in `paintProbe.ts` and
 * `remoteProbe.ts`): paint invalidations by element, and wall time per event name and thread.
 */

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'blink',
  'cc',
  'viz',
];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { nodeName?: string; reason?: string; invalidatedRect?: number[] } };
}

/**
 * Total wall time per event name and thread (complete events), heaviest first: where the frames go.
 * Threads are named with their process id (two pages are two renderer processes).
 */
export function printTraceSummary(buffer: Buffer): void {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const totals = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${`${e.pid} ${threadNames.get(`${e.pid}:${e.tid}`) ?? String(e.tid)}`.padEnd(32)} ${e.name}`;
    const total = totals.get(key) ?? { ms: 0, count: 0 };
    total.ms += e.dur / 1000;
    total.count += 1;
    totals.set(key, total);
  }
  // Paint invalidations by element and reason: what makes the browser repaint during the gesture.
  const invalidations = new Map<string, number>();
  for (const e of events) {
    if (!e.name.includes('InvalidationTracking')) continue;
    const key = `${e.name} ${e.args?.data?.nodeName ?? '?'} (${e.args?.data?.reason ?? '?'})`;
    invalidations.set(key, (invalidations.get(key) ?? 0) + 1);
  }
  for (const [key, count] of [...invalidations.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`    ${String(count).padStart(6)}×  ${key}`);
  }
  for (const [key, { ms, count }] of [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) {
    console.log(`    ${ms.toFixed(0).padStart(6)} ms ${String(count).padStart(5)}×  ${key}`);
  }
}
