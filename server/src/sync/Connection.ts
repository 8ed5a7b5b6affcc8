import * as decoding from 'lib0/decoding';
import type { RawData, WebSocket } from 'ws';
import type { BoardRole as Role } from '@interplay/shared';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { Room } from './Room.ts';
import type { RoomMember } from './RoomBroadcast.ts';
import type { RoomLease } from './RoomManager.ts';
import { closeCodes } from './closeCodes.ts';
import { RateLimiter } from './RateLimiter.ts';
import { BoardFullError } from './RoomDocument.ts';
import {
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './protocol.ts';

export interface ConnectionOptions {
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Sustained bytes per second; the burst is two of the largest messages, so one always fits. */
  rateLimitBytesPerSecond: number;
  /** The largest message (the byte budget's burst is twice this). */
  maxMessageBytes: number;
  /** Sync step 1s per minute, also their burst: each costs the server a diff and the whole answer's bytes. */
  syncRequestsPerMinute: number;
  /** Bytes of sync answers per minute, also their burst; one answer larger than that costs all of it. */
  syncAnswerBytesPerMinute: number;
  /** A peer that leaves this much unread data queued is closed instead of buffering without bound. */
  maxBufferedBytes: number;
  pingIntervalMs: number;
}

/** Raised for input that breaks the protocol; the connection is closed with `badMessage`. */
class ProtocolError extends Error {}

let nextConnectionId = 1;

/** One websocket in one room: decodes its messages, enforces its role and limits, and cleans up after it. */
export class Connection implements RoomMember {
  readonly id = nextConnectionId++;
  private readonly room: Room;
  private readonly limiter: RateLimiter;
  private readonly bytes: RateLimiter;
  private readonly syncRequests: RateLimiter;
  private readonly syncAnswerBytes: RateLimiter;
  private readonly pingTimer: NodeJS.Timeout;
  private alive = true;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly lease: RoomLease,
    readonly role: Role,
    readonly device: string,
    readonly keyHash: string,
    private readonly log: Logger,
    private readonly options: ConnectionOptions,
  ) {
    this.room = lease.room;
    this.limiter = new RateLimiter(options.rateLimitPerSecond, options.rateLimitBurst);
    this.bytes = new RateLimiter(options.rateLimitBytesPerSecond, options.maxMessageBytes * 2);
    this.syncRequests = new RateLimiter(options.syncRequestsPerMinute / 60, options.syncRequestsPerMinute);
    this.syncAnswerBytes = new RateLimiter(
      options.syncAnswerBytesPerMinute / 60,
      options.syncAnswerBytesPerMinute,
    );
    socket.on('error', (error) => {
      // Protocol violations (reserved bits, bad opcodes, oversized frames…) land here; `ws` closes the socket.
      this.log.warn('websocket error', { ...this.fields(), ...errorFields(error) });
    });
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('close', (code) => this.onClose(code));
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs);
    this.room.join(this);
    this.log.debug('connection opened', this.fields());
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.close(closeCodes.tooSlow, 'not reading fast enough');
      return;
    }
    this.socket.send(message, (error) => {
      if (error) this.log.debug('send failed', { ...this.fields(), ...errorFields(error) });
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.log.info('closing connection', { ...this.fields(), code, reason });
    this.detach();
    this.socket.close(code, reason);
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), 5_000).unref();
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    const length = rawLength(data);
    if (!this.limiter.take() || !this.bytes.take(length)) {
      // What the page sent and we did not take stays in its copy; it sends it again once reconnected.
      this.close(closeCodes.rateLimited, 'rate limit exceeded');
      return;
    }
    if (!this.room.budgets.takeBytes(this, length)) {
      this.close(closeCodes.rateLimited, 'board is busy');
      return;
    }
    try {
      if (!isBinary) throw new ProtocolError('text frames are not part of the protocol');
      this.handle(toFreshBytes(data));
    } catch (error) {
      if (error instanceof BoardFullError) {
        this.log.warn('board is full; update refused', { ...this.fields(), ...errorFields(error) });
        this.close(closeCodes.boardFull, 'board is full');
        return;
      }
      this.log.warn('bad message; closing connection', { ...this.fields(), ...errorFields(error) });
      this.close(closeCodes.badMessage, error instanceof ProtocolError ? error.message : 'invalid message');
    }
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageSync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === syncStep1) {
          if (!this.syncRequests.take() || !this.room.budgets.takeSyncRequest(this)) {
            this.close(closeCodes.rateLimited, 'too many sync requests');
            return;
          }
          // A board larger than the budget still goes out whole, once a minute at most.
          const affordable = (bytes: number): boolean =>
            this.syncAnswerBytes.take(Math.min(bytes, this.options.syncAnswerBytesPerMinute));
          if (!this.room.answerSyncStep1(this, payload, affordable))
            this.close(closeCodes.rateLimited, 'too much sync data');
        } else if (step === syncStep2 || step === syncUpdate) {
          // The room's policy decides: viewers' updates are refused unless they only annotate and the
          // facilitator allows viewers to comment.
          this.room.applyClientUpdate(this, payload);
        } else {
          throw new ProtocolError(`unknown sync message ${step}`);
        }
        return;
      }
      case messageAwareness:
        this.room.applyClientAwareness(this, decoding.readVarUint8Array(decoder));
        return;
      case messageQueryAwareness:
        this.room.sendAwarenessTo(this);
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private ping(): void {
    if (!this.alive) {
      this.log.info('connection timed out', this.fields());
      this.detach();
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  private onClose(code: number): void {
    if (!this.closed) this.log.debug('connection closed by peer', { ...this.fields(), code });
    this.detach();
  }

  /** Leaves the room and releases it exactly once, whoever closed first. */
  private detach(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    this.room.leave(this);
    this.lease.release();
  }

  private fields(): Record<string, unknown> {
    return { boardId: this.room.boardId, connectionId: this.id, role: this.role };
  }
}

function rawLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.byteLength, 0);
  return data.byteLength;
}

/**
 * Copies a message into its own buffer. `ws` may hand out views into a larger pooled buffer, and a lying
 * length inside a message must not let the decoder read a neighbour's bytes.
 */
function toFreshBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data);
}
