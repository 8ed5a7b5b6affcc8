import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, openRawSocket, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';

const maxMessageBytes = 64 * 1024;
const maxBoardBytes = 256 * 1024;
const syncAnswerBytes = 30 * 1024;
let server: ServerHandle;
const clients: SyncClient[] = [];

function client(board: CreatedBoard, key: string, reconnect = true): SyncClient {
  const c = connectClient(server.wsUrl, board.id, key, { reconnect });
  clients.push(c);
  return c;
}

/** A y-websocket sync message: [0 = sync, step, varUint8Array payload]. */
function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

beforeAll(async () => {
  server = await startServer({
    env: {
      MAX_MESSAGE_BYTES: String(maxMessageBytes),
      MAX_BOARD_BYTES: String(maxBoardBytes),
      MAX_PRESENCE_BYTES: '2048',
      SYNC_REQUESTS_PER_MINUTE: '5',
      SYNC_REQUESTS_PER_KEY_PER_MINUTE: '8',
      SYNC_ANSWER_BYTES_PER_MINUTE: String(syncAnswerBytes),
      RATE_LIMIT_BYTES_PER_SECOND: String(256 * 1024),
    },
  });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

describe('limits per connection, per presence state and per board', () => {
  it('a presence state over MAX_PRESENCE_BYTES is neither taken nor relayed; a normal one is', async () => {
    const board = await createBoard(server.url, 'Presence');
    const observer = client(board, board.keys.view);
    const big = client(board, board.keys.edit);
    const small = client(board, board.keys.edit);
    await Promise.all([observer.whenSynced(), big.whenSynced(), small.whenSynced()]);
    big.provider.awareness.setLocalState({
      user: { name: 'Big', colour: '#123456' },
      junk: 'x'.repeat(10_000),
    });
    small.provider.awareness.setLocalState({ user: { name: 'Small', colour: '#654321' }, note: 'hello' });
    const stateOf = (id: number) => observer.provider.awareness.getStates().get(id);
    await waitFor(
      () => stateOf(small.doc.clientID)?.note === 'hello',
      'the small presence to reach the observer',
    );
    // The big one was sent first, over the same kind of connection; the connection itself stays open.
    expect(stateOf(big.doc.clientID)?.junk).toBeUndefined();
    expect(big.closes).toEqual([]);
  });

  it('an update that would grow the board past MAX_BOARD_BYTES is refused with 4413; what came before stays', async () => {
    const board = await createBoard(server.url, 'Full');
    const writer = client(board, board.keys.edit, false);
    const reader = client(board, board.keys.view);
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    const chunk = 'y'.repeat(40 * 1024);
    let written = 0;
    while (writer.closes.length === 0 && written < 20) {
      writer.doc.getMap('m').set(`k${written}`, chunk);
      written += 1;
      // Under the connection's byte rate (256 KiB/s): only the board's size may stop it.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(writer.closes[0]?.code).toBe(4413);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const accepted = reader.doc.getMap('m').size;
    expect(accepted).toBeGreaterThanOrEqual(4);
    expect(accepted).toBeLessThan(written);
    expect(accepted * chunk.length).toBeLessThanOrEqual(maxBoardBytes);
    // The refused update stays in the writer's own copy (a page keeps it in its local store).
    expect(writer.doc.getMap('m').size).toBe(written);
    expect(reader.closes).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('more bytes per second than the connection may send close it with 4529', async () => {
    const board = await createBoard(server.url, 'Bytes');
    const raw = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.view}`);
    await raw.opened;
    // Query-awareness messages padded to 60 KB: cheap to answer, but every byte counts.
    const padded = new Uint8Array(60 * 1024);
    padded[0] = 3;
    for (let i = 0; i < 10 && raw.socket.readyState === raw.socket.OPEN; i++) raw.socket.send(padded);
    const closed = await raw.closed;
    expect(closed.code).toBe(4529);
  });

  it('sync requests beyond SYNC_REQUESTS_PER_MINUTE close the connection with 4529', async () => {
    const board = await createBoard(server.url, 'Step one');
    const raw = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.view}`);
    await raw.opened;
    const stepOne = syncMessage(0, new Uint8Array([0]));
    for (let i = 0; i < 8 && raw.socket.readyState === raw.socket.OPEN; i++) {
      raw.socket.send(stepOne);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const closed = await raw.closed;
    expect(closed).toEqual({ code: 4529, reason: 'too many sync requests' });
    // At most five answers (a sync step 2 each) went out before the limit.
    const answers = raw.messages.filter((message) => message[0] === 0 && message[1] === 1);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(5);
  });

  it('answers beyond SYNC_ANSWER_BYTES_PER_MINUTE close the connection with 4529; a page that syncs once is fine', async () => {
    const board = await createBoard(server.url, 'Answer bytes');
    const editor = client(board, board.keys.edit);
    await editor.whenSynced();
    // About 12 KB of board: two whole answers fit in the 30 KB budget, a third does not.
    editor.doc.getMap('m').set('text', 'x'.repeat(12 * 1024));
    // A page that syncs once gets the whole board.
    const viewer = client(board, board.keys.view);
    await waitFor(() => viewer.doc.getMap('m').get('text') !== undefined, 'the viewer to get the board');
    const raw = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.view}`);
    await raw.opened;
    const everything = syncMessage(0, new Uint8Array([0]));
    for (let i = 0; i < 4 && raw.socket.readyState === raw.socket.OPEN; i++) {
      raw.socket.send(everything);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await raw.closed).toEqual({ code: 4529, reason: 'too much sync data' });
    const answers = raw.messages.filter((message) => message[0] === 0 && message[1] === 1);
    expect(answers).toHaveLength(2);
  });

  it('connections holding one key share SYNC_REQUESTS_PER_KEY_PER_MINUTE', async () => {
    const board = await createBoard(server.url, 'One key');
    const sockets = [0, 1, 2].map(() =>
      openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.view}`),
    );
    await Promise.all(sockets.map((raw) => raw.opened));
    const stepOne = syncMessage(0, new Uint8Array([0]));
    // Four each: within the five one connection may send, twelve together against the key's eight.
    for (let round = 0; round < 4; round++) {
      for (const raw of sockets) if (raw.socket.readyState === raw.socket.OPEN) raw.socket.send(stepOne);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const closed = await Promise.race([
      Promise.any(sockets.map((raw) => raw.closed)),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
    expect(closed).toEqual({ code: 4529, reason: 'too many sync requests' });
    for (const raw of sockets) raw.socket.close();
  });
});
