import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { BoardService } from '../boards/BoardService.ts';
import type { Role } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { closeCodes } from './closeCodes.ts';
import { Connection } from './Connection.ts';
import type { ConnectionOptions } from './Connection.ts';
import type { RoomManager } from './RoomManager.ts';

export interface SyncServerOptions extends ConnectionOptions {
  maxMessageBytes: number;
}

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
  'wrong-key': { code: closeCodes.wrongKey, reason: 'wrong key' },
} as const;

/**
 * Accepts websockets on `/sync/<boardId>?key=…`. The key is checked and the room fully loaded before the
 * socket is accepted; refused sockets are accepted only to be closed at once with a 4000-range code, so the
 * browser client can tell the user why. No document byte is ever sent on a refused socket.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  /** Renewals per board and role, so a connection authorised with a key renewed while it was loading is refused. */
  private readonly renewals = new Map<string, number>();
  private accepting = true;

  constructor(
    private readonly boards: BoardService,
    private readonly rooms: RoomManager,
    private readonly log: Logger,
    private readonly options: SyncServerOptions,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.wss.on('error', (error) => this.log.error('websocket server error', errorFields(error)));
    boards.onKeyRenewed((boardId, role) => {
      const key = `${boardId}:${role}`;
      this.renewals.set(key, (this.renewals.get(key) ?? 0) + 1);
      const closed = rooms.closeRole(boardId, role, closeCodes.wrongKey, 'key renewed');
      this.log.info('key renewed', { boardId, role, closedConnections: closed });
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

  /** Stops accepting new sockets; existing ones are closed by `RoomManager.shutdown`. */
  stopAccepting(): void {
    this.accepting = false;
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/sync/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!this.accepting) return this.refuse(request, socket, head, closeCodes.restart, 'server restarting');
    const boardId = url.pathname.slice('/sync/'.length);
    const key = url.searchParams.get('key');
    const access = await this.boards.authorize(boardId, key);
    if (!access.ok) {
      const { code, reason } = refusals[access.failure];
      this.log.info('websocket refused', { boardId: boardId.slice(0, 64), reason });
      return this.refuse(request, socket, head, code, reason);
    }
    const renewalsBefore = this.renewalCount(boardId, access.role);
    let lease;
    try {
      lease = await this.rooms.acquire(boardId);
    } catch (error) {
      this.log.warn('room unavailable', { boardId, ...errorFields(error) });
      return this.refuse(request, socket, head, closeCodes.restart, 'board unavailable, retry');
    }
    if (this.renewalCount(boardId, access.role) !== renewalsBefore) {
      lease.release();
      return this.refuse(request, socket, head, closeCodes.wrongKey, 'key renewed');
    }
    const role: Role = access.role;
    let accepted = false;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      accepted = true;
      new Connection(ws, lease, role, deviceOf(url), this.log, this.options);
    });
    // `ws` drops a socket that closed while we were loading without calling back.
    if (!accepted) lease.release();
  }

  private refuse(request: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => this.log.debug('refused socket error', errorFields(error)));
      ws.close(code, reason);
      setTimeout(() => ws.terminate(), 5_000).unref();
    });
  }

  private renewalCount(boardId: string, role: Role): number {
    return this.renewals.get(`${boardId}:${role}`) ?? 0;
  }
}
