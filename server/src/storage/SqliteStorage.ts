import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BoardRole as Role } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';
import { SqliteHistory, historySchema } from './SqliteHistory.ts';
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
import { CorruptStorageError, snapshotChecksum, verifySnapshot } from './snapshotChecksum.ts';
import { keyColumn, toBoardRecord } from './storedRows.ts';
import { WalCheckpointer } from './WalCheckpointer.ts';
import type { BoardRow, PendingAppend } from './storedRows.ts';

const schema = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  editor_key_hash TEXT NOT NULL,
  viewer_key_hash TEXT NOT NULL,
  anonymous_key_hash TEXT
);
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  checksum TEXT
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates(board_id, seq);
CREATE TABLE IF NOT EXISTS deleted_boards (
  id TEXT PRIMARY KEY,
  deleted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS client_owners (
  board_id TEXT NOT NULL REFERENCES boards(id),
  client_id INTEGER NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (board_id, client_id)
);
`;

/**
 * Brings a database written by an earlier version up to the current schema. Snapshots written before
 * compaction became a compare-and-swap get version 1, like a board's first snapshot.
 */
function migrate(db: Database.Database): void {
  // Boards made before the anonymised view link have none until the facilitator creates one.
  const boardColumns = db.prepare('PRAGMA table_info(boards)').all() as { name: string }[];
  if (!boardColumns.some((column) => column.name === 'anonymous_key_hash')) {
    db.exec('ALTER TABLE boards ADD COLUMN anonymous_key_hash TEXT');
  }
  const snapshotColumns = db.prepare('PRAGMA table_info(snapshots)').all() as { name: string }[];
  if (!snapshotColumns.some((column) => column.name === 'version')) {
    db.exec('ALTER TABLE snapshots ADD COLUMN version INTEGER NOT NULL DEFAULT 1');
  }
  // Snapshots written before checksums have none (NULL) until their next compaction.
  if (!snapshotColumns.some((column) => column.name === 'checksum')) {
    db.exec('ALTER TABLE snapshots ADD COLUMN checksum TEXT');
  }
}

/**
 * Opens the database file, refusing one that exists but is empty (truncated: SQLite would start a new,
 * empty database in it and every board would be gone without a word) or fails SQLite's quick check.
 */
function openDatabase(file: string): Database.Database {
  if (fs.existsSync(file) && fs.statSync(file).size === 0) {
    throw new CorruptStorageError(
      `${file} exists but is empty (0 bytes): it may have been truncated. Refusing to start a new database ` +
        'over it; restore it from a backup, or move it away to start without boards.',
    );
  }
  const db = new Database(file);
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok')
      throw new CorruptStorageError(`${file} fails SQLite's quick check: ${String(result)}`);
  } catch (error) {
    db.close();
    if (error instanceof CorruptStorageError) throw error;
    throw new CorruptStorageError(`${file} cannot be read as a database: ${String(error)}`);
  }
  return db;
}

/**
 * Storage in one SQLite file in WAL mode.
 *
 * Appends use group commit, and each promise resolves only after its transaction committed. With
 * `synchronous = FULL` one commit costs an fsync (milliseconds), so every append requested in the same turn
 * of the event loop goes into one transaction, keeping throughput up across boards. With `NORMAL` (the
 * default) a commit is a write to the log, tens of microseconds: the appends of one task are committed as
 * soon as it ends, so an edit is not held back behind the other sockets' messages of that turn before it is
 * relayed. Checkpoints run off the event loop (`WalCheckpointer`).
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  /** Prepared once: the append path runs for every edit of every board. */
  private readonly insertUpdate: Database.Statement<[string, Buffer]>;
  private readonly insertClaim: Database.Statement<[string, number, string]>;
  private readonly deleteUpdate: Database.Statement<[string, number]>;
  private readonly history: SqliteHistory;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly file: string;
  private readonly scheduleFlush: (flush: () => void) => void;
  /** Started with the first append: a store that only reads never writes a log to fold. */
  private checkpointer: WalCheckpointer | null = null;

  /**
   * `maxBytes`: the database file may grow to about this size; writes beyond fail as on a full disk. `warn`:
   * told when the checkpoint worker failed (the store carries on, checkpointing in its commits again).
   */
  constructor(
    dataDir: string,
    synchronous: 'full' | 'normal' = 'full',
    maxBytes = 0,
    private readonly warn: (message: string, reason: string) => void = () => {},
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'interplay.sqlite');
    this.db = openDatabase(this.file);
    this.db.pragma('journal_mode = WAL');
    if (maxBytes > 0) {
      const pageSize = this.db.pragma('page_size', { simple: true }) as number;
      this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
    }
    this.db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.scheduleFlush = synchronous === 'full' ? setImmediate : queueMicrotask;
    this.db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, so a purged name or a deleted board is not left in free space.
    this.db.pragma('secure_delete = ON');
    this.db.exec(schema);
    this.db.exec(historySchema);
    migrate(this.db);
    this.history = new SqliteHistory(this.db);
    this.insertUpdate = this.db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    this.insertClaim = this.db.prepare(
      'INSERT OR IGNORE INTO client_owners (board_id, client_id, owner) VALUES (?, ?, ?)',
    );
    this.deleteUpdate = this.db.prepare('DELETE FROM updates WHERE board_id = ? AND seq = ?');
  }

  async createBoard(board: BoardRecord, initialState?: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO boards (id, title, created_at, facilitator_key_hash, editor_key_hash, viewer_key_hash,
             anonymous_key_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          board.id,
          board.title,
          board.createdAt,
          board.keyHashes.facilitator,
          board.keyHashes.editor,
          board.keyHashes.viewer,
          board.keyHashes.anonymous,
        );
      if (initialState !== undefined) {
        this.db
          .prepare(
            'INSERT INTO snapshots (board_id, state, updated_at, version, checksum) VALUES (?, ?, ?, 1, ?)',
          )
          .run(board.id, Buffer.from(initialState), board.createdAt, snapshotChecksum(initialState));
      }
    })();
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const row = this.db.prepare('SELECT * FROM boards WHERE id = ?').get(id) as BoardRow | undefined;
    return row === undefined ? null : toBoardRecord(row);
  }

  async setKeyHash(id: string, role: Role, keyHash: string): Promise<void> {
    const result = this.db.prepare(`UPDATE boards SET ${keyColumn[role]} = ? WHERE id = ?`).run(keyHash, id);
    if (result.changes !== 1) throw new Error(`board ${id} does not exist`);
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    // One read transaction so a concurrent compaction cannot be seen half done.
    return this.db.transaction((): StoredDocument => {
      const snapshot = this.db
        .prepare('SELECT state, version, checksum FROM snapshots WHERE board_id = ?')
        .get(boardId) as { state: Buffer; version: number; checksum: string | null } | undefined;
      if (snapshot !== undefined) verifySnapshot(boardId, snapshot.state, snapshot.checksum);
      const rows = this.db
        .prepare('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq')
        .all(boardId) as { seq: number; data: Buffer }[];
      const owners = this.db
        .prepare('SELECT client_id, owner FROM client_owners WHERE board_id = ?')
        .all(boardId) as { client_id: number; owner: string }[];
      return {
        snapshot: snapshot === undefined ? null : new Uint8Array(snapshot.state),
        snapshotVersion: snapshot?.version ?? 0,
        updates: rows.map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) })),
        owners: new Map(owners.map((row) => [row.client_id, row.owner])),
      };
    })();
  }

  async logIndex(boardId: string): Promise<LogIndex> {
    return this.db.transaction((): LogIndex => {
      const snapshot = this.db.prepare('SELECT version FROM snapshots WHERE board_id = ?').get(boardId) as
        { version: number } | undefined;
      const rows = this.db
        .prepare('SELECT seq FROM updates WHERE board_id = ? ORDER BY seq')
        .all(boardId) as { seq: number }[];
      return { snapshotVersion: snapshot?.version ?? 0, seqs: rows.map((row) => row.seq) };
    })();
  }

  appendUpdate(boardId: string, update: Uint8Array, claims: readonly ClientClaim[] = []): Promise<number> {
    this.checkpointer ??= this.startCheckpoints();
    return new Promise((resolve, reject) => {
      this.pending.push({ boardId, update, claims, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        this.scheduleFlush(() => this.flushPending());
      }
    });
  }

  private startCheckpoints(): WalCheckpointer {
    this.db.pragma('wal_autocheckpoint = 0');
    // Should the worker fail, SQLite checkpoints in the commits again: slower at times, never unsafe.
    return new WalCheckpointer(this.file, (reason) => {
      this.warn('WAL checkpoints moved back into the commits: the checkpoint worker failed', reason);
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
  }

  private flushPending(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = this.db.transaction(() => batch.map((item) => this.insertPending(item)))();
    } catch {
      // One append may fail alone (its board was just deleted): it must not fail the other boards' appends.
      // Each is committed on its own then; a full disk fails them all again, each with its own error.
      for (const item of batch) {
        try {
          item.resolve(this.db.transaction(() => this.insertPending(item))());
        } catch (error) {
          item.reject(error);
        }
      }
      return;
    }
    batch.forEach((item, index) => item.resolve(seqs[index] ?? 0));
  }

  private insertPending({ boardId, update, claims }: PendingAppend): number {
    for (const [client, owner] of claims) this.insertClaim.run(boardId, client, owner);
    const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    return Number(this.insertUpdate.run(boardId, data).lastInsertRowid);
  }

  async compact(boardId: string, snapshot: Uint8Array, fold: Fold): Promise<CompactResult> {
    // IMMEDIATE: the version is read under the write lock, so another connection to this file cannot replace
    // the snapshot between the check and the write.
    return this.db
      .transaction((): CompactResult => {
        const stored = this.db.prepare('SELECT version FROM snapshots WHERE board_id = ?').get(boardId) as
          { version: number } | undefined;
        if ((stored?.version ?? 0) !== fold.basedOn) return { ok: false };
        const snapshotVersion = fold.basedOn + 1;
        const checksum = snapshotChecksum(snapshot);
        this.db
          .prepare(
            `INSERT INTO snapshots (board_id, state, updated_at, version, checksum) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
               version = excluded.version, checksum = excluded.checksum`,
          )
          .run(boardId, Buffer.from(snapshot), new Date().toISOString(), snapshotVersion, checksum);
        // Read back before the log rows go: should the write not hold what was sent, everything rolls back.
        const written = this.db.prepare('SELECT state FROM snapshots WHERE board_id = ?').get(boardId) as {
          state: Buffer;
        };
        verifySnapshot(boardId, written.state, checksum);
        for (const seq of fold.seqs) this.deleteUpdate.run(boardId, seq);
        return { ok: true, snapshotVersion };
      })
      .immediate();
  }

  async addMoment(boardId: string, moment: Moment, state: NewHistoryState | number): Promise<number> {
    return this.history.addMoment(boardId, moment, state);
  }

  async historyHead(boardId: string): Promise<HistoryHead | null> {
    return this.history.historyHead(boardId);
  }

  async loadHistoryState(boardId: string, stateId: number): Promise<Uint8Array[]> {
    return this.history.loadHistoryState(boardId, stateId);
  }

  async listMoments(boardId: string): Promise<StoredMoment[]> {
    return this.history.listMoments(boardId);
  }

  async getMoment(boardId: string, momentId: string): Promise<StoredMoment | null> {
    return this.history.getMoment(boardId, momentId);
  }

  async updateMoment(boardId: string, momentId: string, patch: MomentPatch): Promise<boolean> {
    return this.history.updateMoment(boardId, momentId, patch);
  }

  async deleteMoment(boardId: string, momentId: string): Promise<boolean> {
    return this.history.deleteMoment(boardId, momentId);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async historyStateIds(boardId: string): Promise<number[]> {
    return this.history.historyStateIds(boardId);
  }

  async rewriteHistoryStates(boardId: string, states: readonly RewrittenHistoryState[]): Promise<void> {
    this.history.rewriteHistoryStates(boardId, states);
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Appends still waiting for their group commit would fail on the missing board: commit them first.
    this.flushPending();
    return this.db.transaction((): boolean => {
      this.history.deleteBoardHistory(id);
      for (const table of ['updates', 'client_owners', 'snapshots'])
        this.db.prepare(`DELETE FROM ${table} WHERE board_id = ?`).run(id);
      if (this.db.prepare('DELETE FROM boards WHERE id = ?').run(id).changes === 0) return false;
      this.db
        .prepare('INSERT OR REPLACE INTO deleted_boards (id, deleted_at) VALUES (?, ?)')
        .run(id, new Date().toISOString());
      return true;
    })();
  }

  async isDeletedBoard(id: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM deleted_boards WHERE id = ?').get(id) !== undefined;
  }

  async eraseDeleted(): Promise<void> {
    this.flushPending();
    // secure_delete zeroes what is deleted from now on; VACUUM rewrites the file, so nothing deleted before
    // (or before this version turned secure_delete on) survives in free pages either. The WAL then holds
    // old page images: the checkpoint copies it into the file and truncates it to nothing.
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.flushPending();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
