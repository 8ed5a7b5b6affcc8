import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, openRawSocket, waitFor } from '../support/syncClient.ts';

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({
    env: {
      MAX_MESSAGE_BYTES: String(64 * 1024),
      RATE_LIMIT_BYTES_PER_SECOND: String(256 * 1024),
      BOARD_BYTES_PER_SECOND: String(64 * 1024),
    },
  });
});

afterAll(async () => {
  await server?.cleanup();
});

describe('a board shares BOARD_BYTES_PER_SECOND among its connections', () => {
  it('heavy senders, each within its own limits, are closed; a light editor keeps editing', async () => {
    const board = await createBoard(server.url, 'Busy board');
    const light = connectClient(server.wsUrl, board.id, board.keys.edit, { reconnect: false });
    const reader = connectClient(server.wsUrl, board.id, board.keys.view);
    try {
      await Promise.all([light.whenSynced(), reader.whenSynced()]);
      const heavy = [0, 1, 2].map(() =>
        openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.edit}`),
      );
      await Promise.all(heavy.map((raw) => raw.opened));
      // 10 KB every 50 ms each: 200 KB/s, under a connection's 256 KiB/s, three times the board's 64 KiB/s.
      const padded = new Uint8Array(10 * 1024);
      padded[0] = 3;
      const open = () => heavy.filter((raw) => raw.socket.readyState === raw.socket.OPEN);
      for (let tick = 0; tick < 60 && open().length > 0; tick++) {
        for (const raw of open()) raw.socket.send(padded);
        light.doc.getMap('m').set(`edit${tick}`, tick);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const closed = await Promise.all(heavy.map((raw) => raw.closed));
      expect(closed.every((close) => close.code === 4529 && close.reason === 'board is busy')).toBe(true);
      expect(light.closes).toEqual([]);
      const edits = light.doc.getMap('m').size;
      await waitFor(() => reader.doc.getMap('m').size === edits, 'every light edit to reach the reader');
    } finally {
      light.destroy();
      reader.destroy();
    }
  });
});
