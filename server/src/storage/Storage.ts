/** The three access roles; each has its own key. */
export type Role = 'facilitator' | 'editor' | 'viewer';

/** A board as stored: its keys only as SHA-256 hashes (hex). */
export interface BoardRecord {
  id: string;
  title: string;
  createdAt: string;
  keyHashes: Record<Role, string>;
}

/** What is needed to rebuild a document: the last snapshot, then every update logged after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last logged update (0 when the log is empty). */
  lastSeq: number;
  /** Which device (or the server) introduced each Yjs client id of the document; see `ClientClaim`. */
  owners: Map<number, string>;
}

/**
 * A Yjs client id and who introduced it: a hash of the browser's device id, or `server`. Only its owner may
 * add structs under that id, so nobody can pre-empt another browser's offline edits.
 */
export type ClientClaim = readonly [client: number, owner: string];

/**
 * The persistence seam. Documents are opaque Yjs updates here; the sync code never sees SQL.
 * Every method may be asynchronous so that a networked database (PostgreSQL) fits behind it.
 */
export interface Storage {
  /** Creates the board record and, for a board started from a file, its first document state, atomically. */
  createBoard(board: BoardRecord, initialState?: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  setKeyHash(id: string, role: Role, keyHash: string): Promise<void>;

  loadDocument(boardId: string): Promise<StoredDocument>;
  /**
   * Durably appends one update to the board's log, with the client ids it introduces, and returns its
   * sequence number. A claim on a client id that already has an owner is ignored.
   * WARNING: must not resolve before the update is committed: the server relays it only afterwards.
   */
  appendUpdate(boardId: string, update: Uint8Array, claims?: readonly ClientClaim[]): Promise<number>;
  /** Replaces the snapshot and deletes log rows up to `throughSeq`, atomically. */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;

  close(): Promise<void>;
}
