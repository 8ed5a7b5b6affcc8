import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';

let server: ServerHandle;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { MAX_CONNECTIONS_PER_ADDRESS: '12', MAX_UPLOADS_PER_ADDRESS: '2', REQUEST_TIMEOUT_MS: '1500' },
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await server?.cleanup();
});

interface Opened {
  socket: net.Socket;
  /** Everything the server sent. */
  received: () => string;
  closed: Promise<void>;
}

async function open(): Promise<Opened> {
  const socket = net.connect(server.port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => received, closed };
}

/** A create request whose body never finishes arriving. */
async function slowUpload(): Promise<Opened> {
  const opened = await open();
  opened.socket.write(
    'POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      'Content-Length: 1000000\r\n\r\n{"title":"slow',
  );
  return opened;
}

describe('connections per address and slow bodies', () => {
  it('slow uploads beyond MAX_UPLOADS_PER_ADDRESS get 429 at once, time out after REQUEST_TIMEOUT_MS, and a websocket still joins', async () => {
    const board = await createBoard(server.url, 'Busy');
    const started = Date.now();
    const slow = [await slowUpload(), await slowUpload()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = await slowUpload();
    await waitFor(() => third.received().startsWith('HTTP/1.1 429'), 'the third upload to be refused');

    const client = connectClient(server.wsUrl, board.id, board.keys.edit);
    try {
      await client.whenSynced();
    } finally {
      client.destroy();
    }
    await Promise.all(slow.map((upload) => upload.closed));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(10_000);
    for (const upload of slow) expect(upload.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('connections beyond MAX_CONNECTIONS_PER_ADDRESS are closed at once; freed ones make room again', async () => {
    // The test's own fetch pool may hold a connection or two as well: open more than the limit.
    const opened: Opened[] = [];
    for (let i = 0; i < 15; i++) opened.push(await open());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = opened.filter((o) => o.socket.destroyed || o.socket.readyState !== 'open');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const o of refused) expect(o.received()).toBe('');
    for (const o of opened) o.socket.destroy();
    await waitFor(
      async () => (await fetch(`${server.url}/healthz`).catch(() => null))?.status === 200,
      'room again',
    );
  });
});
