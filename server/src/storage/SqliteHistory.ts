import type Database from 'better-sqlite3';
import type { Moment } from '@interplay/shared/history/moment';
import type {
  HistoryHead,
  MomentPatch,
  NewHistoryState,
  RewrittenHistoryState,
  StoredMoment,
} from './Storage.ts';
import { asBuffer, momentColumns, momentInsertColumns, momentInsertValues, toMoment } from './storedRows.ts';
import type { MomentRow } from './storedRows.ts';

export const historySchema = `
CREATE TABLE IF NOT EXISTS history_states (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  base_id INTEGER REFERENCES history_states(id),
  depth INTEGER NOT NULL,
  snapshot BLOB NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS history_states_by_board ON history_states(board_id, id);
CREATE TABLE IF NOT EXISTS moments (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  trigger TEXT,
  proposed_by TEXT,
  state_id INTEGER NOT NULL REFERENCES history_states(id)
);
CREATE INDEX IF NOT EXISTS moments_by_board ON moments(board_id, at);
`;

const blob = asBuffer;

/**
 * The history tables of `SqliteStorage`: moments, and the states they show as a chain of Yjs updates (a
 * whole state now and then, the changes since the state before in between). Kept apart from the update log,
 * so compaction never touches them.
 */
export class SqliteHistory {
  constructor(private readonly db: Database.Database) {}

  addMoment(boardId: string, moment: Moment, state: NewHistoryState | number): number {
    return this.db.transaction((): number => {
      const stateId =
        typeof state === 'number'
          ? state
          : Number(
              this.db
                .prepare(
                  'INSERT INTO history_states (board_id, base_id, depth, snapshot, data) VALUES (?, ?, ?, ?, ?)',
                )
                .run(boardId, state.baseId, state.depth, blob(state.snapshot), blob(state.data))
                .lastInsertRowid,
            );
      this.db
        .prepare(`INSERT INTO moments (${momentInsertColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(...momentInsertValues(boardId, moment, stateId));
      return stateId;
    })();
  }

  historyHead(boardId: string): HistoryHead | null {
    const row = this.db
      .prepare('SELECT id, depth, snapshot FROM history_states WHERE board_id = ? ORDER BY id DESC LIMIT 1')
      .get(boardId) as { id: number; depth: number; snapshot: Buffer } | undefined;
    return row === undefined
      ? null
      : { id: row.id, depth: row.depth, snapshot: new Uint8Array(row.snapshot) };
  }

  loadHistoryState(boardId: string, stateId: number): Uint8Array[] {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE chain(id, base_id, depth, data) AS (
           SELECT id, base_id, depth, data FROM history_states WHERE board_id = ? AND id = ?
           UNION ALL
           SELECT s.id, s.base_id, s.depth, s.data FROM history_states s JOIN chain c ON s.id = c.base_id
         )
         SELECT data FROM chain ORDER BY depth`,
      )
      .all(boardId, stateId) as { data: Buffer }[];
    return rows.map((row) => new Uint8Array(row.data));
  }

  listMoments(boardId: string): StoredMoment[] {
    const rows = this.db.prepare('SELECT * FROM moments WHERE board_id = ?').all(boardId) as MomentRow[];
    return rows.map(toMoment);
  }

  getMoment(boardId: string, momentId: string): StoredMoment | null {
    const row = this.db
      .prepare('SELECT * FROM moments WHERE board_id = ? AND id = ?')
      .get(boardId, momentId) as MomentRow | undefined;
    return row === undefined ? null : toMoment(row);
  }

  updateMoment(boardId: string, momentId: string, patch: MomentPatch): boolean {
    const columns = momentColumns;
    const set = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => patch[key] !== undefined);
    if (set.length === 0) return this.getMoment(boardId, momentId) !== null;
    const result = this.db
      .prepare(
        `UPDATE moments SET ${set.map((key) => `${columns[key]} = ?`).join(', ')} WHERE board_id = ? AND id = ?`,
      )
      .run(...set.map((key) => patch[key]), boardId, momentId);
    return result.changes === 1;
  }

  deleteMoment(boardId: string, momentId: string): boolean {
    return (
      this.db.prepare('DELETE FROM moments WHERE board_id = ? AND id = ?').run(boardId, momentId).changes ===
      1
    );
  }

  historyStateIds(boardId: string): number[] {
    const rows = this.db
      .prepare('SELECT id FROM history_states WHERE board_id = ? ORDER BY id')
      .all(boardId) as { id: number }[];
    return rows.map((row) => row.id);
  }

  rewriteHistoryStates(boardId: string, states: readonly RewrittenHistoryState[]): void {
    const update = this.db.prepare(
      'UPDATE history_states SET base_id = NULL, depth = 0, snapshot = ?, data = ? WHERE board_id = ? AND id = ?',
    );
    this.db.transaction(() => {
      for (const state of states) {
        if (update.run(blob(state.snapshot), blob(state.data), boardId, state.id).changes !== 1)
          throw new Error(`board ${boardId} has no history state ${state.id}`);
      }
    })();
  }

  /** Deletes the board's moments and states; part of the caller's transaction. */
  deleteBoardHistory(boardId: string): void {
    this.db.prepare('DELETE FROM moments WHERE board_id = ?').run(boardId);
    // States refer to their base state: one statement deletes the whole board's chain at once.
    this.db.prepare('DELETE FROM history_states WHERE board_id = ?').run(boardId);
  }
}
