/**
 * The storage contract (every method, durability, compaction, history) against a real PostgreSQL started
 * for this file, and what only PostgreSQL has: versioned migrations, and several processes' handles racing.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStorage } from '../../server/src/storage/PgStorage.ts';
import { migratePostgres, pgMigrations } from '../../server/src/storage/pgMigrations.ts';
import { describeStorageContract, testBoard } from '../../server/src/storage/storageContract.ts';
import { startPostgres } from '../support/externalServices.ts';
import type { PostgresServer } from '../support/externalServices.ts';

let server: PostgresServer;
let databases = 0;
/** The contract's store: one migrated schema, emptied before each test (faster than a schema each). */
let contractUrl: string;

beforeAll(async () => {
  server = await startPostgres();
  contractUrl = await freshDatabase();
});

afterAll(async () => {
  await server?.stop();
});

/** A fresh, migrated store (a schema of its own). */
async function freshDatabase(): Promise<string> {
  const url = await server.createSchema(`contract_${++databases}`);
  await (await PgStorage.open(url)).close();
  return url;
}

/** Empties every table of the contract's store, as a fresh one is. */
async function emptied(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
    );
    await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY`);
  } finally {
    await client.end();
  }
}

describeStorageContract('PostgreSQL', async () => {
  await emptied(contractUrl);
  return { connect: () => new PgStorage(contractUrl), dispose: async () => undefined };
});

describe('PgStorage', () => {
  it('migrates a new database once, even when several processes start at the same moment', async () => {
    const url = await server.createSchema(`migrate_${++databases}`);
    const pool = new pg.Pool({ connectionString: url });
    try {
      const runs = await Promise.all([1, 2, 3].map(() => migratePostgres(pool)));
      expect(runs.flat()).toEqual(pgMigrations.map((m) => m.version));
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows.map((row) => row.version)).toEqual(pgMigrations.map((m) => m.version));
      // A later release adds a step: only that one runs.
      const next = { version: 1_000, name: 'a later step', sql: 'ALTER TABLE boards ADD COLUMN later text' };
      expect(await migratePostgres(pool, [...pgMigrations, next])).toEqual([1_000]);
      // This release meets a database migrated by that later one: it refuses to write into it.
      await expect(migratePostgres(pool)).rejects.toThrow(/newer than this release knows/);
    } finally {
      await pool.end();
    }
  });

  it('appends from several handles at once all commit, each with its own sequence number', async () => {
    const url = await freshDatabase();
    const handles = [new PgStorage(url), new PgStorage(url), new PgStorage(url)];
    try {
      await handles[0]!.createBoard(testBoard('busy'));
      const seqs = await Promise.all(
        handles.flatMap((storage, h) =>
          Array.from({ length: 20 }, (_, i) => storage.appendUpdate('busy', new Uint8Array([h, i]))),
        ),
      );
      expect(new Set(seqs).size).toBe(60);
      const loaded = await handles[1]!.loadDocument('busy');
      expect(loaded.updates).toHaveLength(60);
      // Each handle's appends keep their order.
      for (let h = 0; h < 3; h++) {
        const own = loaded.updates.filter(({ update }) => update[0] === h).map(({ update }) => update[1]);
        expect(own).toEqual(Array.from({ length: 20 }, (_, i) => i));
      }
    } finally {
      await Promise.all(handles.map((storage) => storage.close()));
    }
  });

  it('appends of one batch keep their order, and the first claim of a client id in it wins', async () => {
    const url = await freshDatabase();
    const storage = new PgStorage(url);
    try {
      await storage.createBoard(testBoard('batch'));
      const seqs = await Promise.all([
        storage.appendUpdate('batch', new Uint8Array([1]), [[11, 'device:first']]),
        storage.appendUpdate('batch', new Uint8Array([2]), [[11, 'device:second']]),
        storage.appendUpdate('batch', new Uint8Array([3])),
      ]);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      const loaded = await storage.loadDocument('batch');
      expect(loaded.updates.map(({ seq, update }) => [seq, update[0]])).toEqual(
        seqs.map((seq, i) => [seq, i + 1]),
      );
      expect(loaded.owners).toEqual(new Map([[11, 'device:first']]));
    } finally {
      await storage.close();
    }
  });
});
