import os from 'node:os';
import { readConfig } from './config.ts';
import { createLogger, errorFields } from './log.ts';
import { InterplayServer } from './InterplayServer.ts';
import { LocalRoomBus } from './bus/LocalRoomBus.ts';
import { RedisRoomBus } from './bus/RedisRoomBus.ts';
import type { RoomBus } from './bus/RoomBus.ts';
import type { Logger } from './log.ts';
import type { ServerConfig } from './config.ts';
import { PgStorage } from './storage/PgStorage.ts';
import { SqliteStorage } from './storage/SqliteStorage.ts';
import type { Storage } from './storage/Storage.ts';

/** Addresses other machines on the local network can use to reach us. */
function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
}

/** PostgreSQL when `DATABASE_URL` is set (migrated first), else the SQLite file in `DATA_DIR`. */
function openStorage(config: ServerConfig, log: Logger): Promise<Storage> {
  if (config.databaseUrl !== null) return PgStorage.open(config.databaseUrl, { log });
  return Promise.resolve(
    new SqliteStorage(config.dataDir, config.sqliteSynchronous, config.maxDatabaseBytes, (message, reason) =>
      log.warn(message, { reason }),
    ),
  );
}

/** Redis pub/sub between processes when `REDIS_URL` is set; else the rooms' bus stays inside this process. */
function openBus(config: ServerConfig, log: Logger): Promise<RoomBus> {
  if (config.redisUrl !== null) return RedisRoomBus.connect(config.redisUrl, log);
  return Promise.resolve(new LocalRoomBus(log));
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const storage = await openStorage(config, log);
  const bus = await openBus(config, log).catch(async (error: unknown) => {
    await storage.close();
    throw error;
  });
  const server = new InterplayServer(config, storage, bus, log);
  const port = await server.listen();

  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const hosts = wildcard ? ['localhost', ...networkAddresses()] : [config.host];
  const urls = hosts.map((host) => `http://${host}:${port}/`);
  log.info('listening', {
    port,
    host: config.host,
    urls,
    storage: config.databaseUrl === null ? 'sqlite' : 'postgresql',
    bus: config.redisUrl === null ? 'local' : 'redis',
    ...(config.databaseUrl === null ? { dataDir: config.dataDir } : {}),
  });
  if (process.stdout.isTTY) {
    process.stdout.write(`\nInterplay is running. Open ${urls[0]}\n`);
    if (urls.length > 1) process.stdout.write(`Other laptops on this network: ${urls.slice(1).join('  ')}\n`);
    process.stdout.write('\n');
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    server
      .stop()
      .then(() => bus.close())
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error('shutdown failed', errorFields(error));
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'failed to start',
      ...errorFields(error),
    }) + '\n',
  );
  process.exit(1);
});
