/**
 * A change larger than the server's frame limit (an import) reaches it in pieces from the page's own socket,
 * instead of being closed with 1009 on every reconnect.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, localOrigin, readBoard } from '@interplay/shared';
import { BoardSocket } from '../../client/src/sync/socket/BoardSocket.ts';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';

const maxMessageBytes = 64 * 1024;
let server: ServerHandle;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  server = await startServer({ env: { MAX_MESSAGE_BYTES: String(maxMessageBytes) } });
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await server?.cleanup();
});

describe('a change over the frame limit', () => {
  it('goes out in pieces under it and arrives whole', async () => {
    const board = await createBoard(server.url, 'Import');
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const socket = new BoardSocket({
      url: `${server.wsUrl}/sync/${board.id}?key=${board.keys.edit}&device=large-change-${doc.clientID}`,
      doc,
      awareness,
      maxPieceBytes: 16 * 1024,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    const closes: number[] = [];
    socket.on('close', (code) => closes.push(code));
    const reader = connectClient(server.wsUrl, board.id, board.keys.view);
    cleanups.push(() => {
      socket.destroy();
      awareness.destroy();
      doc.destroy();
      reader.destroy();
    });
    await waitFor(() => socket.synced, 'the socket to sync');
    // One transaction, as an import is: one update larger than the server takes in one message.
    let size = 0;
    const measure = (update: Uint8Array): void => {
      size = update.byteLength;
    };
    doc.on('update', measure);
    doc.transact(() => {
      for (let i = 0; i < 400; i++) {
        addOrganisation(doc, {
          name: `Organisatie ${i} met een lange naam`,
          sector: 'care',
          position: { x: i, y: i },
        });
      }
    }, localOrigin);
    doc.off('update', measure);
    expect(size).toBeGreaterThan(maxMessageBytes);
    await waitFor(
      () => readBoard(reader.doc).organisations.size === 400,
      'the reader to see all 400 organisations',
    );
    expect(closes).toEqual([]);
  });
});
