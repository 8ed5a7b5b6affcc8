import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Log levels in increasing severity. */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Everything the server can be tuned with; read once at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  logLevel: LogLevel;
  /** Largest websocket frame accepted; bigger frames close the connection with 1009. */
  maxMessageBytes: number;
  /** Sustained messages per second one connection may send. */
  rateLimitPerSecond: number;
  /** Messages one connection may send in a burst above the sustained rate. */
  rateLimitBurst: number;
  /** Log rows per board after which the log is folded into a snapshot. */
  compactThreshold: number;
  /** How long a board without connections stays in memory before it is flushed and unloaded. */
  roomIdleMs: number;
  /** A history checkpoint follows a board's first change after this long (0: only at the end of a session). */
  checkpointIntervalMs: number;
  /** SQLite `synchronous` pragma: `full` also survives power loss, `normal` survives process crashes. */
  sqliteSynchronous: 'full' | 'normal';
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Tunables in one place; every one can be overridden by the environment variable named in `readConfig`. */
export const defaultConfig: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  staticDir: path.join(repoRoot, 'client', 'dist'),
  logLevel: 'info',
  maxMessageBytes: 4 * 1024 * 1024,
  rateLimitPerSecond: 200,
  rateLimitBurst: 600,
  compactThreshold: 500,
  roomIdleMs: 5_000,
  checkpointIntervalMs: 10 * 60_000,
  sqliteSynchronous: 'normal',
};

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function readChoice<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const found = choices.find((choice) => choice === raw.toLowerCase());
  if (found === undefined) throw new Error(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return found;
}

/** Builds the config from environment variables; throws a readable error on an invalid value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: readInt(env, 'PORT', defaultConfig.port, 0),
    host: env.HOST || defaultConfig.host,
    dataDir: path.resolve(env.DATA_DIR || defaultConfig.dataDir),
    staticDir: path.resolve(env.STATIC_DIR || defaultConfig.staticDir),
    logLevel: readChoice(env, 'LOG_LEVEL', logLevels, defaultConfig.logLevel),
    maxMessageBytes: readInt(env, 'MAX_MESSAGE_BYTES', defaultConfig.maxMessageBytes, 1024),
    rateLimitPerSecond: readInt(env, 'RATE_LIMIT_PER_SECOND', defaultConfig.rateLimitPerSecond, 1),
    rateLimitBurst: readInt(env, 'RATE_LIMIT_BURST', defaultConfig.rateLimitBurst, 1),
    compactThreshold: readInt(env, 'COMPACT_THRESHOLD', defaultConfig.compactThreshold, 1),
    roomIdleMs: readInt(env, 'ROOM_IDLE_MS', defaultConfig.roomIdleMs, 0),
    checkpointIntervalMs:
      readInt(env, 'CHECKPOINT_SECONDS', defaultConfig.checkpointIntervalMs / 1000, 0) * 1000,
    sqliteSynchronous: readChoice(
      env,
      'SQLITE_SYNCHRONOUS',
      ['full', 'normal'],
      defaultConfig.sqliteSynchronous,
    ),
  };
}
