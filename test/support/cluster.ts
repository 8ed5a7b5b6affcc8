import { startPostgres, startRedis } from './externalServices.ts';
import type { PostgresServer, RedisServer } from './externalServices.ts';
import { startServer } from './serverProcess.ts';
import type { ServerHandle } from './serverProcess.ts';

export interface ClusterOptions {
  /** How many server processes. */
  processes: number;
  /** The compiled server to run (`node <file>`, see `buildServer`). */
  compiledEntry: string;
  /** Each process's port, in order; free ones when absent. */
  ports?: number[];
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Work the processes need (building the server), done while PostgreSQL and Redis start. */
  alongside?: Promise<unknown>;
}

export interface Cluster {
  postgres: PostgresServer;
  redis: RedisServer;
  /** The processes, in start order; replace an entry after `startProcess` if you like. */
  servers: ServerHandle[];
  /** One more process on the same PostgreSQL and Redis (on `port`, or a free one). */
  startProcess(port?: number): Promise<ServerHandle>;
  /** Kills every process, then stops Redis and PostgreSQL. */
  stop(): Promise<void>;
}

/**
 * Several real server processes on one real PostgreSQL and one real Redis, each started here in a temporary
 * directory (see `externalServices.ts`): the shape of a deployment behind a load balancer, on one machine.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis(), options.alongside]);
  const startProcess = (port?: number): Promise<ServerHandle> =>
    startServer({
      compiledEntry: options.compiledEntry,
      env: {
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        ...(port === undefined ? {} : { PORT: String(port) }),
        ...options.env,
      },
    });
  const servers: ServerHandle[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.cleanup()));
    await Promise.all([redis.stop(), postgres.stop()]);
  };
  const started = await Promise.allSettled(
    Array.from({ length: options.processes }, (_, i) => startProcess(options.ports?.[i])),
  );
  for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await stop();
    throw failed.reason;
  }
  return { postgres, redis, servers, startProcess, stop };
}
