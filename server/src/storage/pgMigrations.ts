import type pg from 'pg';

/** One step of the PostgreSQL schema. Numbered, applied once each in order, never edited once released. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema's history. Add a new entry for every change; a database records the versions it has in
 * `schema_migrations`, so every process that starts brings it up to date (see `migratePostgres`).
 * Client ids are Yjs's 32-bit unsigned numbers, hence `bigint`; dates are kept as the ISO strings the API
 * uses, exactly as given.
 */
export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: 'boards, update log, snapshots, client id owners, history',
    sql: `
      CREATE TABLE boards (
        id text PRIMARY KEY,
        title text NOT NULL,
        created_at text NOT NULL,
        facilitator_key_hash text NOT NULL,
        editor_key_hash text NOT NULL,
        viewer_key_hash text NOT NULL
      );
      CREATE TABLE snapshots (
        board_id text PRIMARY KEY REFERENCES boards(id),
        state bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        checksum text NOT NULL
      );
      CREATE TABLE updates (
        seq bigserial PRIMARY KEY,
        board_id text NOT NULL REFERENCES boards(id),
        data bytea NOT NULL
      );
      CREATE INDEX updates_by_board ON updates (board_id, seq);
      CREATE TABLE client_owners (
        board_id text NOT NULL REFERENCES boards(id),
        client_id bigint NOT NULL,
        owner text NOT NULL,
        PRIMARY KEY (board_id, client_id)
      );
      CREATE TABLE history_states (
        id bigserial PRIMARY KEY,
        board_id text NOT NULL REFERENCES boards(id),
        base_id bigint REFERENCES history_states(id),
        depth integer NOT NULL,
        snapshot bytea NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX history_states_by_board ON history_states (board_id, id);
      CREATE TABLE moments (
        id text PRIMARY KEY,
        board_id text NOT NULL REFERENCES boards(id),
        kind text NOT NULL,
        status text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        at text NOT NULL,
        recorded_at text NOT NULL,
        trigger text,
        proposed_by text,
        state_id bigint NOT NULL REFERENCES history_states(id)
      );
      CREATE INDEX moments_by_board ON moments (board_id, at);
    `,
  },
  {
    version: 2,
    name: 'boards deleted for good: only their ids are kept',
    sql: `
      CREATE TABLE deleted_boards (
        id text PRIMARY KEY,
        deleted_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 3,
    name: 'the anonymised view link: a key hash per board, none until the facilitator creates it',
    sql: 'ALTER TABLE boards ADD COLUMN anonymous_key_hash text',
  },
];

/** Any constant: every process takes this advisory lock while it migrates, so they never migrate at once. */
const MIGRATION_LOCK = 7_201_020;

/**
 * Brings the database up to the newest schema in one transaction, under an advisory lock (several processes
 * start together). Refuses a database whose schema is newer than this code knows: an older release must not
 * write into it. Returns the versions applied.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const have = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...have].filter((version) => version > newest);
    if (unknown.length > 0) {
      throw new Error(
        `the database has schema version ${Math.max(...unknown)}, newer than this release knows (${newest}): ` +
          'run a release at least as new',
      );
    }
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (have.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
