import pg from 'pg';
import type { BoardRole as Role } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { PgHistory } from './PgHistory.ts';
import { migratePostgres } from './pgMigrations.ts';
import { inTransaction } from './pgTransaction.ts';
import type {
  BoardRecord,
  ClientClaim,
  CompactResult,
  Fold,
  HistoryHead,
  LogIndex,
  MomentPatch,
  NewHistoryState,
  RewrittenHistoryState,
  Storage,
  StoredDocument,
  StoredMoment,
} from './Storage.ts';
import { snapshotChecksum, verifySnapshot } from './snapshotChecksum.ts';
import { asBuffer, keyColumn, toBoardRecord } from './storedRows.ts';
import type { BoardRow, PendingAppend } from './storedRows.ts';

const bytea = asBuffer;

export interface PgStorageOptions {
  /** Connections this process keeps to the database. */
  poolSize?: number;
  log?: Logger;
}

/**
 * Storage in PostgreSQL, for several server processes sharing the boards (`DATABASE_URL`). Open it with
 * `PgStorage.open`, which brings the schema up to date first (`pgMigrations.ts`).
 *
 * Appends use group commit, as in `SqliteStorage`: the appends requested while a batch is being written go
 * together in the next transaction, and each promise resolves only once its transaction committed. One batch
 * is in flight at a time, so a process's later appends get larger sequence numbers.
 */
export class PgStorage implements Storage {
  private readonly pool: pg.Pool;
  private readonly history: PgHistory;
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;
  private closed: Promise<void> | null = null;

  /** Connects without migrating: for a database `open` (or another process) has already migrated. */
  constructor(connectionString: string, options: PgStorageOptions = {}) {
    this.pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    // An idle connection the server dropped (a restart): the pool replaces it; without a listener, Node exits.
    this.pool.on('error', (error) => options.log?.warn('database connection lost', errorFields(error)));
    this.history = new PgHistory(this.pool);
  }

  /** Connects and migrates the schema to the newest version (several processes may do so at once). */
  static async open(connectionString: string, options: PgStorageOptions = {}): Promise<PgStorage> {
    const storage = new PgStorage(connectionString, options);
    try {
      const applied = await migratePostgres(storage.pool);
      if (applied.length > 0) options.log?.info('database schema migrated', { versions: applied });
    } catch (error) {
      await storage.close();
      throw error;
    }
    return storage;
  }

  async createBoard(board: BoardRecord, initialState?: Uint8Array): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO boards (id, title, created_at, facilitator_key_hash, editor_key_hash, viewer_key_hash,
           anonymous_key_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          board.id,
          board.title,
          board.createdAt,
          board.keyHashes.facilitator,
          board.keyHashes.editor,
          board.keyHashes.viewer,
          board.keyHashes.anonymous,
        ],
      );
      if (initialState !== undefined) {
        await client.query(
          'INSERT INTO snapshots (board_id, state, version, checksum) VALUES ($1, $2, 1, $3)',
          [board.id, bytea(initialState), snapshotChecksum(initialState)],
        );
      }
    });
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toBoardRecord(rows[0]);
  }

  async setKeyHash(id: string, role: Role, keyHash: string): Promise<void> {
    const result = await this.pool.query(`UPDATE boards SET ${keyColumn[role]} = $1 WHERE id = $2`, [
      keyHash,
      id,
    ]);
    if (result.rowCount !== 1) throw new Error(`board ${id} does not exist`);
  }

  loadDocument(boardId: string): Promise<StoredDocument> {
    // One snapshot of the database, so a concurrent compaction cannot be seen half done.
    return inTransaction(
      this.pool,
      async (client) => {
        const snapshot = await client.query<{ state: Buffer; version: number; checksum: string }>(
          'SELECT state, version, checksum FROM snapshots WHERE board_id = $1',
          [boardId],
        );
        const stored = snapshot.rows[0];
        if (stored !== undefined) verifySnapshot(boardId, stored.state, stored.checksum);
        const updates = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE board_id = $1 ORDER BY seq',
          [boardId],
        );
        const owners = await client.query<{ client_id: string; owner: string }>(
          'SELECT client_id, owner FROM client_owners WHERE board_id = $1',
          [boardId],
        );
        return {
          snapshot: stored === undefined ? null : new Uint8Array(stored.state),
          snapshotVersion: stored?.version ?? 0,
          updates: updates.rows.map((row) => ({ seq: Number(row.seq), update: new Uint8Array(row.data) })),
          owners: new Map(owners.rows.map((row) => [Number(row.client_id), row.owner])),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async logIndex(boardId: string): Promise<LogIndex> {
    // One statement sees one snapshot of the database.
    const { rows } = await this.pool.query<{ version: number | null; seqs: string[] }>(
      `SELECT (SELECT version FROM snapshots WHERE board_id = $1) AS version,
              ARRAY(SELECT seq FROM updates WHERE board_id = $1 ORDER BY seq)::text[] AS seqs`,
      [boardId],
    );
    const row = rows[0]!;
    return { snapshotVersion: row.version ?? 0, seqs: row.seqs.map(Number) };
  }

  appendUpdate(boardId: string, update: Uint8Array, claims: readonly ClientClaim[] = []): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ boardId, update, claims, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Writes batches until nothing is pending; each append of a batch resolves only after its commit. */
  private async flushLoop(): Promise<void> {
    // Let the appends of this event-loop turn join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        const seqs = await this.writeBatch(batch);
        batch.forEach((item, index) => item.resolve(seqs[index]!));
      } catch {
        // One append may fail alone (its board was just deleted): it must not fail the other boards' appends.
        // Each is committed on its own then, with its own error.
        for (const item of batch)
          await this.writeBatch([item]).then(([seq]) => item.resolve(seq!), item.reject);
      }
    }
    this.flushing = null;
  }

  /**
   * One statement, so one round trip and one transaction: the rows get sequence numbers in the order of the
   * appends (drawn from the sorted input), and the claims go in with them. The first owner of a client id
   * stays, within the batch too.
   */
  private async writeBatch(batch: PendingAppend[]): Promise<number[]> {
    const claims = batch.flatMap(({ boardId, claims }) =>
      claims.map(([id, owner]) => ({ boardId, id, owner })),
    );
    const { rows } = await this.pool.query<{ seq: string }>(
      `WITH input AS (
         SELECT nextval(pg_get_serial_sequence('updates', 'seq')) AS seq, board_id, data, n
         FROM (SELECT * FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(board_id, data, n) ORDER BY n) ordered
       ), claimed AS (
         INSERT INTO client_owners (board_id, client_id, owner)
         SELECT board_id, client_id, owner
         FROM unnest($3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS c(board_id, client_id, owner, n)
         ORDER BY n
         ON CONFLICT DO NOTHING
       ), written AS (
         INSERT INTO updates (seq, board_id, data) SELECT seq, board_id, data FROM input
       )
       SELECT seq FROM input ORDER BY n`,
      [
        batch.map((item) => item.boardId),
        batch.map((item) => bytea(item.update)),
        claims.map((c) => c.boardId),
        claims.map((c) => c.id),
        claims.map((c) => c.owner),
      ],
    );
    return rows.map((row) => Number(row.seq));
  }

  compact(boardId: string, snapshot: Uint8Array, fold: Fold): Promise<CompactResult> {
    return inTransaction(this.pool, async (client): Promise<CompactResult> => {
      // The board's row is locked for the check and the write, so two processes cannot both pass the check.
      // NO KEY UPDATE: appends (whose foreign key takes a KEY SHARE lock) go on meanwhile.
      await client.query('SELECT 1 FROM boards WHERE id = $1 FOR NO KEY UPDATE', [boardId]);
      const stored = await client.query<{ version: number }>(
        'SELECT version FROM snapshots WHERE board_id = $1',
        [boardId],
      );
      if ((stored.rows[0]?.version ?? 0) !== fold.basedOn) return { ok: false };
      const snapshotVersion = fold.basedOn + 1;
      const checksum = snapshotChecksum(snapshot);
      const written = await client.query<{ state: Buffer }>(
        `INSERT INTO snapshots (board_id, state, version, checksum) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = now(),
           version = excluded.version, checksum = excluded.checksum
         RETURNING state`,
        [boardId, bytea(snapshot), snapshotVersion, checksum],
      );
      // Read back before the log rows go: should the write not hold what was sent, everything rolls back.
      verifySnapshot(boardId, written.rows[0]!.state, checksum);
      await client.query('DELETE FROM updates WHERE board_id = $1 AND seq = ANY($2::bigint[])', [
        boardId,
        fold.seqs,
      ]);
      return { ok: true, snapshotVersion };
    });
  }

  addMoment(boardId: string, moment: Moment, state: NewHistoryState | number): Promise<number> {
    return this.history.addMoment(boardId, moment, state);
  }

  historyHead(boardId: string): Promise<HistoryHead | null> {
    return this.history.historyHead(boardId);
  }

  loadHistoryState(boardId: string, stateId: number): Promise<Uint8Array[]> {
    return this.history.loadHistoryState(boardId, stateId);
  }

  listMoments(boardId: string): Promise<StoredMoment[]> {
    return this.history.listMoments(boardId);
  }

  getMoment(boardId: string, momentId: string): Promise<StoredMoment | null> {
    return this.history.getMoment(boardId, momentId);
  }

  updateMoment(boardId: string, momentId: string, patch: MomentPatch): Promise<boolean> {
    return this.history.updateMoment(boardId, momentId, patch);
  }

  deleteMoment(boardId: string, momentId: string): Promise<boolean> {
    return this.history.deleteMoment(boardId, momentId);
  }

  historyStateIds(boardId: string): Promise<number[]> {
    return this.history.historyStateIds(boardId);
  }

  rewriteHistoryStates(boardId: string, states: readonly RewrittenHistoryState[]): Promise<void> {
    return this.history.rewriteHistoryStates(boardId, states);
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Appends still waiting for their group commit would fail on the missing board: commit them first.
    await this.flushing;
    return inTransaction(this.pool, async (client) => {
      // Locked first: another process's compaction of the board waits, then finds it gone.
      const found = await client.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [id]);
      if (found.rowCount === 0) return false;
      await this.history.deleteBoardHistory(client, id);
      for (const table of ['updates', 'client_owners', 'snapshots'])
        await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [id]);
      await client.query('DELETE FROM boards WHERE id = $1', [id]);
      await client.query(
        'INSERT INTO deleted_boards (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET deleted_at = now()',
        [id],
      );
      return true;
    });
  }

  async isDeletedBoard(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM deleted_boards WHERE id = $1', [id]);
    return rowCount === 1;
  }

  /**
   * Rewrites the tables that held the deleted or replaced rows (`VACUUM FULL`), so their bytes are no longer
   * in the tables' files. WARNING: it locks each table while it rewrites it (every process's appends wait),
   * and PostgreSQL's WAL, its archives and replicas keep the old rows until they are recycled.
   */
  async eraseDeleted(): Promise<void> {
    await this.flushing;
    await this.pool.query(
      'VACUUM FULL boards, snapshots, updates, client_owners, history_states, moments, deleted_boards',
    );
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.flushing;
      await this.pool.end();
    })();
    return this.closed;
  }
}
