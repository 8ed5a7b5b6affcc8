import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { onPurge, watchNames, type BoardRole } from '@interplay/shared';
import { BoardSocket } from './socket/BoardSocket.ts';
import { syncUrl } from './syncUrl.ts';
import { deviceId } from './deviceId.ts';
import { retryWhileCannotSave } from './retryWhileCannotSave.ts';
import {
  TOO_LARGE_CLOSES_BEFORE_STOPPING,
  closedReasonFor,
  createConnectionStore,
  deriveStatus,
  type ConnectionFacts,
  type ConnectionStore,
} from './connectionStatus.ts';

/** One open board: its document, presence and connection, alive until `destroy()`. */
export interface BoardSession {
  boardId: string;
  title: string;
  role: BoardRole;
  doc: Y.Doc;
  awareness: Awareness;
  /** Connection status for the header; read it with `useConnectionStatus(session)`. */
  connection: ConnectionStore;
  /**
   * The map is ready to fit and show the board: apply the board the server sent (held until now when
   * the connection was opened with `holdBoard`, see `BoardSocket.release`). Idempotent; a no-op otherwise.
   */
  showBoard(): void;
  /** Tears down the websocket, the local store, presence and the document. Idempotent. */
  destroy(): void;
  /** Destroys the session and deletes this board's local copy (IndexedDB); resolves once it is gone. */
  discardLocalCopy(): Promise<void>;
}

export interface BoardSessionOptions {
  boardId: string;
  title: string;
  role: BoardRole;
  key: string;
  /** Defaults to the page's own location. */
  location?: Pick<Location, 'protocol' | 'host'>;
  /**
   * The server did not apply part of one of this page's updates (its notice, see `parseRefusal`). It
   * has reverted that part with an ordinary update; a view key's update while viewers may not comment it
   * refuses whole instead (see `useBoardSession`).
   */
  onRefused?: (reason: string) => void;
  /**
   * The socket closed and will reconnect. A page of the anonymised view starts a fresh session then: the
   * server may answer from a new projection, which must not merge with the old one (see `useBoardSession`).
   */
  onReconnecting?: () => void;
}

/** A board session's document with its live connection and its local copy. */
export interface BoardConnection {
  readonly boardId: string;
  readonly key: string;
  readonly doc: Y.Doc;
  readonly socket: BoardSocket;
  readonly awareness: Awareness;
  /** The local copy in IndexedDB (`interplay-<boardId>`); null for a connection opened without one. */
  readonly persistence: IndexeddbPersistence | null;
  readonly connection: ConnectionStore;
  /** See `BoardSession.showBoard`. */
  showBoard(): void;
  /** Closes the websocket, presence, the local copy and the document. */
  destroy(): void;
}

/**
 * Creates a board's document, starts syncing it with the server (`BoardSocket`) and opens its local copy. The connection's status is tracked from the first moment, so
 * it may be opened before the page knows what the link opens (see
 * `earlyBoardConnection.ts`) and handed to `createBoardSession` later.
 */
export function openBoardConnection(
  options: Pick<BoardSessionOptions, 'boardId' | 'key' | 'location'> & {
    /**
     * Hold the board the server sends until `showBoard()`: a board link opens its connection before the app's
     * script has loaded, and a board applied before the map knows its size would render every node at zoom 1
     * before fitting, far slower on a large board than fitting first.
     */
    holdBoard?: boolean;
    /**
     * Keep the board in IndexedDB (default true). False for the anonymised view: its document is a projection,
     * which must never be stored where another link's page of the same board would load and send it.
     */
    localCopy?: boolean;
  },
): BoardConnection {
  const { boardId, key } = options;
  const doc = new Y.Doc();
  const connection = createConnectionStore();
  const awareness = new Awareness(doc);
  // `device` lets the server recognise this browser's own client ids when it resends offline edits.
  const query = new URLSearchParams({ key, device: deviceId() });
  const socket = new BoardSocket({
    url: `${syncUrl(options.location ?? window.location)}/${encodeURIComponent(boardId)}?${query.toString()}`,
    doc,
    awareness,
    holdBoard: options.holdBoard === true,
    shouldReconnect: (code) => closedReasonFor(code) === null,
  });
  // Opened with the socket, so it has been read by the time the map is ready for a held board (see `showBoard`).
  const persistence =
    options.localCopy === false ? null : new IndexeddbPersistence(`interplay-${boardId}`, doc);
  // Someone was removed for good: rewrite the local copy as the document now is, without their content,
  // instead of keeping the updates that added them until y-indexeddb trims its log by itself.
  const stopCompactingOnPurge =
    persistence === null
      ? () => undefined
      : onPurge(doc, () => void storeState(persistence, true).catch(() => undefined));

  const facts: ConnectionFacts = {
    browserOnline: navigator.onLine,
    socketOpen: false,
    everConnected: false,
    failedAttempts: 0,
    closedReason: null,
  };
  const refresh = (): void => connection.setState({ status: deriveStatus(facts) });

  socket.on('status', (status) => {
    facts.socketOpen = status === 'connected';
    if (facts.socketOpen) {
      facts.everConnected = true;
      facts.failedAttempts = 0;
    }
    refresh();
  });
  // The same oversized change goes out again on every reconnect: after a few 1009s in a row, stop and say why.
  let tooLargeInARow = 0;
  socket.on('close', (code) => {
    facts.failedAttempts += 1;
    tooLargeInARow = code === 1009 ? tooLargeInARow + 1 : 0;
    let reason = closedReasonFor(code);
    if (reason === null && tooLargeInARow >= TOO_LARGE_CLOSES_BEFORE_STOPPING) {
      reason = 'tooLarge';
      socket.disconnect();
    }
    if (reason !== null) {
      facts.closedReason = reason;
      connection.setState({ closedReason: reason });
    }
    refresh();
  });
  socket.on('synced', (synced) => {
    connection.setState(synced ? { synced, unsentChanges: false } : { synced });
  });

  const onOnline = (): void => {
    facts.browserOnline = true;
    refresh();
    if (facts.closedReason === null && !socket.active) socket.connect();
  };
  const onOffline = (): void => {
    facts.browserOnline = false;
    refresh();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  let destroyed = false;
  const stopSaveRetry = retryWhileCannotSave(
    socket,
    connection,
    () => !destroyed && facts.closedReason === null,
  );
  return {
    boardId,
    key,
    doc,
    socket,
    awareness,
    persistence,
    connection,
    showBoard() {
      if (!destroyed) socket.release();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopSaveRetry();
      stopCompactingOnPurge();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      void persistence?.destroy();
      // Tell the others we left before the socket goes.
      awareness.setLocalState(null);
      socket.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}

/** How long a held board waits for the local copy at most. */
const LOCAL_COPY_WAIT_MS = 1000;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a board: a Y.Doc kept in IndexedDB (`interplay-<boardId>`, so edits
 * made offline survive a reload) and synced with the server.
 * `opened` is a connection to the same board and key started earlier
 * (`openBoardConnection`); without it one is opened now.
 */
export function createBoardSession(
  options: BoardSessionOptions,
  opened: BoardConnection = openBoardConnection(options),
): BoardSession {
  const { boardId, title, role } = options;
  if (opened.boardId !== boardId || opened.key !== options.key) {
    throw new Error('createBoardSession: the connection was opened for another board or key');
  }
  const { doc, socket, awareness, persistence, connection } = opened;
  // From the start: an anonymised export leaves out the names of people renamed while this page was open.
  watchNames(doc);

  socket.on('refused', (reason) => options.onRefused?.(reason));
  socket.on('close', (code) => {
    if (closedReasonFor(code) === null) options.onReconnecting?.();
  });
  if (persistence === null) connection.setState({ storedCopyLoaded: true });
  else void persistence.whenSynced.then(() => connection.setState({ storedCopyLoaded: true }));

  // Local edits made while disconnected wait in IndexedDB until the next sync round.
  const onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin !== socket && origin !== persistence && socket.status !== 'connected') {
      connection.setState({ unsentChanges: true });
    }
  };
  doc.on('update', onUpdate);

  let destroyed = false;
  const session: BoardSession = {
    boardId,
    title,
    role,
    doc,
    awareness,
    connection,
    showBoard() {
      // After the local copy (or, should IndexedDB never answer, a moment): y-indexeddb, once open, writes the
      // whole document into the local copy; with a large board already in it that encoding costs 100 ms or more.
      if (persistence === null) opened.showBoard();
      else
        void Promise.race([persistence.whenSynced, wait(LOCAL_COPY_WAIT_MS)]).then(() => opened.showBoard());
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      doc.off('update', onUpdate);
      opened.destroy();
    },
    async discardLocalCopy() {
      session.destroy();
      await deleteLocalCopy(boardId);
    },
  };
  return session;
}

/** Deletes a board's local copy in this browser (IndexedDB `interplay-<boardId>`); never rejects. */
export function deleteLocalCopy(boardId: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(`interplay-${boardId}`);
    // 'blocked' only delays the deletion until y-indexeddb's connection has closed.
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}
