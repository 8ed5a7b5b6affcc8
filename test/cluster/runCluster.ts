/**
 * `npm run cluster`: Interplay as a small deployment on one machine, to try it out. Three compiled server
 * processes (ports 8081–8083) share a PostgreSQL and a Redis started in temporary directories, behind nginx
 * (http://127.0.0.1:8080/, config `deploy/nginx/interplay.conf`). Boards live until it stops (Ctrl+C).
 * Needs Debian's `postgresql`, `redis-server` and `nginx`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startCluster } from '../support/cluster.ts';
import type { ServerHandle } from '../support/serverProcess.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const ports = [8081, 8082, 8083];
const entry = path.join(repoRoot, 'server', 'dist', 'main.js');

/** Echoes a process's log lines, prefixed with which process wrote them. */
function echo(name: string, server: ServerHandle): void {
  for (const stream of [server.process.stdout, server.process.stderr]) {
    if (stream !== null)
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(entry)) throw new Error('server/dist/main.js is missing: run `npm run build` first');
  const cluster = await startCluster({
    processes: ports.length,
    compiledEntry: entry,
    ports,
    // Behind nginx every page has the proxy's address: the per-address limits are nginx's job here.
    env: {
      MAX_CONNECTIONS_PER_ADDRESS: '100000',
      MAX_UPLOADS_PER_ADDRESS: '64',
      BOARD_CREATES_PER_MINUTE: '600',
    },
  });
  cluster.servers.forEach((server, i) => echo(`p${i + 1}`, server));

  const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-nginx-'));
  // nginx's workers may run as another user; they keep their temporary files here.
  fs.chmodSync(nginxDir, 0o777);
  const nginx = spawn(
    'nginx',
    [
      '-p',
      `${nginxDir}/`,
      '-c',
      path.join(repoRoot, 'deploy', 'nginx', 'interplay.conf'),
      '-g',
      'daemon off;',
    ],
    {
      stdio: 'inherit',
    },
  );
  nginx.once('error', (error) =>
    console.error(`nginx could not start (apt-get install nginx): ${error.message}`),
  );

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('stopping: nginx, then each process (SIGTERM), Redis and PostgreSQL');
    nginx.kill('SIGQUIT');
    await Promise.all(cluster.servers.map((server) => server.stop('SIGTERM')));
    await cluster.stop();
    fs.rmSync(nginxDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  nginx.once('exit', () => void stop());

  const deadline = Date.now() + 15_000;
  while (!(await healthy('http://127.0.0.1:8080/healthz'))) {
    if (Date.now() > deadline) throw new Error('nginx did not answer on 127.0.0.1:8080 within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(
    `\nInterplay cluster running: open http://127.0.0.1:8080/\n` +
      `  processes: ${cluster.servers.map((server) => server.url).join('  ')} (each with /healthz)\n` +
      `  DATABASE_URL=${cluster.postgres.url}\n  REDIS_URL=${cluster.redis.url}\n` +
      '  Try: kill -9 one process, or stop Redis; Ctrl+C stops everything.\n',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
