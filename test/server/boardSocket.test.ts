/**
 * The page's own sync client (`client/src/sync/socket/BoardSocket.ts`) against the real server: it syncs,
 * holds the board until released, applies the first sync quietly, reports refusals, keeps offline edits
 * until it reconnects, and stops for good on a renewed key.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, moveNodes, parseRefusal, readBoard, setLayoutLocked } from '@interplay/shared';
import { BoardSocket } from '../../client/src/sync/socket/BoardSocket.ts';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const cleanups: Array<() => void> = [];

function open(board: CreatedBoard, key: string, holdBoard = false) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const socket = new BoardSocket({
    url: `${server.wsUrl}/sync/${board.id}?key=${key}&device=test-device-${doc.clientID}`,
    doc,
    awareness,
    holdBoard,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const refusals: string[] = [];
  const closes: number[] = [];
  socket.on('refused', (reason) => refusals.push(reason));
  socket.on('close', (code) => closes.push(code));
  cleanups.push(() => {
    socket.destroy();
    awareness.destroy();
    doc.destroy();
  });
  return { doc, awareness, socket, refusals, closes };
}

function peer(board: CreatedBoard, key: string): SyncClient {
  const c = connectClient(server.wsUrl, board.id, key);
  cleanups.push(() => c.destroy());
  return c;
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await server?.cleanup();
});

describe('BoardSocket', () => {
  it('syncs both ways, and a held board waits for release', async () => {
    const board = await createBoard(server.url, 'socket');
    const other = peer(board, board.keys.edit);
    await other.whenSynced();
    const a = addOrganisation(other.doc, { name: 'Held', sector: 'care', position: { x: 0, y: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const page = open(board, board.keys.edit, true);
    const heard: unknown[] = [];
    page.doc.on('update', (_u: Uint8Array, origin: unknown) => heard.push(origin));
    await waitFor(() => page.socket.status === 'connected', 'the socket to open');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readBoard(page.doc).organisations.has(a)).toBe(false);
    page.socket.release();
    expect(readBoard(page.doc).organisations.has(a)).toBe(true);
    expect(page.socket.synced).toBe(true);
    // The first sync reached the listeners once, as the socket's own change.
    expect(heard).toEqual([page.socket]);

    const b = addOrganisation(page.doc, { name: 'From the page', sector: 'care', position: { x: 1, y: 1 } });
    await waitFor(() => readBoard(other.doc).organisations.has(b), 'the page’s edit to reach the peer');
  });

  it('keeps offline edits and sends them on reconnect; refusals arrive as events with the notice', async () => {
    const board = await createBoard(server.url, 'socket offline');
    const facilitator = peer(board, board.keys.facilitator);
    await facilitator.whenSynced();
    const a = addOrganisation(facilitator.doc, {
      name: 'ROC',
      sector: 'education',
      position: { x: 0, y: 0 },
    });
    const page = open(board, board.keys.edit);
    await waitFor(() => readBoard(page.doc).organisations.has(a), 'the board');

    page.socket.disconnect();
    expect(page.socket.status).toBe('disconnected');
    setLayoutLocked(facilitator.doc, true);
    const c = addOrganisation(page.doc, { name: 'Offline', sector: 'care', position: { x: 5, y: 5 } });
    moveNodes(page.doc, [{ id: a, position: { x: 500, y: 500 } }]);
    page.socket.connect();

    await waitFor(() => readBoard(facilitator.doc).organisations.has(c), 'the offline edit');
    await waitFor(() => page.refusals.length === 1, 'the refusal');
    expect(parseRefusal(page.refusals[0]!)?.changes[0]?.action).toBe('move');
    await waitFor(() => readBoard(page.doc).organisations.get(a)?.position.x === 0, 'the revert');
  });

  it('sees the others’ presence again right after it reconnects', async () => {
    const board = await createBoard(server.url, 'socket presence');
    const other = peer(board, board.keys.edit);
    other.provider.awareness.setLocalStateField('user', { name: 'Bea', colour: '#225588' });
    const page = open(board, board.keys.edit);
    const seesBea = () => page.awareness.getStates().get(other.doc.clientID) !== undefined;
    await waitFor(seesBea, 'Bea’s presence');
    page.socket.disconnect();
    expect(seesBea()).toBe(false);
    page.socket.connect();
    // Well before Bea's own 15 s renewal.
    await waitFor(seesBea, 'Bea’s presence after the reconnect', 3_000);
  });

  it('stops for good when its key is renewed', async () => {
    const board = await createBoard(server.url, 'socket renewal');
    const page = open(board, board.keys.edit);
    await waitFor(() => page.socket.synced, 'sync');
    const res = await fetch(
      `${server.url}/api/boards/${board.id}/keys/edit/renew?key=${board.keys.facilitator}`,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    await waitFor(() => page.closes.includes(4003), 'the close');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(page.socket.active).toBe(false);
    expect(page.closes.filter((code) => code === 4003)).toHaveLength(1);
  });
});
