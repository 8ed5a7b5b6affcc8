import type { RunReport } from './syncBench.ts';
import { summariseLatencies } from './stats.ts';

const MiB = 1024 * 1024;

interface Row {
  label: string;
  value(report: RunReport): number;
  format(value: number): string;
  /** Show ours/reference for this row. */
  ratio?: boolean;
  /** Only for pooled reports of several rounds. */
  multiRound?: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (value: number) => `${(value / MiB).toFixed(1)} MiB`;
const count = (value: number) => String(value);

const rows: Row[] = [
  { label: 'edits sent', value: (r) => r.load.editsSent, format: count },
  { label: 'deliveries expected', value: (r) => r.load.deliveriesExpected, format: count },
  {
    label: 'delivered',
    value: (r) => (100 * r.load.deliveriesObserved) / Math.max(1, r.load.deliveriesExpected),
    format: (v) => `${v.toFixed(2)} %`,
  },
  { label: 'latency p50', value: (r) => summariseLatencies(r.load.latenciesMs).p50, format: ms, ratio: true },
  { label: 'latency p95', value: (r) => summariseLatencies(r.load.latenciesMs).p95, format: ms, ratio: true },
  { label: 'latency p99', value: (r) => summariseLatencies(r.load.latenciesMs).p99, format: ms, ratio: true },
  // One unlucky round on a shared machine dominates pooled percentiles; the median round does not.
  {
    label: 'median round p50',
    value: (r) => median(r.rounds.map((x) => x.p50)),
    format: ms,
    ratio: true,
    multiRound: true,
  },
  {
    label: 'median round p95',
    value: (r) => median(r.rounds.map((x) => x.p95)),
    format: ms,
    ratio: true,
    multiRound: true,
  },
  {
    label: 'median round p99',
    value: (r) => median(r.rounds.map((x) => x.p99)),
    format: ms,
    ratio: true,
    multiRound: true,
  },
  { label: 'latency max', value: (r) => summariseLatencies(r.load.latenciesMs).max, format: ms },
  { label: 'server RSS at start', value: (r) => r.usage.startRssBytes, format: mib },
  { label: 'server peak RSS', value: (r) => r.usage.peakRssBytes, format: mib, ratio: true },
  // Start-up memory differs by runtime (ours runs TypeScript through tsx's loader thread, ~30 MiB);
  // the growth under load compares what the servers themselves hold.
  {
    label: 'server RSS growth under load',
    value: (r) => r.usage.peakRssBytes - r.usage.startRssBytes,
    format: mib,
    ratio: true,
  },
  { label: 'server VmHWM', value: (r) => r.usage.hwmBytes, format: mib },
  {
    label: 'server CPU time (per run)',
    value: (r) => r.usage.cpuSeconds,
    format: (v) => `${v.toFixed(2)} s`,
    ratio: true,
  },
  { label: 'client disconnects', value: (r) => r.load.disconnects, format: count },
  { label: 'drain after last edit', value: (r) => r.load.drainMs, format: ms },
  { label: 'load generator loop lag p99', value: (r) => r.load.loopDelayP99Ms, format: ms },
];

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

/** Prints the comparison table (one column per server, plus ours/reference where both ran). */
export function printReport(reports: readonly RunReport[]): void {
  const ours = reports.find((r) => r.name === 'ours');
  const reference = reports.find((r) => r.name === 'reference');
  const showRatio = ours !== undefined && reference !== undefined;
  const labelWidth = Math.max(...rows.map((row) => row.label.length)) + 2;
  const header = [pad('', labelWidth, true), ...reports.map((r) => pad(r.name, 14))];
  if (showRatio) header.push(pad('ours/ref', 10));
  console.log(header.join(''));
  const multiRound = reports.some((r) => r.rounds.length > 1);
  for (const row of rows.filter((candidate) => multiRound || !candidate.multiRound)) {
    const cells = [
      pad(row.label, labelWidth, true),
      ...reports.map((r) => pad(row.format(row.value(r)), 14)),
    ];
    if (showRatio) {
      cells.push(pad(row.ratio ? `${(row.value(ours) / row.value(reference)).toFixed(2)}×` : '', 10));
    }
    console.log(cells.join(''));
  }
}
