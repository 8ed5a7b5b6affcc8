/**
 * A view-only page that deletes something outside the comments (only a modified page can) while viewers may
 * comment: the server drops the delete, and must tell the page, whose copy would otherwise keep a deletion
 * nobody else has (the page reloads after any refusal). Found by the sync fuzz with hostile viewers.
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProject, deleteEntities, readBoard, setViewersMayComment } from '@interplay/shared';
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

describe('a view-only page deleting outside the comments', () => {
  it('is told that its delete was not applied', async () => {
    const board = await createBoard(server.url, 'Viewer delete');
    const facilitator = connectClient(server.wsUrl, board.id, board.keys.facilitator);
    const viewer = connectClient(server.wsUrl, board.id, board.keys.view);
    clients.push(facilitator, viewer);
    const denied: string[] = [];
    viewer.provider.messageHandlers[2] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      denied.push(decoding.readVarString(decoder));
    };
    await Promise.all([facilitator.whenSynced(), viewer.whenSynced()]);
    setViewersMayComment(facilitator.doc, true);
    const project = addProject(facilitator.doc, { name: 'Wijkteam' });
    await waitFor(() => readBoard(viewer.doc).projects.has(project), 'the viewer to get the project');

    deleteEntities(viewer.doc, [project]);
    await waitFor(() => denied.length > 0, 'the viewer to be told');
    expect(readBoard(facilitator.doc).projects.has(project)).toBe(true);
  });
});
