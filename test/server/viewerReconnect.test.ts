/**
 * View-only pages and the server's refusals, both found by the sync fuzz (test/fuzz).
 *
 * A view-only page that never wrote anything is never told its update was refused. Found by the sync fuzz
 * (test/fuzz): after a reconnect, y-websocket answers the server's sync step 1 with everything the server
 * lacks plus the page's whole delete set, so once anything on the board was deleted, each reconnect of a
 * view-only page looked like an update with deletes, was refused, and the page dropped its copy.
 *
 * A view-only page that deletes something outside the comments (only a modified page can) while viewers may
 * comment: the server drops the delete, and must tell the page, whose copy would otherwise keep a deletion
 * nobody else has (the page reloads after any refusal).
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addProject,
  deleteEntities,
  readBoard,
  setViewersMayComment,
} from '@interplay/shared';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

/** The refusals (permission-denied messages) the server sends this client, as they come. */
function refusalsOf(client: SyncClient): string[] {
  const denied: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    denied.push(decoding.readVarString(decoder));
  };
  return denied;
}

describe('a view-only page reconnecting', () => {
  it('is not refused for repeating deletes the board already has (viewers may not comment)', async () => {
    const board = await createBoard(server.url, 'Viewer reconnect');
    const editor = connectClient(server.wsUrl, board.id, board.keys.edit);
    const viewer = connectClient(server.wsUrl, board.id, board.keys.view);
    clients.push(editor, viewer);
    const denied = refusalsOf(viewer);
    await Promise.all([editor.whenSynced(), viewer.whenSynced()]);

    const org = addOrganisation(editor.doc, {
      name: 'Gemeente',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    await waitFor(() => readBoard(viewer.doc).organisations.has(org), 'the viewer to get the organisation');
    deleteEntities(editor.doc, [org]);
    await waitFor(() => !readBoard(viewer.doc).organisations.has(org), 'the viewer to get the delete');

    viewer.provider.disconnect();
    viewer.provider.connect();
    await viewer.whenSynced();
    // The viewer's sync step 2 follows the server's step 1; a refusal would come right after it.
    const marker = addOrganisation(editor.doc, { name: 'After', sector: 'care', position: { x: 9, y: 9 } });
    await waitFor(() => readBoard(viewer.doc).organisations.has(marker), 'a later edit to reach the viewer');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(denied).toEqual([]);
  });
});

describe('a view-only page deleting outside the comments', () => {
  it('is told that its delete was not applied', async () => {
    const board = await createBoard(server.url, 'Viewer delete');
    const facilitator = connectClient(server.wsUrl, board.id, board.keys.facilitator);
    const viewer = connectClient(server.wsUrl, board.id, board.keys.view);
    clients.push(facilitator, viewer);
    const denied = refusalsOf(viewer);
    await Promise.all([facilitator.whenSynced(), viewer.whenSynced()]);
    setViewersMayComment(facilitator.doc, true);
    const project = addProject(facilitator.doc, { name: 'Wijkteam' });
    await waitFor(() => readBoard(viewer.doc).projects.has(project), 'the viewer to get the project');

    deleteEntities(viewer.doc, [project]);
    await waitFor(() => denied.length > 0, 'the viewer to be told');
    expect(readBoard(facilitator.doc).projects.has(project)).toBe(true);
  });
});
