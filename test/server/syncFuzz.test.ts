/**
 * Issue 14, "nothing allowed is ever lost": the seeded convergence fuzz of board commands
 * (test/fuzz) over 200 seeds: offline periods, concurrent locks and phase changes, thread
 * and health conflicts, kill -9 restarts. Every client, the server and a fresh reader end
 * with the same document, and every marker written with an allowed edit is there.
 * Longer runs: `npm run fuzz:sync -- --seeds 10000`.
 */
import { describe, expect, it } from 'vitest';
import { formatFailure, runSeeds } from '../fuzz/runSeeds.ts';
import { ALL_FEATURES } from '../fuzz/Scene.ts';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 200);
/** Reports printed in full; the assertion lists every failing seed. */
const REPORTS_SHOWN = 3;
/** Lines of each failing seed's problems in the assertion message. */
const PROBLEM_LINES = 8;

describe('sync fuzz', () => {
  it(
    `${SEEDS} seeds of board commands converge with every allowed edit kept`,
    { timeout: 600_000 },
    async () => {
      const summary = await runSeeds({ from: 1, seeds: SEEDS, features: ALL_FEATURES, jobs: 2 });
      for (const failure of summary.failures.slice(0, REPORTS_SHOWN)) console.log(formatFailure(failure));
      const failed = summary.failures.map((f) => f.seed);
      // CI keeps only the tail of the output: the assertion itself carries each failing seed's first problems.
      const firstProblems = summary.failures.map((f) =>
        [`seed ${f.seed}:`, ...f.problems.slice(0, PROBLEM_LINES)].join('\n').slice(0, 1_500),
      );
      expect(
        failed,
        `failing seeds (replay one: npm run fuzz:sync -- --from S --seeds 1)\n${firstProblems.join('\n')}\n`,
      ).toEqual([]);
      expect(summary.seeds).toBe(SEEDS);
    },
  );
});
