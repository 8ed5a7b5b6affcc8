import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface StartServerOptions {
  /** Reuse a data directory (to restart a server on the same SQLite file); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Extra environment variables, e.g. `{ STATIC_DIR, MAX_MESSAGE_BYTES }`. */
  env?: Record<string, string>;
  /** How long to wait for the "listening" log line. */
  startTimeoutMs?: number;
  /** Run this compiled entry point (`node <file>`, see `server/src/build/buildServer.ts`) instead of the sources. */
  compiledEntry?: string;
}

export interface ServerHandle {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>` */
  wsUrl: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Every stdout/stderr line so far (JSON log lines and anything else). */
  logs: string[];
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` (default SIGTERM) and waits for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<number | null>;
  /** Stops the process if it still runs and removes the data dir if this handle created it. */
  cleanup(): Promise<void>;
}

/**
 * Limits that tests other than their own must not meet: many tests create dozens of boards from one
 * address within a minute. A test of a limit sets it in `env`.
 */
const testDefaults: Record<string, string> = { BOARD_CREATES_PER_MINUTE: '100000' };

/**
 * Spawns the REAL server (`node --import tsx server/src/main.ts`, PORT=0, temp DATA_DIR) and waits for its
 * "listening" line. Node runs the server directly (no npx/tsx wrapper process), so signals reach it.
 */
export async function startServer(options: StartServerOptions = {}): Promise<ServerHandle> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-test-'));
  const args = options.compiledEntry ? [options.compiledEntry] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...testDefaults,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitedYet = false;
  void exited.then(() => {
    exitedYet = true;
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not log "listening" in time; output:\n${logs.join('\n')}`)),
      options.startTimeoutMs ?? 30_000,
    );
    const onLine = (line: string): void => {
      logs.push(line);
      if (!line.includes('"msg":"listening"')) return;
      const match = /"port":(\d+)/.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', (line) => logs.push(line));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening; output:\n${logs.join('\n')}`));
    });
  });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (!exitedYet) child.kill(signal);
    return exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    process: child,
    logs,
    exited,
    stop,
    kill: () => stop('SIGKILL'),
    cleanup: async () => {
      await stop('SIGKILL');
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
