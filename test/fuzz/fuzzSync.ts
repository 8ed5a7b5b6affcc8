/**
 * `npm run fuzz:sync -- --seeds N [--from S] [--jobs J] [--verbose] [--no-<feature>…]`
 * (`--jobs`: seeds side by side on the one server, default 1; `--verbose`: every seed's result line and
 * command log)
 *
 * Seeded convergence fuzz of board commands against the real server (see runSeed.ts).
 * Prints progress and seeds/s, every failing seed with its report, and exits 1 on any
 * failure. `--no-locks`, `--no-phases`, `--no-viewers`, `--no-offline`, `--no-kills`,
 * `--no-conflicts`, `--no-hostile` (participants), `--no-hostileViewers`, `--no-deletes` switch parts off
 * to tell which one a failure needs. Ctrl+C stops after the current seed (and cleans up).
 */
import { parseArgs } from 'node:util';
import { formatFailure, runSeeds } from './runSeeds.ts';
import { ALL_FEATURES } from './Scene.ts';
import type { FuzzFeatures } from './Scene.ts';

const FEATURES = Object.keys(ALL_FEATURES) as Array<keyof FuzzFeatures>;

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '200' },
    from: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '1' },
    verbose: { type: 'boolean', default: false },
    ...Object.fromEntries(FEATURES.map((f) => [`no-${f}`, { type: 'boolean' as const, default: false }])),
  },
});

function count(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
  return n;
}

const seeds = count('seeds', values.seeds as string);
const from = count('from', values.from as string);
const jobs = Math.max(1, count('jobs', values.jobs as string));
const features = Object.fromEntries(
  FEATURES.map((f) => [f, !(values as Record<string, unknown>)[`no-${f}`]]),
) as unknown as FuzzFeatures;
const off = FEATURES.filter((f) => !features[f]);
console.log(
  `fuzz:sync seeds ${from}…${from + seeds - 1}, ${jobs} at a time${off.length > 0 ? `, off: ${off.join(', ')}` : ''}`,
);

// Ctrl+C (or SIGTERM) finishes the seed under way, then stops the server and removes its data directory.
// A signal to the whole process group reaches us twice (directly and relayed by tsx): only a second one
// more than a few seconds after the first stops at once.
const stop = new AbortController();
let stoppingSince = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppingSince === 0) {
      stoppingSince = Date.now();
      console.log(`${signal}: stopping after the current seed`);
      stop.abort();
    } else if (Date.now() - stoppingSince > 3_000) process.exit(130);
  });
}

let done = 0;
const summary = await runSeeds({
  from,
  seeds,
  features,
  signal: stop.signal,
  keepLogs: values.verbose,
  jobs,
  onResult: (result) => {
    done += 1;
    if (result.problems.length > 0) console.log(formatFailure(result));
    else if (values.verbose) {
      const kill = result.killed ? ', kill -9' : '';
      console.log(
        `seed ${result.seed} ok ${result.ms} ms, ${result.commands} commands, ${result.refusals} refusals${kill}`,
      );
      console.log(result.log);
    }
    if (!values.verbose && done % 50 === 0) console.log(`… ${done}/${seeds}`);
  },
});

const rate = summary.seeds / summary.seconds;
const failed = summary.failures.map((f) => f.seed);
console.log(
  `${summary.seeds} seeds in ${summary.seconds.toFixed(1)} s (${rate.toFixed(2)} seeds/s), ` +
    `${summary.commands} commands, ${summary.markers} markers, ${summary.refusals} refusal notices, ` +
    `${summary.kills} kill -9 seeds; ` +
    `${failed.length} failed${failed.length > 0 ? `: ${failed.join(' ')}` : ''}`,
);
process.exit(failed.length > 0 ? 1 : 0);
