import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * What the status pill shows:
 * - `connecting`: first attempt to reach the server;
 * - `connected`: live with the server;
 * - `reconnecting`: the connection dropped and is being restored;
 * - `offline`: the browser is offline or the server has been unreachable for
 *   several attempts; edits are kept locally and merge when it returns;
 * - `closed`: the server refused this link for good (see `closedReason`).
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/**
 * Why the connection stopped for good: the link is refused (`keyRenewed`, `boardGone`, `badLink`), the
 * board was deleted by its facilitator (`boardDeleted`), the
 * board is at its size limit (`boardFull`), or this page's changes are too large to send (`tooLarge`).
 */
export type ClosedReason = 'keyRenewed' | 'boardGone' | 'boardDeleted' | 'badLink' | 'boardFull' | 'tooLarge';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The document has completed a sync round with the server on the current connection. */
  synced: boolean;
  /** The locally stored copy (IndexedDB) has been loaded into the document. */
  storedCopyLoaded: boolean;
  /** Edits were made while not connected and have not yet been sent to the server. */
  unsentChanges: boolean;
  /** The server could not save this page's last changes (its storage is full); they are kept here. */
  cannotSave: boolean;
  closedReason: ClosedReason | null;
}

export type ConnectionStore = StoreApi<ConnectionState>;

export function createConnectionStore(): ConnectionStore {
  return createStore<ConnectionState>(() => ({
    status: 'connecting',
    synced: false,
    storedCopyLoaded: false,
    unsentChanges: false,
    cannotSave: false,
    closedReason: null,
  }));
}

/** After this many failed attempts in a row, the server counts as unreachable: "offline". */
export const ATTEMPTS_BEFORE_OFFLINE = 4;

/** The inputs from which the status is derived; kept as plain data so the rule is testable. */
export interface ConnectionFacts {
  browserOnline: boolean;
  socketOpen: boolean;
  everConnected: boolean;
  failedAttempts: number;
  closedReason: ClosedReason | null;
}

export function deriveStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.closedReason !== null) return 'closed';
  if (!facts.browserOnline) return 'offline';
  if (facts.socketOpen) return 'connected';
  if (facts.failedAttempts >= ATTEMPTS_BEFORE_OFFLINE) return 'offline';
  return facts.everConnected ? 'reconnecting' : 'connecting';
}

/** Closes with 1009 (a message over the server's limit) in a row after which the page stops retrying. */
export const TOO_LARGE_CLOSES_BEFORE_STOPPING = 3;

/**
 * Maps a server close code to a permanent reason, or null when reconnecting
 * makes sense (restart 1012, network drop 1006…). Codes per the server contract:
 * 4003 wrong or renewed key, 4004 unknown board, 4000 malformed board id, 4410 board deleted, 4413 board full.
 */
export function closedReasonFor(code: number): ClosedReason | null {
  if (code === 4413) return 'boardFull';
  if (code === 4410) return 'boardDeleted';
  if (code === 4003) return 'keyRenewed';
  if (code === 4004) return 'boardGone';
  if (code >= 4000 && code < 4100) return 'badLink';
  return null;
}
