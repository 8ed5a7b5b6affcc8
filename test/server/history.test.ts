import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addOrganisation, readBoard, deleteEntities } from '@interplay/shared';
import { readBoardState } from '@interplay/shared/board/history';
import { exportBoardJson } from '@interplay/shared/formats/index';
import type { Moment } from '@interplay/shared/history/moment';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';
import { buildRealisticBoard, REALISTIC_BOARD_COUNTS } from '../support/realisticBoard.ts';

const servers: ServerHandle[] = [];
const clients: SyncClient[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<ServerHandle> {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

function client(server: ServerHandle, board: CreatedBoard, key: string): SyncClient {
  const c = connectClient(server.wsUrl, board.id, key);
  clients.push(c);
  return c;
}

/** One server for the tests that need no restart (each uses its own board). */
let sharedServer: ServerHandle | null = null;
async function shared(): Promise<ServerHandle> {
  sharedServer ??= await startServer();
  return sharedServer;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0).reverse()) await s.cleanup();
});

afterAll(async () => {
  await sharedServer?.cleanup();
});

/** `…/api/boards/<id>/moments<path>?key=<key>` */
function moments(server: ServerHandle, board: CreatedBoard, key: string, path = '', init?: RequestInit) {
  return fetch(`${server.url}/api/boards/${board.id}/moments${path}?key=${key}`, init);
}

const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

async function nameMoment(server: ServerHandle, board: CreatedBoard, title: string): Promise<Moment> {
  const res = await moments(server, board, board.keys.facilitator, '', post({ title }));
  expect(res.status).toBe(201);
  return (await res.json()) as Moment;
}

async function listMoments(server: ServerHandle, board: CreatedBoard): Promise<Moment[]> {
  const res = await moments(server, board, board.keys.view);
  expect(res.status).toBe(200);
  return ((await res.json()) as { moments: Moment[] }).moments;
}

async function momentBoard(server: ServerHandle, board: CreatedBoard, id: string): Promise<string> {
  const res = await moments(server, board, board.keys.view, `/${id}/board`);
  expect(res.status).toBe(200);
  return res.text();
}

/** A participant draws the realistic board; resolves once a viewer has all of it (so the server has). */
async function drawRealisticBoard(server: ServerHandle, board: CreatedBoard) {
  const editor = client(server, board, board.keys.edit);
  const watcher = client(server, board, board.keys.view);
  await Promise.all([editor.whenSynced(), watcher.whenSynced()]);
  buildRealisticBoard(editor.doc);
  await waitFor(
    () => readBoard(watcher.doc).relationships.size === REALISTIC_BOARD_COUNTS.relationships,
    'the viewer to receive the whole board',
  );
  return { editor, watcher };
}

describe('history over HTTP', () => {
  it('every key lists moments and reads the board as it was; only the facilitator names, confirms, restores and deletes', async () => {
    const server = await shared();
    const board = await createBoard(server.url, 'Regio Zwolle');
    await drawRealisticBoard(server, board);
    const { facilitator, edit, view } = board.keys;

    for (const key of [view, edit]) {
      expect((await moments(server, board, key, '', post({ title: 'Kick-off' }))).status).toBe(403);
    }
    expect((await moments(server, board, facilitator, '', post({ title: ' ' }))).status).toBe(400);
    expect((await moments(server, board, facilitator, '', post({ title: 'x', at: 'soon' }))).status).toBe(
      400,
    );
    const kickOff = await nameMoment(server, board, 'Kick-off');
    expect(kickOff).toMatchObject({ title: 'Kick-off', kind: 'moment', status: 'confirmed' });
    expect(typeof kickOff.id).toBe('string');
    expect(Date.parse(kickOff.at)).not.toBeNaN();

    const file = JSON.parse(await momentBoard(server, board, kickOff.id)) as { organisations: unknown[] };
    expect(file.organisations).toHaveLength(REALISTIC_BOARD_COUNTS.organisations);

    expect(
      (await moments(server, board, view, '/proposals', post({ title: 'Wethouder vertrekt' }))).status,
    ).toBe(403);
    const proposal = await moments(
      server,
      board,
      edit,
      '/proposals',
      post({ title: 'Wethouder vertrekt', kind: 'event', at: '2026-03-12', proposedBy: 'Anna' }),
    );
    expect(proposal.status).toBe(201);
    const proposed = (await proposal.json()) as Moment;
    expect(proposed).toMatchObject({ status: 'proposed', kind: 'event', proposedBy: 'Anna' });
    expect(proposed.at.startsWith('2026-03-12')).toBe(true);
    expect((await moments(server, board, edit, `/${proposed.id}/confirm`, post())).status).toBe(403);
    const confirmed = await moments(server, board, facilitator, `/${proposed.id}/confirm`, post());
    expect(((await confirmed.json()) as Moment).status).toBe('confirmed');

    // The timeline is in the order things happened: the event was dated before the kick-off.
    expect((await listMoments(server, board)).map((m) => m.id)).toEqual([proposed.id, kickOff.id]);

    for (const key of [view, edit]) {
      expect((await moments(server, board, key, `/${kickOff.id}/restore`, post())).status).toBe(403);
      expect((await moments(server, board, key, `/${kickOff.id}`, { method: 'DELETE' })).status).toBe(403);
    }
    expect((await moments(server, board, facilitator, `/${kickOff.id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await moments(server, board, view, `/${kickOff.id}/board`)).status).toBe(404);
    expect((await moments(server, board, view, '/not-a-moment/board')).status).toBe(404);
    expect((await listMoments(server, board)).map((m) => m.id)).toEqual([proposed.id]);
  });

  it('a wipe leaves a checkpoint of the board just before; restoring it gives every node and relationship back to everyone', async () => {
    const server = await shared();
    const board = await createBoard(server.url, 'Wiped');
    const { editor, watcher } = await drawRealisticBoard(server, board);
    await nameMoment(server, board, 'Kick-off');
    // An edit after the last named moment: only the automatic checkpoint can bring it back.
    addOrganisation(editor.doc, { name: 'Added after the moment', sector: 'care', position: { x: 9, y: 9 } });
    const { organisations, people, projects, relationships } = REALISTIC_BOARD_COUNTS;
    await waitFor(
      () => readBoard(watcher.doc).organisations.size === organisations + 1,
      'the viewer to see it',
    );
    const beforeWipe = exportBoardJson(readBoard(watcher.doc), { title: 'Wiped' });

    const snapshot = readBoard(editor.doc);
    deleteEntities(editor.doc, [
      ...snapshot.organisations.keys(),
      ...snapshot.people.keys(),
      ...snapshot.projects.keys(),
      ...snapshot.relationships.keys(),
    ]);
    // Someone carries on after the wipe.
    addOrganisation(editor.doc, { name: 'Late arrival', sector: 'other', position: { x: 0, y: 0 } });
    await waitFor(() => readBoard(watcher.doc).organisations.size === 1, 'the viewer to see the wipe');

    const checkpoint = (await listMoments(server, board)).find((m) => m.trigger === 'beforeDelete');
    expect(checkpoint).toBeDefined();
    expect(await momentBoard(server, board, checkpoint!.id)).toBe(beforeWipe);
    // Stored as the changes since the moment before; the state as one update holds the same board.
    const state = await moments(server, board, board.keys.view, `/${checkpoint!.id}/state`);
    const stateBoard = readBoardState(new Uint8Array(await state.arrayBuffer()));
    expect(exportBoardJson(stateBoard, { title: 'Wiped' })).toBe(beforeWipe);

    const res = await moments(server, board, board.keys.facilitator, `/${checkpoint!.id}/restore`, post());
    expect(res.status).toBe(200);
    const restored = (await res.json()) as {
      restored: Moment;
      before: Moment;
      changes: Record<string, number>;
    };
    expect(restored.changes).toEqual({
      added: organisations + 1 + people + projects + relationships,
      removed: 1,
      changed: 0,
    });
    expect(restored.before).toMatchObject({ kind: 'checkpoint', trigger: 'beforeRestore' });

    // Every connected client, the one that wiped it too, has the board exactly as it was before the wipe.
    for (const c of [watcher, editor]) {
      await waitFor(
        () => readBoard(c.doc).relationships.size === relationships,
        'the restore to reach every client',
      );
      expect(exportBoardJson(readBoard(c.doc), { title: 'Wiped' })).toBe(beforeWipe);
    }
    // What was on the board just before the restore (the edit after the wipe) is kept, and restoring that
    // checkpoint undoes the restore.
    const before = JSON.parse(await momentBoard(server, board, restored.before.id)) as {
      organisations: { name: string }[];
    };
    expect(before.organisations.map((o) => o.name)).toEqual(['Late arrival']);
    const undo = await moments(
      server,
      board,
      board.keys.facilitator,
      `/${restored.before.id}/restore`,
      post(),
    );
    expect(undo.status).toBe(200);
    await waitFor(() => readBoard(watcher.doc).organisations.size === 1, 'the undo of the restore to arrive');
  });

  it('named moments survive kill -9 and a restart; checkpoints follow activity and the end of a session', async () => {
    const first = await start({ env: { ROOM_IDLE_MS: '100', CHECKPOINT_SECONDS: '1' } });
    const board = await createBoard(first.url, 'Durable');
    const editor = client(first, board, board.keys.edit);
    await editor.whenSynced();
    addOrganisation(editor.doc, {
      name: 'Gemeente Zwolle',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    await waitFor(
      async () => (await listMoments(first, board)).some((m) => m.trigger === 'activity'),
      'a checkpoint a second after the first change',
    );
    const named = await nameMoment(first, board, 'Kick-off');
    await first.kill();
    editor.destroy();

    const second = await start({
      dataDir: first.dataDir,
      env: { ROOM_IDLE_MS: '100', CHECKPOINT_SECONDS: '0' },
    });
    expect((await listMoments(second, board)).map((m) => m.title)).toContain('Kick-off');
    expect(await momentBoard(second, board, named.id)).toContain('Gemeente Zwolle');

    const again = client(second, board, board.keys.edit);
    await again.whenSynced();
    addOrganisation(again.doc, { name: 'Woonstad', sector: 'housing', position: { x: 300, y: 0 } });
    await waitFor(() => again.provider.synced && readBoard(again.doc).organisations.size === 2, 'the edit');
    // Make sure the server has it before the session ends: a viewer sees it.
    const viewer = client(second, board, board.keys.view);
    await waitFor(() => readBoard(viewer.doc).organisations.size === 2, 'the viewer to see the edit');
    viewer.destroy();
    again.destroy();
    await waitFor(
      async () => (await listMoments(second, board)).some((m) => m.trigger === 'sessionEnd'),
      'a checkpoint when the last one left',
    );
    const end = (await listMoments(second, board)).find((m) => m.trigger === 'sessionEnd')!;
    expect(await momentBoard(second, board, end.id)).toContain('Woonstad');
  });

  it('a moment of a board started from a file equals the file', async () => {
    const server = await shared();
    const doc = new Y.Doc();
    buildRealisticBoard(doc);
    const file = exportBoardJson(readBoard(doc), { title: 'Wonen en zorg' });
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Wonen en zorg', board: JSON.parse(file) as unknown }),
    });
    const board = (await res.json()) as CreatedBoard;
    const moment = await nameMoment(server, board, 'Start');
    expect(await momentBoard(server, board, moment.id)).toBe(file);
  });
});
