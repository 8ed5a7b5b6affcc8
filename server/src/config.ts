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
  /** Sustained bytes per second one connection may send; its burst is two of the largest messages. */
  rateLimitBytesPerSecond: number;
  /** Bytes per second all connections of one board may send together (burst: four of the largest messages). */
  boardBytesPerSecond: number;
  /** Sync requests (step 1: "send me what I lack") one connection may send per minute, also its burst. */
  syncRequestsPerMinute: number;
  /** The same for all connections holding one key together (a room of newcomers sends one each). */
  syncRequestsPerKeyPerMinute: number;
  /**
   * Bytes of answers to sync requests one connection may receive per minute, also its burst: what a request
   * costs is its answer, up to the whole board. At least one whole board always fits.
   */
  syncAnswerBytesPerMinute: number;
  /** Largest presence (awareness) state of one participant; larger ones are not taken or relayed. */
  maxPresenceBytes: number;
  /** Largest board document (its Yjs encoding); an update that would grow it beyond is refused (4413). */
  maxBoardBytes: number;
  /** Origins whose pages may open websockets besides the server's own; browsers always send one. */
  allowedOrigins: string[];
  /** Boards one address may create per minute (also its burst). */
  boardCreatesPerMinute: number;
  /** TCP connections one address may hold open (websockets included). */
  maxConnectionsPerAddress: number;
  /** Create requests one address may be sending at once (a slow upload holds one). */
  maxUploadsPerAddress: number;
  /** A request whose headers and body have not fully arrived after this long is answered 408 and closed. */
  requestTimeoutMs: number;
  /** Largest database file (0: as large as the disk allows); beyond, the server cannot save, as on a full disk. */
  maxDatabaseBytes: number;
  /** What reading one board file (`POST /api/boards`) may cost the worker thread, and how many may wait. */
  boardFileTimeoutMs: number;
  boardFileMaxHeapMb: number;
  boardFileQueue: number;
  /** PostgreSQL for storage (`postgres://…`) instead of the SQLite file in `dataDir`; null: SQLite. */
  databaseUrl: string | null;
  /** Redis for fan-out between several server processes (`redis://…`); null: one process. */
  redisUrl: string | null;
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
  rateLimitBytesPerSecond: 1024 * 1024,
  boardBytesPerSecond: 4 * 1024 * 1024,
  syncRequestsPerMinute: 10,
  syncRequestsPerKeyPerMinute: 300,
  syncAnswerBytesPerMinute: 256 * 1024 * 1024,
  maxPresenceBytes: 64 * 1024,
  maxBoardBytes: 64 * 1024 * 1024,
  allowedOrigins: [],
  boardCreatesPerMinute: 30,
  maxConnectionsPerAddress: 500,
  maxUploadsPerAddress: 4,
  requestTimeoutMs: 90_000,
  maxDatabaseBytes: 0,
  boardFileTimeoutMs: 60_000,
  boardFileMaxHeapMb: 1024,
  boardFileQueue: 8,
  databaseUrl: null,
  redisUrl: null,
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

/** A comma-separated list of origins (`https://host[:port]`), each as a browser sends it. */
function readOrigins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (parsed === null || parsed.origin !== origin) {
      throw new Error(`${name} must list origins such as https://example.org, got "${origin}"`);
    }
    return origin;
  });
}

/** A connection URL with one of `protocols` (`postgres:`), or null when unset. */
function readUrl(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[]): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below
  }
  if (!protocols.includes(protocol)) {
    // The URL may hold a password: never repeat it.
    throw new Error(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
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
    rateLimitBytesPerSecond: readInt(
      env,
      'RATE_LIMIT_BYTES_PER_SECOND',
      defaultConfig.rateLimitBytesPerSecond,
      1024,
    ),
    boardBytesPerSecond: readInt(env, 'BOARD_BYTES_PER_SECOND', defaultConfig.boardBytesPerSecond, 1024),
    syncRequestsPerMinute: readInt(env, 'SYNC_REQUESTS_PER_MINUTE', defaultConfig.syncRequestsPerMinute, 1),
    syncAnswerBytesPerMinute: readInt(
      env,
      'SYNC_ANSWER_BYTES_PER_MINUTE',
      defaultConfig.syncAnswerBytesPerMinute,
      1024,
    ),
    syncRequestsPerKeyPerMinute: readInt(
      env,
      'SYNC_REQUESTS_PER_KEY_PER_MINUTE',
      defaultConfig.syncRequestsPerKeyPerMinute,
      1,
    ),
    maxPresenceBytes: readInt(env, 'MAX_PRESENCE_BYTES', defaultConfig.maxPresenceBytes, 1024),
    maxBoardBytes: readInt(env, 'MAX_BOARD_BYTES', defaultConfig.maxBoardBytes, 64 * 1024),
    allowedOrigins: readOrigins(env, 'ALLOWED_ORIGINS'),
    boardCreatesPerMinute: readInt(env, 'BOARD_CREATES_PER_MINUTE', defaultConfig.boardCreatesPerMinute, 1),
    maxConnectionsPerAddress: readInt(
      env,
      'MAX_CONNECTIONS_PER_ADDRESS',
      defaultConfig.maxConnectionsPerAddress,
      2,
    ),
    maxUploadsPerAddress: readInt(env, 'MAX_UPLOADS_PER_ADDRESS', defaultConfig.maxUploadsPerAddress, 1),
    requestTimeoutMs: readInt(env, 'REQUEST_TIMEOUT_MS', defaultConfig.requestTimeoutMs, 100),
    maxDatabaseBytes: readInt(env, 'MAX_DATABASE_BYTES', defaultConfig.maxDatabaseBytes, 0),
    boardFileTimeoutMs: readInt(env, 'BOARD_FILE_TIMEOUT_MS', defaultConfig.boardFileTimeoutMs, 100),
    boardFileMaxHeapMb: readInt(env, 'BOARD_FILE_MAX_HEAP_MB', defaultConfig.boardFileMaxHeapMb, 32),
    boardFileQueue: readInt(env, 'BOARD_FILE_QUEUE', defaultConfig.boardFileQueue, 0),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
  };
}
