import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import {
  buildFrame,
  connectClient,
  createBoard,
  openRawSocket,
  rawHandshake,
  waitFor,
} from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';

const maxMessageBytes = 64 * 1024;
let server: ServerHandle;
let board: CreatedBoard;
let editor: SyncClient;
const expected = { a: 1, b: 'two' };

/** A y-websocket sync message: [0 = sync, step, varUint8Array payload]. */
function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** The server is up, the editor was never disconnected, and a fresh client sees exactly the expected doc. */
async function expectServerAndDocumentIntact(): Promise<void> {
  expect(server.process.exitCode).toBeNull();
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  expect(editor.closes).toEqual([]);
  const fresh = connectClient(server.wsUrl, board.id, board.keys.view);
  try {
    await fresh.whenSynced();
    await waitFor(() => fresh.doc.getMap('m').size === Object.keys(expected).length, 'fresh client to sync');
    expect(fresh.doc.getMap('m').toJSON()).toEqual(expected);
    // Nothing but the editor's map and the schema version the server records on load.
    expect([...fresh.doc.share.keys()].sort()).toEqual(['m', 'meta']);
  } finally {
    fresh.destroy();
  }
}

async function expectClosedWith(path: string, send: Uint8Array | string, code: number): Promise<void> {
  const raw = openRawSocket(server.wsUrl, path);
  await raw.opened;
  raw.socket.send(send);
  const closed = await raw.closed;
  expect(closed.code).toBe(code);
}

beforeAll(async () => {
  server = await startServer({
    env: { MAX_MESSAGE_BYTES: String(maxMessageBytes), RATE_LIMIT_PER_SECOND: '50', RATE_LIMIT_BURST: '100' },
  });
  board = await createBoard(server.url, 'Abuse');
  editor = connectClient(server.wsUrl, board.id, board.keys.edit);
  await editor.whenSynced();
  editor.doc.getMap('m').set('a', 1);
  editor.doc.getMap('m').set('b', 'two');
  await expectServerAndDocumentIntact();
});

afterAll(async () => {
  editor?.destroy();
  await server?.cleanup();
});

describe('bad input closes only the offending connection', () => {
  const path = () => `/sync/${board.id}?key=${board.keys.edit}`;

  it('garbage binary frames, text frames and unknown message types close with 4400', async () => {
    await expectClosedWith(
      path(),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      4400,
    );
    await expectClosedWith(path(), 'hello', 4400);
    await expectClosedWith(path(), new Uint8Array([7, 1, 2, 3]), 4400);
    await expectClosedWith(path(), new Uint8Array([0, 9, 0]), 4400);
    await expectClosedWith(path(), new Uint8Array([1, 200, 1, 1]), 4400);
    await expectServerAndDocumentIntact();
  });

  it('an undecodable update, a lying inner length and a malformed state vector close with 4400 and store nothing', async () => {
    await expectClosedWith(path(), syncMessage(2, new Uint8Array([5, 200, 17, 3, 99, 99, 99, 1])), 4400);
    await expectClosedWith(path(), syncMessage(1, new Uint8Array([1, 1, 180, 200, 2, 0, 0])), 4400);
    await expectClosedWith(path(), new Uint8Array([0, 2, 200, 1, 1, 2]), 4400);
    await expectClosedWith(
      path(),
      syncMessage(0, new Uint8Array([3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255])),
      4400,
    );
    await expectServerAndDocumentIntact();
  });

  it('an update with missing dependencies stays pending and does not corrupt the document', async () => {
    const other = new Y.Doc();
    other.getMap('m').set('x', 'first');
    const before = Y.encodeStateVector(other);
    other.getMap('m').set('x', 'second');
    // Only the second change: it depends on the first, which the server never sees.
    const dependent = Y.encodeStateAsUpdate(other, before);
    const raw = openRawSocket(server.wsUrl, path());
    await raw.opened;
    raw.socket.send(syncMessage(2, dependent));
    raw.socket.close();
    await raw.closed;
    await expectServerAndDocumentIntact();
  });

  it('a frame over MAX_MESSAGE_BYTES closes that connection with 1009', async () => {
    const huge = syncMessage(2, new Uint8Array(maxMessageBytes + 1024));
    await expectClosedWith(path(), huge, 1009);
    await expectServerAndDocumentIntact();
  });

  it('more messages than the rate limit allows close the connection with 4529', async () => {
    const raw = openRawSocket(server.wsUrl, path());
    await raw.opened;
    const query = new Uint8Array([3]);
    for (let i = 0; i < 400 && raw.socket.readyState === raw.socket.OPEN; i += 1) raw.socket.send(query);
    expect((await raw.closed).code).toBe(4529);
    await expectServerAndDocumentIntact();
  });

  describe('raw protocol abuse on a hand-made websocket drops that socket only', () => {
    const cases: { name: string; frame: () => Buffer }[] = [
      {
        name: 'reserved bits set',
        frame: () => buildFrame({ rsv: 0b111, opcode: 2, payload: Buffer.from([3]) }),
      },
      { name: 'bad opcode', frame: () => buildFrame({ opcode: 0x3, payload: Buffer.from([1, 2]) }) },
      {
        name: 'unmasked client frame',
        frame: () => buildFrame({ opcode: 2, payload: Buffer.from([3]), masked: false }),
      },
      {
        name: 'lying 64-bit length',
        frame: () => buildFrame({ opcode: 2, payload: Buffer.from([3, 3, 3]), declaredLength: 2 ** 40 }),
      },
      {
        name: 'fragmented control frame',
        frame: () => buildFrame({ fin: false, opcode: 0x9, payload: Buffer.from([1]) }),
      },
      {
        name: 'continuation without a start',
        frame: () => buildFrame({ opcode: 0x0, payload: Buffer.from([3]) }),
      },
    ];
    for (const { name, frame } of cases) {
      it(name, async () => {
        const raw = await rawHandshake(server.port, `/sync/${board.id}?key=${board.keys.edit}`);
        raw.socket.write(frame());
        await Promise.race([
          raw.closed,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('server kept the socket open')), 10_000),
          ),
        ]);
        await expectServerAndDocumentIntact();
      });
    }

    it('a frame whose length lies short leaves trailing bytes that are rejected too', async () => {
      const raw = await rawHandshake(server.port, `/sync/${board.id}?key=${board.keys.edit}`);
      // The frame says one byte; the bytes after it go out unmasked, so the server reads them as the header of a
      // next frame with reserved bits set (masking them with the frame's random key made that header random).
      const lying = Buffer.concat([
        buildFrame({ opcode: 2, payload: Buffer.from([3]) }),
        Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]),
      ]);
      raw.socket.write(lying);
      await Promise.race([
        raw.closed,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('server kept the socket open')), 10_000),
        ),
      ]);
      await expectServerAndDocumentIntact();
    });
  });
});
