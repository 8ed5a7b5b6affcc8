import type { BoardRole as Role } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';
import type { BoardRecord, ClientClaim, StoredMoment } from './Storage.ts';

/**
 * The rows both SQL stores (SQLite and PostgreSQL) keep, with the same column names, and how they become the
 * records of `Storage.ts`.
 */
export interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  facilitator_key_hash: string;
  editor_key_hash: string;
  viewer_key_hash: string;
  /** Null until the facilitator creates the anonymised view link. */
  anonymous_key_hash: string | null;
}

export const keyColumn: Record<Role, string> = {
  facilitator: 'facilitator_key_hash',
  editor: 'editor_key_hash',
  viewer: 'viewer_key_hash',
  anonymous: 'anonymous_key_hash',
};

export const toBoardRecord = (row: BoardRow): BoardRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  keyHashes: {
    facilitator: row.facilitator_key_hash,
    editor: row.editor_key_hash,
    viewer: row.viewer_key_hash,
    anonymous: row.anonymous_key_hash,
  },
});

export interface MomentRow {
  id: string;
  kind: Moment['kind'];
  status: Moment['status'];
  title: string;
  description: string;
  at: string;
  recorded_at: string;
  trigger: Moment['trigger'];
  proposed_by: string | null;
  /** PostgreSQL hands a `bigint` over as a string. */
  state_id: number | string;
}

export const toMoment = (row: MomentRow): StoredMoment => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  title: row.title,
  description: row.description,
  at: row.at,
  recordedAt: row.recorded_at,
  trigger: row.trigger,
  proposedBy: row.proposed_by,
  stateId: Number(row.state_id),
});

/** The columns of a new moment row, in order, and their values. */
export const momentInsertColumns =
  'id, board_id, kind, status, title, description, at, recorded_at, trigger, proposed_by, state_id';

export const momentInsertValues = (boardId: string, moment: Moment, stateId: number): unknown[] => [
  moment.id,
  boardId,
  moment.kind,
  moment.status,
  moment.title,
  moment.description,
  moment.at,
  moment.recordedAt,
  moment.trigger,
  moment.proposedBy,
  stateId,
];

/** The moment columns a `MomentPatch` may set, by field. */
export const momentColumns = {
  status: 'status',
  title: 'title',
  description: 'description',
  at: 'at',
} as const;

/** An append waiting for its group commit. */
export interface PendingAppend {
  boardId: string;
  update: Uint8Array;
  claims: readonly ClientClaim[];
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/** The bytes as a Buffer for the database driver, without copying. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
