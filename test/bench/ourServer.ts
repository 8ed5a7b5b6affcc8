import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnUntilReady } from './childProcesses.ts';
import type { BenchTarget, BoardEndpoint } from './benchTarget.ts';

/** `BENCH_OURS_ROOT=<another checkout>` benches that server instead, e.g. to compare two commits (git worktree). */
const serverRoot = process.env.BENCH_OURS_ROOT || fileURLToPath(new URL('../../', import.meta.url));

interface CreatedBoard {
  id: string;
  keys: { edit: string };
}

function parseListening(line: string): number | undefined {
  if (!line.includes('"listening"')) return undefined;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

/** `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles our server during the run. */
function extraNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
}

/**
 * The server as production runs it (`node server/dist/main.js`, built by `npm run bench:sync`); a checkout
 * without a build (an older commit) runs from its sources under tsx.
 */
function serverEntry(): string[] {
  const compiled = path.join(serverRoot, 'server', 'dist', 'main.js');
  return fs.existsSync(compiled) ? [compiled] : ['--import', 'tsx', 'server/src/main.ts'];
}

/**
 * Starts Interplay's server on a free loopback port with its data in `dataDir`.
 * It runs as `node …` rather than the `tsx` CLI so that the pid we
 * sample is the server itself, not a wrapper process.
 */
export async function startOurServer(dataDir: string): Promise<BenchTarget> {
  const { child, ready: port } = await spawnUntilReady(
    process.execPath,
    [...extraNodeArgs(), ...serverEntry()],
    {
      cwd: serverRoot,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    },
    parseListening,
    60_000,
  );
  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    name: 'ours',
    child,
    async createBoards(count) {
      const boards: BoardEndpoint[] = [];
      for (let index = 0; index < count; index++) {
        const response = await fetch(`${httpUrl}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Bench board ${index + 1}` }),
        });
        if (response.status !== 201) {
          throw new Error(`POST /api/boards answered ${response.status}: ${await response.text()}`);
        }
        const board = (await response.json()) as CreatedBoard;
        boards.push({
          serverUrl: `ws://127.0.0.1:${port}/sync`,
          room: board.id,
          params: { key: board.keys.edit },
        });
      }
      return boards;
    },
  };
}
