import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnUntilReady } from './childProcesses.ts';
import type { BenchTarget } from './benchTarget.ts';

/** Asks the OS for a free loopback port (the reference server cannot listen on port 0 and report it). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Starts the reference y-websocket server (`@y/websocket-server` 0.1.1, its own
 * `bin` script, unmodified) with LevelDB persistence in `dataDir`.
 */
export async function startReferenceServer(dataDir: string): Promise<BenchTarget> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@y/websocket-server/package.json'));
  const port = await findFreePort();
  const { child } = await spawnUntilReady(
    process.execPath,
    [join(packageDir, 'src/server.js')],
    { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: dataDir } },
    (line) => (line.startsWith('running at') ? true : undefined),
    30_000,
  );
  return {
    name: 'reference',
    child,
    async createBoards(count) {
      // The reference has no boards or keys: any room name is a document.
      return Array.from({ length: count }, (_, index) => ({
        serverUrl: `ws://127.0.0.1:${port}`,
        room: `bench-board-${index + 1}`,
        params: {},
      }));
    },
  };
}
