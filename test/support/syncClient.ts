import net from 'node:net';
import * as decoding from 'lib0/decoding';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

// Each WebsocketProvider adds a process 'exit' listener; tests open dozens on purpose.
process.setMaxListeners(200);

/** Polls `check` until it returns true, up to `timeoutMs`; throws with `message` otherwise. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 15_000,
  intervalMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface CreatedBoard {
  id: string;
  title: string;
  keys: { facilitator: string; edit: string; view: string };
}

export async function createBoard(baseUrl: string, title = 'Test board'): Promise<CreatedBoard> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`creating a board answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreatedBoard;
}

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The browser id sent as the `device` query parameter; the same on every reconnect of this provider. */
  device: string;
  /** Close events the server sent, in order. */
  closes: { code: number; reason: string }[];
  whenSynced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** A fresh browser id in the server's `device` format (22 characters of base64url). */
export function randomDevice(): string {
  return randomBytes(16).toString('base64url');
}

export interface ConnectOptions {
  doc?: Y.Doc;
  reconnect?: boolean;
  /**
   * The browser's id (`device`, 22–64 characters of [A-Za-z0-9_-]); default a random one per client. The
   * server refuses structs of a Yjs client id first seen under another device, so a client that reconnects
   * with the same Y.Doc must keep its device.
   */
  device?: string;
  /** Longest wait between reconnect attempts; default 500 ms (y-websocket's own is 2.5 s). */
  maxBackoffTime?: number;
}

/** A real y-websocket client in Node, as the browser uses it: `/sync/<boardId>?key=…&device=…`. */
export function connectClient(
  wsUrl: string,
  boardId: string,
  key: string,
  options: ConnectOptions = {},
): SyncClient {
  const doc = options.doc ?? new Y.Doc();
  const device = options.device ?? randomDevice();
  const provider = new WebsocketProvider(`${wsUrl}/sync`, boardId, doc, {
    // As a browser does: one device id for every connection of this client, so its reconnects may resend.
    params: { key, device },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime ?? 500,
    shouldReconnect: () => options.reconnect ?? true,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    device,
    closes,
    whenSynced: (timeoutMs = 15_000) =>
      waitFor(() => provider.synced, `client of ${boardId} to sync`, timeoutMs),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * Records the reasons of the "permission denied" messages (refusal notices) the client receives, instead of
 * y-websocket's console warning; returns the list it fills.
 */
export function recordDenied(client: SyncClient): string[] {
  const denied: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    denied.push(decoding.readVarString(decoder));
  };
  return denied;
}

/** Outcome of a plain `ws` connection: every message received and the close code/reason. */
export interface RawSocket {
  socket: WebSocket;
  messages: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

export function openRawSocket(wsUrl: string, path: string): RawSocket {
  const socket = new WebSocket(`${wsUrl}${path}`);
  const messages: Buffer[] = [];
  socket.on('message', (data) => messages.push(Buffer.from(data as Buffer)));
  socket.on('error', () => {
    // close follows; the test looks at the close code
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('socket closed before opening')));
  });
  opened.catch(() => undefined);
  return { socket, messages, closed, opened };
}

/** A TCP socket that has completed a websocket handshake by hand, for writing malformed frames. */
export interface HandshakenSocket {
  socket: net.Socket;
  /** Everything received after the handshake response. */
  received: () => Buffer;
  closed: Promise<void>;
}

export async function rawHandshake(port: number, path: string): Promise<HandshakenSocket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let buffer = Buffer.alloc(0);
  let headerEnd = -1;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (headerEnd === -1) {
        headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd !== -1) {
          const head = buffer.subarray(0, headerEnd).toString();
          if (head.startsWith('HTTP/1.1 101')) resolve();
          else reject(new Error(`handshake refused: ${head}`));
        }
      }
    });
    void closed.then(() => reject(new Error('socket closed during handshake')));
  });
  return { socket, received: () => buffer.subarray(headerEnd + 4), closed };
}

export interface FrameOptions {
  fin?: boolean;
  /** Reserved bits RSV1..RSV3 as a 3-bit number. */
  rsv?: number;
  opcode: number;
  payload: Buffer;
  masked?: boolean;
  /** Declared payload length, when it should lie. */
  declaredLength?: number;
}

/** Encodes one websocket frame, optionally malformed. */
export function buildFrame({
  fin = true,
  rsv = 0,
  opcode,
  payload,
  masked = true,
  declaredLength,
}: FrameOptions): Buffer {
  const length = declaredLength ?? payload.length;
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(maskBit | 127, ...big);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), mask, body]);
}
