import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.ts';
import type { Logger } from './log.ts';
import type { RoomBus } from './bus/RoomBus.ts';
import type { Storage } from './storage/Storage.ts';
import { BoardService } from './boards/BoardService.ts';
import { CreateRequestReader } from './boards/CreateRequestReader.ts';
import { AddressRateLimiter } from './http/AddressRateLimiter.ts';
import { AddressSlots } from './http/AddressSlots.ts';
import { createHttpHandler } from './http/createHttpHandler.ts';
import { createHttpServer } from './http/createHttpServer.ts';
import { errorFields } from './log.ts';
import { WatchedStorage } from './storage/WatchedStorage.ts';
import { closeCodes } from './sync/closeCodes.ts';
import { BoardErasure } from './sync/BoardErasure.ts';
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
  private readonly createRequests: CreateRequestReader;
  private readonly storage: WatchedStorage;
  private stopping: Promise<void> | null = null;
  private draining = false;
  private readonly forgetNotices: () => void;

  constructor(
    private readonly config: ServerConfig,
    storage: Storage,
    bus: RoomBus,
    private readonly log: Logger,
  ) {
    // Whether the storage can save is reported by `/healthz` and shapes the API's answers.
    const watched = new WatchedStorage(storage, log);
    this.storage = watched;
    this.createRequests = new CreateRequestReader({
      timeoutMs: config.boardFileTimeoutMs,
      maxHeapMb: config.boardFileMaxHeapMb,
      maxQueued: config.boardFileQueue,
    });
    const boards = new BoardService(watched);
    // Every process closes its own connections that hold the old key, this one too: see `SyncServer`.
    boards.onKeyRenewed((boardId, role) =>
      bus.publishBoardNotice({ kind: 'key-renewed', boardId, role }).catch((error: unknown) => {
        log.error('key renewal not published; connections holding the old key stay open', {
          boardId,
          role,
          ...errorFields(error),
        });
      }),
    );
    this.rooms = new RoomManager(watched, bus, log, {
      compactThreshold: config.compactThreshold,
      roomIdleMs: config.roomIdleMs,
      maxBoardBytes: config.maxBoardBytes,
      maxPresenceBytes: config.maxPresenceBytes,
      syncRequestsPerKeyPerMinute: config.syncRequestsPerKeyPerMinute,
      boardBytes: { perSecond: config.boardBytesPerSecond, burst: config.maxMessageBytes * 4 },
      checkpointIntervalMs: config.checkpointIntervalMs,
      // Several processes share the boards only over a networked bus.
      checkFreshness: config.redisUrl !== null,
    });
    this.sync = new SyncServer(boards, this.rooms, bus, log, {
      maxMessageBytes: config.maxMessageBytes,
      rateLimitPerSecond: config.rateLimitPerSecond,
      rateLimitBurst: config.rateLimitBurst,
      rateLimitBytesPerSecond: config.rateLimitBytesPerSecond,
      syncRequestsPerMinute: config.syncRequestsPerMinute,
      syncAnswerBytesPerMinute: config.syncAnswerBytesPerMinute,
      allowedOrigins: config.allowedOrigins,
      maxBufferedBytes: Math.max(16 * 1024 * 1024, config.maxMessageBytes * 4),
      pingIntervalMs: 30_000,
    });
    const history = new BoardHistory(watched, this.rooms);
    // Rebuilt states kept in memory must go when a purge rewrote them or the board was deleted, in every process.
    const stopNotices = bus.onBoardNotice((notice) => {
      if (notice.kind !== 'key-renewed') history.forgetStates();
    });
    // Such a notice may have been lost with the bus: then they go all the same.
    const stopResumes = bus.onResume(() => history.forgetStates());
    this.forgetNotices = () => {
      stopNotices();
      stopResumes();
    };
    const handler = createHttpHandler({
      boards,
      createRequests: this.createRequests,
      limits: {
        creations: new AddressRateLimiter(config.boardCreatesPerMinute, config.boardCreatesPerMinute),
        uploads: new AddressSlots(config.maxUploadsPerAddress),
      },
      history,
      erasure: new BoardErasure(watched, this.rooms, bus),
      staticDir: config.staticDir,
      log,
      warmBoard: (boardId) => this.rooms.warm(boardId),
      trouble: () => this.trouble(bus),
    });
    this.http = createHttpServer(handler, config, log);
    this.sync.attach(this.http);
  }

  /**
   * Why this process cannot serve now (`/healthz` answers 503 with it), or null: it is stopping, its storage
   * is full, or the database or the bus to the other processes does not answer within two seconds.
   */
  private async trouble(bus: RoomBus): Promise<string | null> {
    if (this.draining) return 'draining';
    if (this.storage.cannotSaveSince !== null) return 'storage-full';
    if (!(await answersInTime(this.storage.ping().then(() => true)))) return 'database-unreachable';
    if (!(await answersInTime(bus.reachable()))) return 'bus-unreachable';
    return null;
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
      this.draining = true;
      this.sync.stop();
      this.forgetNotices();
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

/** True when `check` resolves true within `ms`; false when it rejects, resolves false or takes longer. */
function answersInTime(check: Promise<boolean>, ms = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([check.catch(() => false), late]).finally(() => clearTimeout(timer));
}
