import type pg from 'pg';
import type { Moment } from '@interplay/shared/history/moment';
import type {
  HistoryHead,
  MomentPatch,
  NewHistoryState,
  RewrittenHistoryState,
  StoredMoment,
} from './Storage.ts';
import { inTransaction } from './pgTransaction.ts';
import { asBuffer, momentColumns, momentInsertColumns, momentInsertValues, toMoment } from './storedRows.ts';
import type { MomentRow } from './storedRows.ts';

const bytea = asBuffer;

/** The history tables of `PgStorage` (see `SqliteHistory`: the same rows, in PostgreSQL). */
export class PgHistory {
  constructor(private readonly pool: pg.Pool) {}

  addMoment(boardId: string, moment: Moment, state: NewHistoryState | number): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      let stateId: number;
      if (typeof state === 'number') stateId = state;
      else {
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO history_states (board_id, base_id, depth, snapshot, data) VALUES ($1, $2, $3, $4, $5)
           RETURNING id`,
          [boardId, state.baseId, state.depth, bytea(state.snapshot), bytea(state.data)],
        );
        stateId = Number(inserted.rows[0]!.id);
      }
      await client.query(
        `INSERT INTO moments (${momentInsertColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        momentInsertValues(boardId, moment, stateId),
      );
      return stateId;
    });
  }

  async historyHead(boardId: string): Promise<HistoryHead | null> {
    const { rows } = await this.pool.query<{ id: string; depth: number; snapshot: Buffer }>(
      'SELECT id, depth, snapshot FROM history_states WHERE board_id = $1 ORDER BY id DESC LIMIT 1',
      [boardId],
    );
    const row = rows[0];
    return row === undefined
      ? null
      : { id: Number(row.id), depth: row.depth, snapshot: new Uint8Array(row.snapshot) };
  }

  async loadHistoryState(boardId: string, stateId: number): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      `WITH RECURSIVE chain(id, base_id, depth, data) AS (
         SELECT id, base_id, depth, data FROM history_states WHERE board_id = $1 AND id = $2
         UNION ALL
         SELECT s.id, s.base_id, s.depth, s.data FROM history_states s JOIN chain c ON s.id = c.base_id
       )
       SELECT data FROM chain ORDER BY depth`,
      [boardId, stateId],
    );
    return rows.map((row) => new Uint8Array(row.data));
  }

  async listMoments(boardId: string): Promise<StoredMoment[]> {
    const { rows } = await this.pool.query<MomentRow>('SELECT * FROM moments WHERE board_id = $1', [boardId]);
    return rows.map(toMoment);
  }

  async getMoment(boardId: string, momentId: string): Promise<StoredMoment | null> {
    const { rows } = await this.pool.query<MomentRow>(
      'SELECT * FROM moments WHERE board_id = $1 AND id = $2',
      [boardId, momentId],
    );
    return rows[0] === undefined ? null : toMoment(rows[0]);
  }

  async updateMoment(boardId: string, momentId: string, patch: MomentPatch): Promise<boolean> {
    const columns = momentColumns;
    const set = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => patch[key] !== undefined);
    if (set.length === 0) return (await this.getMoment(boardId, momentId)) !== null;
    const result = await this.pool.query(
      `UPDATE moments SET ${set.map((key, i) => `${columns[key]} = $${i + 3}`).join(', ')}
       WHERE board_id = $1 AND id = $2`,
      [boardId, momentId, ...set.map((key) => patch[key])],
    );
    return result.rowCount === 1;
  }

  async deleteMoment(boardId: string, momentId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM moments WHERE board_id = $1 AND id = $2', [
      boardId,
      momentId,
    ]);
    return result.rowCount === 1;
  }

  async historyStateIds(boardId: string): Promise<number[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM history_states WHERE board_id = $1 ORDER BY id',
      [boardId],
    );
    return rows.map((row) => Number(row.id));
  }

  rewriteHistoryStates(boardId: string, states: readonly RewrittenHistoryState[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      for (const state of states) {
        const result = await client.query(
          `UPDATE history_states SET base_id = NULL, depth = 0, snapshot = $1, data = $2
           WHERE board_id = $3 AND id = $4`,
          [bytea(state.snapshot), bytea(state.data), boardId, state.id],
        );
        if (result.rowCount !== 1) throw new Error(`board ${boardId} has no history state ${state.id}`);
      }
    });
  }

  /** Deletes the board's moments and states, in the caller's transaction. */
  async deleteBoardHistory(client: pg.PoolClient, boardId: string): Promise<void> {
    await client.query('DELETE FROM moments WHERE board_id = $1', [boardId]);
    // States refer to their base state: one statement deletes the whole board's chain at once.
    await client.query('DELETE FROM history_states WHERE board_id = $1', [boardId]);
  }
}
