import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.ts';
import type { Logger } from './log.ts';
import type { RoomBus } from './bus/RoomBus.ts';
import type { Storage } from './storage/Storage.ts';
import { BoardService } from './boards/BoardService.ts';
import { CreateRequestReader } from './boards/CreateRequestReader.ts';
import { createHttpHandler } from './http/createHttpHandler.ts';
import { errorFields } from './log.ts';
import { closeCodes } from './sync/closeCodes.ts';
import { BoardHistory } from './sync/BoardHistory.ts';
import { RoomManager } from './sync/RoomManager.ts';
import { SyncServer } from './sync/SyncServer.ts';

/**
 * The composed server: HTTP API, static client and websocket sync over one storage, and a bus to the other
 * server processes of the same storage (`LocalRoomBus` when there are none). The bus is shared, so its
 * owner closes it; `stop` closes the storage.
 */
export class InterplayServer {
  private readonly http: http.Server;
  private readonly rooms: RoomManager;
  private readonly sync: SyncServer;
  /** Board files sent to `POST /api/boards` are read in a worker thread, not on the event loop. */
  private readonly createRequests = new CreateRequestReader();
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly config: ServerConfig,
    private readonly storage: Storage,
    bus: RoomBus,
    private readonly log: Logger,
  ) {
    const boards = new BoardService(storage);
    // Every process closes its own connections that hold the old key, this one too: see `SyncServer`.
    boards.onKeyRenewed((boardId, role) =>
      bus.publishKeyRenewal({ boardId, role }).catch((error: unknown) => {
        log.error('key renewal not published; connections holding the old key stay open', {
          boardId,
          role,
          ...errorFields(error),
        });
      }),
    );
    this.rooms = new RoomManager(storage, bus, log, {
      compactThreshold: config.compactThreshold,
      roomIdleMs: config.roomIdleMs,
      checkpointIntervalMs: config.checkpointIntervalMs,
    });
    this.sync = new SyncServer(boards, this.rooms, bus, log, {
      maxMessageBytes: config.maxMessageBytes,
      rateLimitPerSecond: config.rateLimitPerSecond,
      rateLimitBurst: config.rateLimitBurst,
      maxBufferedBytes: Math.max(16 * 1024 * 1024, config.maxMessageBytes * 4),
      pingIntervalMs: 30_000,
    });
    this.http = http.createServer(
      createHttpHandler(
        boards,
        this.createRequests,
        new BoardHistory(storage, this.rooms),
        config.staticDir,
        log,
        (boardId) => this.rooms.warm(boardId),
      ),
    );
    // Longer than browsers' and undici's idle reuse windows, so a client never reuses a socket we just closed.
    this.http.keepAliveTimeout = 65_000;
    this.http.headersTimeout = 66_000;
    this.http.on('clientError', (error, socket) => {
      log.debug('http client error', { error: error.message });
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    this.sync.attach(this.http);
  }

  /** Starts listening and resolves with the bound port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.config.port, this.config.host, () => {
        this.http.off('error', reject);
        resolve((this.http.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting, closes every socket with 1012 so clients reconnect, writes every room, closes storage. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.sync.stop();
      const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
      await this.rooms.shutdown(closeCodes.restart, 'server restarting');
      this.http.closeAllConnections();
      await closed;
      await this.createRequests.close();
      await this.storage.close();
    })();
    return this.stopping;
  }
}
