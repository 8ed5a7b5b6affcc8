import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { BoardNotice, RoomBus, RoomChannel, RoomMessage } from './RoomBus.ts';
import {
  decodeBoardNotice,
  decodeRoomMessage,
  encodeBoardNotice,
  encodeRoomMessage,
} from './roomMessageCodec.ts';

interface Seat {
  id: number;
  listener: (message: RoomMessage) => void;
}

/** This process's rooms of one board, and its subscription to the board's channel. */
interface Board {
  seats: Set<Seat>;
  subscribed: Promise<void>;
}

/** Who sent a message: the bus (one per process) and the room's seat on it, so nobody hears itself. */
interface Envelope {
  bus: string;
  seat: number;
  payload: Uint8Array;
}

function wrap({ bus, seat, payload }: Envelope): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, bus);
  encoding.writeVarUint(encoder, seat);
  encoding.writeVarUint8Array(encoder, payload);
  return Buffer.from(encoding.toUint8Array(encoder));
}

function unwrap(bytes: Uint8Array): Envelope {
  const decoder = decoding.createDecoder(bytes);
  return {
    bus: decoding.readVarString(decoder),
    seat: decoding.readVarUint(decoder),
    payload: decoding.readVarUint8Array(decoder),
  };
}

/** Reconnects quickly at first, then every second, for ever: state is in storage, Redis only carries news. */
const retryStrategy = (attempt: number): number => Math.min(50 * attempt, 1_000);

/**
 * The bus between server processes over Redis pub/sub (`REDIS_URL`): one channel per board, one for board
 * notices, one for "I lost messages". Redis keeps nothing: a message that cannot be sent (Redis away) is
 * dropped, and once the connection is back every process reads its rooms back from storage (`onResume`).
 * Messages are never queued for later, so a long outage cannot pile them up in memory.
 */
export class RedisRoomBus implements RoomBus {
  /** This process's id on the bus. */
  private readonly id = randomBytes(9).toString('base64url');
  private readonly boards = new Map<string, Board>();
  private readonly noticeListeners = new Set<(notice: BoardNotice) => void>();
  private readonly resumeListeners = new Set<() => void>();
  private nextSeat = 1;
  /** A publish failed since the publisher's connection was last ready: others must catch up once it is back. */
  private dropped = false;
  private closed = false;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.onMessage(channel.toString(), message),
    );
    for (const [name, connection] of [
      ['publisher', pub],
      ['subscriber', sub],
    ] as const) {
      connection.on('error', (error: unknown) =>
        log.warn('redis connection error', { name, ...errorFields(error) }),
      );
      connection.on('close', () => {
        if (!this.closed) log.warn('redis connection lost', { name });
      });
    }
    // Listened to once connected (see `connect`): every `ready` from here on is a reconnection.
    pub.on('ready', () => this.onPublisherBack());
    sub.on('ready', () => void this.onSubscriberBack());
  }

  /** Connects both connections (publishing, and subscribed); rejects when Redis cannot be reached. */
  static async connect(url: string, log: Logger, prefix = 'interplay'): Promise<RedisRoomBus> {
    const options = {
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5_000,
      retryStrategy,
    };
    const pub = new Redis(url, { ...options, connectionName: 'interplay-publish' });
    const sub = new Redis(url, { ...options, connectionName: 'interplay-subscribe' });
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`cannot reach Redis at REDIS_URL: ${errorFields(error).error as string}`);
    }
    const bus = new RedisRoomBus(pub, sub, prefix, log);
    await sub.subscribe(bus.noticesChannel, bus.resumeChannel);
    return bus;
  }

  private get noticesChannel(): string {
    return `${this.prefix}:notices`;
  }

  private get resumeChannel(): string {
    return `${this.prefix}:resume`;
  }

  private boardChannel(boardId: string): string {
    return `${this.prefix}:board:${boardId}`;
  }

  join(boardId: string, listener: (message: RoomMessage) => void): RoomChannel {
    const seat: Seat = { id: this.nextSeat++, listener };
    const channel = this.boardChannel(boardId);
    let found = this.boards.get(boardId);
    if (found === undefined) {
      found = { seats: new Set(), subscribed: this.subscribe(channel) };
      this.boards.set(boardId, found);
    }
    const board = found;
    board.seats.add(seat);
    return {
      publish: (message) => {
        if (!board.seats.has(seat)) return;
        this.send(channel, wrap({ bus: this.id, seat: seat.id, payload: encodeRoomMessage(message) }));
      },
      ready: () => board.subscribed,
      leave: () => {
        if (!board.seats.delete(seat) || board.seats.size > 0 || this.boards.get(boardId) !== board) return;
        this.boards.delete(boardId);
        if (this.sub.status === 'ready') this.sub.unsubscribe(channel).catch(() => undefined);
      },
    };
  }

  /** Delivers to this process's listeners at once, then to the other processes. */
  async publishBoardNotice(notice: BoardNotice): Promise<void> {
    const payload = encodeBoardNotice(notice);
    await Promise.resolve();
    for (const listener of this.noticeListeners) this.deliver(() => listener(decodeBoardNotice(payload)));
    try {
      await this.pub.publish(this.noticesChannel, wrap({ bus: this.id, seat: 0, payload }));
    } catch (error) {
      // The others check their connections' keys and boards once this process can publish again.
      this.dropped = true;
      throw error;
    }
  }

  onBoardNotice(listener: (notice: BoardNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  onResume(listener: () => void): () => void {
    this.resumeListeners.add(listener);
    return () => this.resumeListeners.delete(listener);
  }

  async reachable(): Promise<boolean> {
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready') return false;
    return this.pub.ping().then(
      () => true,
      () => false,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.boards.clear();
    this.noticeListeners.clear();
    this.resumeListeners.clear();
    await Promise.all([this.pub.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)]);
  }

  private subscribe(channel: string): Promise<void> {
    if (this.sub.status !== 'ready') return Promise.resolve();
    return this.sub.subscribe(channel).then(
      () => undefined,
      (error: unknown) => this.log.warn('redis subscribe failed', { channel, ...errorFields(error) }),
    );
  }

  private send(channel: string, message: Buffer): void {
    if (this.pub.status !== 'ready') {
      this.dropped = true;
      return;
    }
    this.pub.publish(channel, message).catch((error: unknown) => {
      this.dropped = true;
      this.log.debug('redis publish failed', { channel, ...errorFields(error) });
    });
  }

  private onMessage(channel: string, bytes: Buffer): void {
    let envelope: Envelope;
    try {
      envelope = unwrap(bytes);
    } catch (error) {
      this.log.warn('unreadable bus message', { channel, ...errorFields(error) });
      return;
    }
    if (channel === this.resumeChannel) {
      if (envelope.bus !== this.id) this.resume('another process lost messages');
      return;
    }
    if (channel === this.noticesChannel) {
      if (envelope.bus === this.id) return;
      for (const listener of this.noticeListeners)
        this.deliver(() => listener(decodeBoardNotice(envelope.payload)));
      return;
    }
    const board = this.boards.get(channel.slice(`${this.prefix}:board:`.length));
    if (board === undefined) return;
    for (const seat of board.seats) {
      if (envelope.bus === this.id && envelope.seat === seat.id) continue;
      this.deliver(() => seat.listener(decodeRoomMessage(envelope.payload)));
    }
  }

  /** The publisher is (back) up: if it dropped messages meanwhile, the other processes must catch up. */
  private onPublisherBack(): void {
    if (!this.dropped) return;
    this.dropped = false;
    this.send(this.resumeChannel, wrap({ bus: this.id, seat: 0, payload: new Uint8Array() }));
    this.resume('messages could not be published');
  }

  /** The subscriber reconnected: subscribe again to everything, then catch up on what passed meanwhile. */
  private async onSubscriberBack(): Promise<void> {
    const channels = [
      this.noticesChannel,
      this.resumeChannel,
      ...[...this.boards.keys()].map((id) => this.boardChannel(id)),
    ];
    try {
      await this.sub.subscribe(...channels);
    } catch (error) {
      this.log.warn('redis subscribe failed', errorFields(error));
      return;
    }
    this.resume('reconnected to redis');
  }

  private resume(reason: string): void {
    this.log.info('catching up from storage', { reason });
    for (const listener of this.resumeListeners) this.deliver(listener);
  }

  /** A listener that throws must not keep the message from the others. */
  private deliver(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.log.error('bus listener failed', errorFields(error));
    }
  }
}
