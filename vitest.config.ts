import { defineConfig } from 'vitest/config';

/**
 * One gate, three projects: fast unit tests, integration tests against a real
 * server process, and browser tests in Debian's Chromium.
 *
 * Two workers even on a two-core machine (Vitest's default there is one): the browser files run one at a time
 * in one of them while the unit and server files use the other, instead of every file waiting for the last.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
            'test/lint/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
