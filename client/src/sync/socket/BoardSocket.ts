import * as Y from 'yjs';
import { applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Awareness } from 'y-protocols/awareness';
import { ObservableV2 } from 'lib0/observable';
import { applyQuietly } from './applyQuietly.ts';
import {
  awarenessMessage,
  readServerMessage,
  syncStep1Message,
  syncStep2UpdateMessage,
  updateMessage,
} from './syncMessages.ts';
import { MAX_PIECE_BYTES, splitUpdate } from './splitUpdate.ts';
import type { ServerMessage } from './syncMessages.ts';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

type SocketEvents = {
  status: (status: SocketStatus) => void;
  /** The server's board has been applied (true) or the connection that brought it was lost (false). */
  synced: (synced: boolean) => void;
  /** A socket closed, with the server's close code (1006 when it just went away). */
  close: (code: number) => void;
  /** The server did not apply part of an update of ours; `reason` is its notice (`parseRefusal`). */
  refused: (reason: string) => void;
};

export interface BoardSocketOptions {
  /** The full `ws(s)://…/sync/<board>?key=…` address. */
  url: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** Hold the board the server sends until `release()` (see `release`). */
  holdBoard?: boolean;
  /** Whether a close with this code is worth reconnecting after; default: all but 4000–4099 and 4400–4499. */
  shouldReconnect?: (code: number) => boolean;
  /** Largest piece a change is sent in (`splitUpdate`); default `MAX_PIECE_BYTES`. */
  maxPieceBytes?: number;
  /** For Node, which has no global WebSocket before v22. */
  WebSocket?: typeof WebSocket;
}

/** Tunables of the connection, in one place. */
export const SOCKET_DEFAULTS = {
  /** Without any message for this long the socket is taken for dead (the server's presence batches keep it busy). */
  messageTimeoutMs: 30_000,
  firstRetryMs: 100,
  /** After a server restart every page returns; the jitter spreads them over this window. */
  maxRetryMs: 2_500,
} as const;

/** The server's 40xx codes say the link itself is refused (wrong or renewed key, unknown board), 44xx a bad message. */
const defaultShouldReconnect = (code: number): boolean =>
  !(code >= 4000 && code < 4100) && !(code >= 4400 && code < 4500);

/**
 * The page's connection to one board: the y-websocket protocol over y-protocols, owned here rather than
 * patched into y-websocket's provider. Its own features: the server's board can be held until the map is
 * ready for it (`holdBoard`), the server's first sync is applied without Yjs encoding it again
 * (`applyQuietly`), and refusals are events. Reconnects with backoff and jitter until `disconnect()`.
 */
export class BoardSocket extends ObservableV2<SocketEvents> {
  status: SocketStatus = 'disconnected';
  synced = false;
  private ws: WebSocket | null = null;
  private wanted = true;
  private failures = 0;
  private lastMessageAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private held: ServerMessage[] | null;
  private readonly WebSocketImpl: typeof WebSocket;
  private readonly shouldReconnect: (code: number) => boolean;
  private readonly maxPieceBytes: number;

  constructor(private readonly options: BoardSocketOptions) {
    super();
    this.held = options.holdBoard === true ? [] : null;
    this.WebSocketImpl = options.WebSocket ?? WebSocket;
    this.shouldReconnect = options.shouldReconnect ?? defaultShouldReconnect;
    this.maxPieceBytes = options.maxPieceBytes ?? MAX_PIECE_BYTES;
    options.doc.on('update', this.onDocUpdate);
    options.awareness.on('update', this.onAwarenessUpdate);
    this.watchdog = setInterval(this.checkAlive, SOCKET_DEFAULTS.messageTimeoutMs / 10);
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
    this.open();
  }

  /** The socket is open or opening. */
  get active(): boolean {
    return this.ws !== null;
  }

  /** Connects again after `disconnect()` or a close the page chose not to retry. */
  connect(): void {
    this.wanted = true;
    if (this.ws === null) {
      this.clearRetry();
      this.open();
    }
  }

  /** Closes the socket and stays offline until `connect()`; edits wait in the document meanwhile. */
  disconnect(): void {
    this.wanted = false;
    this.clearRetry();
    if (this.ws !== null) this.closed(this.ws, 1000);
  }

  /** Applies the held board and whatever followed it, in order; later messages pass at once. */
  release(): void {
    const waiting = this.held;
    if (waiting === null) return;
    this.held = null;
    for (const message of waiting) this.handle(message);
  }

  override destroy(): void {
    this.disconnect();
    clearInterval(this.watchdog);
    this.options.doc.off('update', this.onDocUpdate);
    this.options.awareness.off('update', this.onAwarenessUpdate);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
    super.destroy();
  }

  private open(): void {
    const ws = new this.WebSocketImpl(this.options.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.setStatus('connecting');
    ws.onopen = () => {
      this.lastMessageAt = Date.now();
      this.setStatus('connected');
      this.send(syncStep1Message(this.options.doc));
      if (this.options.awareness.getLocalState() !== null) {
        this.send(awarenessMessage(this.options.awareness, [this.options.doc.clientID]));
      }
    };
    ws.onmessage = (event: MessageEvent) => {
      this.lastMessageAt = Date.now();
      this.receive(new Uint8Array(event.data as ArrayBuffer));
    };
    ws.onclose = (event: CloseEvent) => this.closed(ws, event.code);
    // A close event always follows.
    ws.onerror = () => undefined;
  }

  private closed(ws: WebSocket, code: number): void {
    if (ws !== this.ws) return;
    this.ws = null;
    ws.onopen = ws.onmessage = ws.onclose = null;
    ws.close();
    const wasOpen = this.status === 'connected';
    this.failures += 1;
    if (wasOpen) {
      const others = [...this.options.awareness.getStates().keys()].filter(
        (id) => id !== this.options.doc.clientID,
      );
      removeAwarenessStates(this.options.awareness, others, this);
      // Forget their clocks too: on reconnect the server sends the same states again, and y-protocols
      // ignores a state whose clock it has seen, so others would stay missing until they next changed.
      for (const id of others) this.options.awareness.meta.delete(id);
      this.setSynced(false);
    }
    this.setStatus('disconnected');
    this.emit('close', [code]);
    if (!this.shouldReconnect(code)) this.wanted = false;
    if (this.wanted) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const ceiling = Math.min(SOCKET_DEFAULTS.maxRetryMs, SOCKET_DEFAULTS.firstRetryMs * 2 ** this.failures);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.wanted && this.ws === null) this.open();
      },
      ceiling * (0.5 + Math.random() / 2),
    );
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private receive(bytes: Uint8Array): void {
    let message: ServerMessage;
    try {
      message = readServerMessage(bytes);
    } catch (error) {
      console.error('interplay: unreadable message from the server', error);
      return;
    }
    if (this.held !== null && (message.kind === 'syncStep2' || message.kind === 'update')) {
      this.held.push(message);
      return;
    }
    this.handle(message);
  }

  private handle(message: ServerMessage): void {
    const { doc, awareness } = this.options;
    switch (message.kind) {
      case 'syncStep1': {
        // What the server lacks (offline edits, an import made offline) may be larger than one message.
        const missing = Y.encodeStateAsUpdate(doc, message.stateVector);
        for (const piece of splitUpdate(missing, this.maxPieceBytes))
          this.send(syncStep2UpdateMessage(piece));
        return;
      }
      case 'syncStep2':
        applyQuietly(doc, message.update, this);
        this.failures = 0;
        this.setSynced(true);
        return;
      case 'update':
        Y.applyUpdate(doc, message.update, this);
        return;
      case 'awareness':
        applyAwarenessUpdate(awareness, message.update, this);
        return;
      case 'queryAwareness':
        this.send(awarenessMessage(awareness, [...awareness.getStates().keys()]));
        return;
      case 'refused':
        this.emit('refused', [message.reason]);
        return;
    }
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === this.WebSocketImpl.OPEN) this.ws.send(message);
  }

  private setStatus(status: SocketStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', [status]);
  }

  private setSynced(synced: boolean): void {
    if (this.synced === synced) return;
    this.synced = synced;
    this.emit('synced', [synced]);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    // A large change (an import) goes out in pieces under the server's frame limit.
    for (const piece of splitUpdate(update, this.maxPieceBytes)) this.send(updateMessage(piece));
  };

  /** Only this page's own presence goes out; others' states arrive from the server. */
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const own = this.options.doc.clientID;
    if (origin === this || ![...added, ...updated, ...removed].includes(own)) return;
    this.send(awarenessMessage(this.options.awareness, [own]));
  };

  private readonly checkAlive = (): void => {
    if (this.ws !== null && this.status === 'connected') {
      if (Date.now() - this.lastMessageAt > SOCKET_DEFAULTS.messageTimeoutMs) this.closed(this.ws, 1006);
    }
  };

  private readonly onPageHide = (): void => {
    removeAwarenessStates(this.options.awareness, [this.options.doc.clientID], 'page hidden');
  };
}
