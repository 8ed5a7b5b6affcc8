/**
 * Real PostgreSQL and Redis servers for tests: Debian's `postgresql` and `redis-server` packages, started in a
 * temporary directory on a free loopback port and stopped afterwards. No Docker, no mocks.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A port nobody listens on right now (the OS picks it; a server started at once gets it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every 50 ms until it is true, for at most `timeoutMs`. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Where Debian puts PostgreSQL's server programs (not on PATH): the newest installed version. */
function postgresBin(program: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && fs.existsSync(path.join(dir, program))) return path.join(dir, program);
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', program);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${program} not found: install Debian's postgresql package (apt-get install postgresql)`);
}

/** PostgreSQL refuses to run as root: then its programs run as the `postgres` user the package creates. */
function asServerUser(program: string, args: string[], cwd: string): Promise<{ stdout: string }> {
  const command = [postgresBin(program), ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  // In a directory the server user may enter: PostgreSQL's programs refuse to start in one it cannot.
  const options = { timeout: 60_000, cwd };
  if (process.getuid?.() !== 0) return run('/bin/sh', ['-c', command], options);
  return run('su', ['postgres', '-s', '/bin/sh', '-c', command], options);
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication on loopback). */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * Creates an empty schema in the `postgres` database and returns a URL whose connections work in it (a
   * fresh store in milliseconds, where a new database takes a checkpoint).
   */
  createSchema(name: string): Promise<string>;
  /** Stops the server at once (`-m immediate`) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Creates a cluster with `initdb` in a temporary directory and starts it on a free loopback port, with
 * fsync off (the tests kill our processes, never the database). Takes a few seconds: share one per file.
 */
export async function startPostgres(): Promise<PostgresServer> {
  // As root, in /tmp: the `postgres` user must reach it (a TMPDIR under /root would not do).
  const dir = fs.mkdtempSync(path.join(process.getuid?.() === 0 ? '/tmp' : os.tmpdir(), 'interplay-pg-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const port = await freePort();
  let started = false;
  const stop = async (): Promise<void> => {
    if (started)
      await asServerUser('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop'], dir).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const initdb = [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ];
    await asServerUser('initdb', initdb, dir);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    const log = path.join(dir, 'log');
    await asServerUser('pg_ctl', ['-D', dataDir, '-o', options, '-l', log, '-w', '-t', '30', 'start'], dir);
    started = true;
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    createDatabase: async (name) => {
      await administer(url, `CREATE DATABASE ${plainName(name)}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    createSchema: async (name) => {
      await administer(url, `CREATE SCHEMA ${plainName(name)}`);
      return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    stop,
  };
}

function plainName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain name: ${name}`);
  return name;
}

async function administer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server (SIGKILL) and waits for it to exit: every connection drops, nothing is kept. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill`). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free loopback port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const start = async (): Promise<void> => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await until(() => ping(port), `redis-server on port ${port}`, 15_000);
  };
  const kill = async (): Promise<void> => {
    child?.kill('SIGKILL');
    await exited;
    child = null;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, restart: start, stop: kill };
}

/** True when a Redis server answers PING on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
