import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { BoardService } from '../boards/BoardService.ts';
import type { BoardRole as Role } from '@interplay/shared';
import type { BoardNotice, RoomBus } from '../bus/RoomBus.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { closeCodes } from './closeCodes.ts';
import { Connection } from './Connection.ts';
import type { ConnectionOptions } from './Connection.ts';
import type { RoomLease, RoomManager } from './RoomManager.ts';
import { originAllowed } from './originAllowed.ts';
import { hashKey } from '../boards/keys.ts';

export interface SyncServerOptions extends ConnectionOptions {
  maxMessageBytes: number;
  /** Origins besides the server's own whose pages may connect (see `originAllowed`). */
  allowedOrigins: readonly string[];
}

/**
 * How often a socket is authorised again when a key of its board is renewed while it is being admitted;
 * beyond that it is refused and the client retries.
 */
const MAX_ADMISSION_ATTEMPTS = 3;

/** A browser's own random id, as the page sends it; anything else is ignored. */
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Who the connection writes as: a hash of the browser's device id, so a page that reloads with its offline
 * edits may go on writing under the client ids it used before, or a fresh random id for a client without one.
 * Hashed because the id is the browser's secret proof of those client ids; the database keeps only hashes.
 */
function deviceOf(url: URL): string {
  const device = url.searchParams.get('device');
  if (device === null || !DEVICE_ID.test(device)) return `connection:${randomUUID()}`;
  return `device:${createHash('sha256').update(device).digest('hex')}`;
}

const refusals = {
  'malformed-id': { code: closeCodes.malformedBoardId, reason: 'malformed board id' },
  'unknown-board': { code: closeCodes.unknownBoard, reason: 'unknown board' },
  'deleted-board': { code: closeCodes.boardDeleted, reason: 'board deleted' },
  'wrong-key': { code: closeCodes.wrongKey, reason: 'wrong key' },
  'key-renewed': { code: closeCodes.wrongKey, reason: 'key renewed' },
  unavailable: { code: closeCodes.restart, reason: 'board unavailable, retry' },
} as const;

type Admission =
  | { ok: true; role: Role; lease: RoomLease }
  | { ok: false; refusal: (typeof refusals)[keyof typeof refusals] };

/**
 * Accepts websockets on `/sync/<boardId>?key=…`. The key is checked and the room fully loaded before the
 * socket is accepted; refused sockets are accepted only to be closed at once with a 4000-range code, so the
 * browser client can tell the user why. No document byte is ever sent on a refused socket.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  /**
   * Key renewals and deletions per board, from every process (they come over the bus). A socket is admitted
   * only if none arrived between checking its key and joining its room; otherwise its key is checked again.
   */
  private readonly renewals = new Map<string, number>();
  private readonly stopListening: () => void;
  private readonly stopResuming: () => void;
  private accepting = true;

  constructor(
    private readonly boards: BoardService,
    private readonly rooms: RoomManager,
    bus: RoomBus,
    private readonly log: Logger,
    private readonly options: SyncServerOptions,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.wss.on('error', (error) => this.log.error('websocket server error', errorFields(error)));
    this.stopListening = bus.onBoardNotice((notice) => this.onBoardNotice(notice));
    // A renewal or a deletion may have been among the messages lost: what is stored decides.
    this.stopResuming = bus.onResume(() => {
      this.closeRenewedKeys().catch((error: unknown) =>
        this.log.error('checking keys after a bus outage failed', errorFields(error)),
      );
    });
  }

  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', (error) => this.log.debug('upgrade socket error', errorFields(error)));
      this.handleUpgrade(request, socket, head).catch((error: unknown) => {
        this.log.error('upgrade failed', errorFields(error));
        socket.destroy();
      });
    });
  }

  /** Stops accepting new sockets and hearing key renewals; existing sockets are closed by `RoomManager.shutdown`. */
  stop(): void {
    this.accepting = false;
    this.stopListening();
    this.stopResuming();
  }

  /**
   * Closes this process's connections whose key is no longer the board's stored key for their role, and
   * those of boards deleted meanwhile.
   */
  private async closeRenewedKeys(): Promise<void> {
    for (const boardId of this.rooms.loadedBoards()) {
      const hashes = await this.boards.keyHashes(boardId);
      const room = this.rooms.loadedRoom(boardId);
      if (room === null) continue;
      if (hashes === null) {
        this.onBoardNotice({ kind: 'board-deleted', boardId });
        continue;
      }
      const stale = room.allMembers().filter((m) => m.keyHash !== undefined && m.keyHash !== hashes[m.role]);
      if (stale.length === 0) continue;
      this.renewals.set(boardId, this.renewalCount(boardId) + 1);
      for (const member of stale) member.close(closeCodes.wrongKey, 'key renewed');
      this.log.info('connections with a renewed key closed after a bus outage', {
        boardId,
        closed: stale.length,
      });
    }
  }

  /**
   * Closes this process's connections that hold a renewed key, or every connection of a deleted board (whose
   * room is dropped unwritten); every process hears the same notice.
   */
  private onBoardNotice(notice: BoardNotice): void {
    if (notice.kind === 'history-rewritten') return;
    const { boardId } = notice;
    this.renewals.set(boardId, this.renewalCount(boardId) + 1);
    if (notice.kind === 'board-deleted') {
      this.rooms.discardBoard(boardId, closeCodes.boardDeleted, 'board deleted');
      this.log.info('board deleted', { boardId });
      return;
    }
    const closed = this.rooms.closeRole(boardId, notice.role, closeCodes.wrongKey, 'key renewed');
    this.log.info('key renewed', { boardId, role: notice.role, closedConnections: closed });
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/sync/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!originAllowed(request, this.options.allowedOrigins)) {
      // Another site's page: it learns nothing, not even whether the board exists.
      this.log.info('websocket from another origin refused', {
        origin: request.headers.origin?.slice(0, 200),
      });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!this.accepting) return this.refuse(request, socket, head, closeCodes.restart, 'server restarting');
    const boardId = url.pathname.slice('/sync/'.length);
    const admission = await this.admit(boardId, url.searchParams.get('key'));
    if (!admission.ok) {
      const { code, reason } = admission.refusal;
      return this.refuse(request, socket, head, code, reason);
    }
    const { role, lease } = admission;
    let accepted = false;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      accepted = true;
      new Connection(
        ws,
        lease,
        role,
        deviceOf(url),
        hashKey(url.searchParams.get('key') ?? ''),
        this.log,
        this.options,
      );
    });
    // `ws` drops a socket that closed while we were loading without calling back.
    if (!accepted) lease.release();
  }

  /**
   * Checks the key and loads the room. A renewal of one of the board's keys heard meanwhile (from any
   * process) means the key is checked again: the renewal's own closing of old-key connections ran before
   * this socket joined, so a socket admitted with the old key would stay open.
   */
  private async admit(boardId: string, key: string | null): Promise<Admission> {
    for (let attempt = 0; attempt < MAX_ADMISSION_ATTEMPTS; attempt++) {
      const renewalsBefore = this.renewalCount(boardId);
      const access = await this.boards.authorize(boardId, key);
      if (!access.ok) {
        const refusal = refusals[access.failure];
        this.log.info('websocket refused', { boardId: boardId.slice(0, 64), reason: refusal.reason });
        return { ok: false, refusal };
      }
      let lease: RoomLease;
      try {
        lease = await this.rooms.acquire(boardId);
      } catch (error) {
        this.log.warn('room unavailable', { boardId, ...errorFields(error) });
        return { ok: false, refusal: refusals.unavailable };
      }
      if (this.renewalCount(boardId) === renewalsBefore) return { ok: true, role: access.role, lease };
      lease.release();
    }
    return { ok: false, refusal: refusals['key-renewed'] };
  }

  private refuse(request: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => this.log.debug('refused socket error', errorFields(error)));
      ws.close(code, reason);
      setTimeout(() => ws.terminate(), 5_000).unref();
    });
  }

  private renewalCount(boardId: string): number {
    return this.renewals.get(boardId) ?? 0;
  }
}
