import type { BoardRole } from '@interplay/shared';
import type { Moment } from '@interplay/shared/history/moment';

/**
 * A board's key hashes, one per access role. The anonymised view key exists only once the facilitator has
 * created it (null until then).
 */
export type KeyHashes = Record<Exclude<BoardRole, 'anonymous'>, string> & { anonymous: string | null };

/** A board as stored: its keys only as SHA-256 hashes (hex). */
export interface BoardRecord {
  id: string;
  title: string;
  createdAt: string;
  keyHashes: KeyHashes;
}

/** One row of a board's update log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** What is needed to rebuild a document: the last snapshot, then every update still logged, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Which snapshot that is (0 without one); a compaction must name the version it built on. */
  snapshotVersion: number;
  /** Log rows no compaction has deleted yet, by increasing `seq`. Some may already be in the snapshot. */
  updates: StoredUpdate[];
  /** Which device (or the server) introduced each Yjs client id of the document; see `ClientClaim`. */
  owners: Map<number, string>;
}

/** Which snapshot version and which log rows a board has now: enough to tell whether a document is behind. */
export interface LogIndex {
  snapshotVersion: number;
  /** Log rows no compaction has deleted yet, by increasing `seq`. */
  seqs: number[];
}

/**
 * What one compaction folds into its snapshot: the snapshot version the document already held and the log
 * rows it has integrated. Several processes may write one board's log, so a writer names exactly the rows it
 * holds instead of "everything up to": a row another process committed a moment ago may not have reached it.
 */
export interface Fold {
  basedOn: number;
  seqs: readonly number[];
}

/** `ok: false`: another writer replaced the snapshot since `basedOn`; nothing was changed. */
export type CompactResult = { ok: true; snapshotVersion: number } | { ok: false };

/**
 * A Yjs client id and who introduced it: a hash of the browser's device id, or `server`. Only its owner may
 * add structs under that id, so nobody can pre-empt another browser's offline edits.
 */
export type ClientClaim = readonly [client: number, owner: string];

/**
 * One stored state of a board's history: a Yjs update holding the whole document (`baseId` null) or only
 * what changed since the state `baseId` (whose chain is applied first). `snapshot` is the encoded Yjs
 * snapshot (state vector and delete set) of the state, to tell whether the board changed since.
 */
export interface NewHistoryState {
  baseId: number | null;
  /** How many states must be applied before this one (0 for a whole state). */
  depth: number;
  snapshot: Uint8Array;
  data: Uint8Array;
}

/** The newest stored state of a board's history, which the next one may build on. */
export interface HistoryHead {
  id: number;
  depth: number;
  snapshot: Uint8Array;
}

/** A moment as stored: the API's moment and the state it shows. */
export interface StoredMoment extends Moment {
  stateId: number;
}

/** A history state rewritten whole (no base), replacing the stored one of the same id. */
export interface RewrittenHistoryState {
  id: number;
  snapshot: Uint8Array;
  data: Uint8Array;
}

/** What may change on a stored moment (confirming a proposal, correcting its words or date). */
export type MomentPatch = Partial<Pick<Moment, 'status' | 'title' | 'description' | 'at'>>;

/**
 * The persistence seam. Documents are opaque Yjs updates here; the sync code never sees SQL.
 * Every method may be asynchronous so that a networked database (PostgreSQL) fits behind it.
 */
export interface Storage {
  /** Creates the board record and, for a board started from a file, its first document state, atomically. */
  createBoard(board: BoardRecord, initialState?: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  setKeyHash(id: string, role: BoardRole, keyHash: string): Promise<void>;

  loadDocument(boardId: string): Promise<StoredDocument>;
  /**
   * The snapshot version and log rows of `loadDocument`, without their bytes: a process that holds them all
   * has everything any process committed (several processes write one board's log).
   */
  logIndex(boardId: string): Promise<LogIndex>;
  /**
   * Durably appends one update to the board's log, with the client ids it introduces, and returns its
   * sequence number (unique; a writer's later appends get larger ones). A claim on a client id that
   * already has an owner is ignored.
   * WARNING: must not resolve before the update is committed: the server relays it only afterwards.
   */
  appendUpdate(boardId: string, update: Uint8Array, claims?: readonly ClientClaim[]): Promise<number>;
  /**
   * If the stored snapshot is still version `fold.basedOn`, replaces it by `snapshot` (version `basedOn + 1`)
   * and deletes the log rows `fold.seqs`, atomically; otherwise changes nothing. Rows not named stay, whoever
   * wrote them.
   */
  compact(boardId: string, snapshot: Uint8Array, fold: Fold): Promise<CompactResult>;

  /**
   * Stores a moment and the state it shows, atomically: a new state, or the id of a stored one (the board
   * did not change since). Returns the state's id. Compaction never touches moments or their states.
   */
  addMoment(boardId: string, moment: Moment, state: NewHistoryState | number): Promise<number>;
  /** The board's newest history state, or null when it has none. */
  historyHead(boardId: string): Promise<HistoryHead | null>;
  /** The parts to apply, in order, to rebuild state `stateId`: its whole base state first. [] if unknown. */
  loadHistoryState(boardId: string, stateId: number): Promise<Uint8Array[]>;
  /** The board's moments, in no particular order. */
  listMoments(boardId: string): Promise<StoredMoment[]>;
  getMoment(boardId: string, momentId: string): Promise<StoredMoment | null>;
  /** False when the board has no such moment. */
  updateMoment(boardId: string, momentId: string, patch: MomentPatch): Promise<boolean>;
  /** Deletes the moment (its state stays: later states may build on it). False when there was none. */
  deleteMoment(boardId: string, momentId: string): Promise<boolean>;

  /** Resolves when the store answers (a networked database is reachable); rejects otherwise. For `/healthz`. */
  ping(): Promise<void>;

  /** Ids of the board's stored history states, oldest first. */
  historyStateIds(boardId: string): Promise<number[]>;
  /**
   * Replaces stored history states by the whole states given (no base, depth 0), atomically: a purge removed
   * a person from them. A later state built on a replaced one still rebuilds, on the purged base.
   */
  rewriteHistoryStates(boardId: string, states: readonly RewrittenHistoryState[]): Promise<void>;

  /**
   * Deletes the board and everything stored of it (record, keys, document, log, history), atomically, and
   * remembers only that its id was deleted. False when there was no such board.
   */
  deleteBoard(id: string): Promise<boolean>;
  /** Whether a board with this id existed and was deleted. */
  isDeletedBoard(id: string): Promise<boolean>;
  /**
   * Makes what deleted or replaced rows held unreadable in the store's files (free pages, journal or WAL),
   * after a purge or a board's deletion. May be slow: it can rewrite the whole store.
   */
  eraseDeleted(): Promise<void>;

  /** Commits the appends already requested, then releases the store. Idempotent. */
  close(): Promise<void>;
}
