import os from 'node:os';
import { readConfig } from './config.ts';
import { createLogger, errorFields } from './log.ts';
import { InterplayServer } from './InterplayServer.ts';
import { LocalRoomBus } from './bus/LocalRoomBus.ts';
import { SqliteStorage } from './storage/SqliteStorage.ts';

/** Addresses other machines on the local network can use to reach us. */
function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const storage = new SqliteStorage(config.dataDir, config.sqliteSynchronous, config.maxDatabaseBytes);
  // One process: the rooms' bus stays inside it.
  const bus = new LocalRoomBus(log);
  const server = new InterplayServer(config, storage, bus, log);
  const port = await server.listen();

  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const hosts = wildcard ? ['localhost', ...networkAddresses()] : [config.host];
  const urls = hosts.map((host) => `http://${host}:${port}/`);
  log.info('listening', { port, host: config.host, urls, dataDir: config.dataDir });
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
