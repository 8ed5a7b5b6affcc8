import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { ROOM_IDLE_MS: '400' } });
});

afterAll(async () => {
  await server?.cleanup();
});

const roomLogs = (msg: string, boardId: string): number =>
  server.logs.filter((line) => line.includes(`"msg":"${msg}"`) && line.includes(boardId)).length;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('a board page loads its room ahead of the socket', () => {
  it('fetching the page with a valid key loads the room, which unloads again if nobody connects', async () => {
    const board = await createBoard(server.url);
    const page = await fetch(`${server.url}/b/${board.id}?key=${board.keys.view}`);
    await page.arrayBuffer();
    await waitFor(() => roomLogs('room loaded', board.id) === 1, 'the room to load from the page fetch');
    await waitFor(() => roomLogs('room unloaded', board.id) === 1, 'the unused room to unload when idle');
  });

  it('a wrong key, a missing key or an unknown board loads nothing', async () => {
    const board = await createBoard(server.url);
    for (const path of [
      `/b/${board.id}?key=${'C'.repeat(43)}`,
      `/b/${board.id}`,
      `/b/${'B'.repeat(22)}?key=x`,
    ]) {
      const page = await fetch(`${server.url}${path}`);
      await page.arrayBuffer();
    }
    await sleep(500);
    expect(roomLogs('room loaded', board.id)).toBe(0);
    expect(
      server.logs.filter((line) => line.includes('"msg":"room loaded"') && line.includes('BBBB')),
    ).toEqual([]);
  });

  it('the socket that follows the page joins the room loaded for it, with the stored board', async () => {
    const board = await createBoard(server.url);
    const writer = connectClient(server.wsUrl, board.id, board.keys.edit);
    await writer.whenSynced();
    writer.doc.getMap('check').set('written', 'before the page');
    await waitFor(() => roomLogs('room loaded', board.id) === 1, 'the writer to load the room');
    writer.destroy();
    await waitFor(() => roomLogs('room unloaded', board.id) === 1, 'the room to unload');

    const page = await fetch(`${server.url}/b/${board.id}?key=${board.keys.edit}`);
    await page.arrayBuffer();
    await waitFor(() => roomLogs('room loaded', board.id) === 2, 'the page fetch to load the room again');
    const reader = connectClient(server.wsUrl, board.id, board.keys.edit);
    try {
      await reader.whenSynced();
      expect(reader.doc.getMap('check').get('written')).toBe('before the page');
      expect(roomLogs('room loaded', board.id)).toBe(2);
    } finally {
      reader.destroy();
    }
  });
});
