/**
 * Three real server processes sharing one real PostgreSQL and one real Redis (issue #20): clients spread over
 * them see each other live, policy answers the same everywhere, and nothing any client saw is lost when a
 * process is killed or Redis restarts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOrganisation,
  addPerson,
  moveNodes,
  parseRefusal,
  readBoard,
  readFacilitationPresence,
  readPresenceCursor,
  readSettings,
  setLayoutLocked,
  setPhase,
  updatePerson,
} from '@interplay/shared';
import { buildServer } from '../../server/src/build/buildServer.ts';
import { PgStorage } from '../../server/src/storage/PgStorage.ts';
import { startCluster } from '../support/cluster.ts';
import type { Cluster } from '../support/cluster.ts';
import type { RedisServer } from '../support/externalServices.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, openRawSocket, recordDenied, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';

/** The compiled server (as `npm start` runs it): a process starts in a fraction of the time tsx takes. */
const outDir = path.join(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  '.cache',
  `interplay-cluster-${process.pid}`,
);
let cluster: Cluster;
let redis: RedisServer;
let databaseUrl: string;
let servers: ServerHandle[] = [];
const clients: SyncClient[] = [];

type Client = SyncClient & { denied: string[] };

/** A client of `server`; it records the "permission denied" notices it gets. */
function join(server: ServerHandle, boardId: string, key: string, from?: SyncClient): Client {
  const c = connectClient(server.wsUrl, boardId, key, from ? { doc: from.doc, device: from.device } : {});
  clients.push(c);
  return Object.assign(c, { denied: recordDenied(c) });
}

/** The same page, its edits and its browser id, now through another process (as the load balancer would). */
function moveTo(server: ServerHandle, c: SyncClient, boardId: string, key: string): Client {
  c.provider.destroy();
  return join(server, boardId, key, c);
}

async function health(server: ServerHandle): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

const entries = (doc: Y.Doc): Record<string, unknown> => doc.getMap('m').toJSON();

/** What PostgreSQL holds of the board, rebuilt as a room loads it. */
async function stored(boardId: string): Promise<Record<string, unknown>> {
  const storage = new PgStorage(databaseUrl);
  try {
    const loaded = await storage.loadDocument(boardId);
    const doc = new Y.Doc();
    if (loaded.snapshot !== null) Y.applyUpdate(doc, loaded.snapshot);
    for (const { update } of loaded.updates) Y.applyUpdate(doc, update);
    return entries(doc);
  } finally {
    await storage.close();
  }
}

/** Each client writes a new key into map `m` every `everyMs` until the returned stop is called. */
interface Burst {
  stop(): void;
  /** Waits until every writer has written `count` more keys. */
  more(count: number): Promise<void>;
}

/** Each client writes a new key (`<round>-c<i>-<n>`) into map `m` every `everyMs` until stopped. */
function burst(writers: SyncClient[], everyMs = 20, round = 'r'): Burst {
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    writers.forEach((c, i) => c.doc.getMap('m').set(`${round}-c${i}-${n}`, n));
  }, everyMs);
  return {
    stop: () => clearInterval(timer),
    more: (count) => {
      const target = n + count;
      return waitFor(() => n >= target, `${count} more writes per client`);
    },
  };
}

/** Everything any of `seen` holds is in every one of `all` (and, once the writes are done, in storage). */
async function converged(boardId: string, all: SyncClient[]): Promise<Record<string, unknown>> {
  const union: Record<string, unknown> = Object.assign({}, ...all.map((c) => entries(c.doc)));
  const size = Object.keys(union).length;
  await waitFor(
    () => all.every((c) => Object.keys(entries(c.doc)).length === size),
    'every client to hold every edit',
    20_000,
  );
  await waitFor(async () => Object.keys(await stored(boardId)).length === size, 'storage to hold every edit');
  expect(await stored(boardId)).toEqual(union);
  return union;
}

beforeAll(async () => {
  cluster = await startCluster({
    alongside: buildServer(outDir),
    processes: 3,
    compiledEntry: path.join(outDir, 'main.js'),
    // Low, so boards are folded now and then on several processes at once during the bursts.
    env: { COMPACT_THRESHOLD: '25' },
  });
  ({ redis, servers } = cluster);
  databaseUrl = cluster.postgres.url;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await cluster?.stop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('three processes on one PostgreSQL and one Redis', () => {
  it('clients on different processes see each other’s edits, cursors, follow and spotlight, locks and phases', async () => {
    const [a, b, c] = servers as [ServerHandle, ServerHandle, ServerHandle];
    const board = await createBoard(a.url);
    const facilitator = join(a, board.id, board.keys.facilitator);
    const ann = join(b, board.id, board.keys.edit);
    const bob = join(c, board.id, board.keys.edit);
    await Promise.all([facilitator, ann, bob].map((client) => client.whenSynced()));

    const org = addOrganisation(facilitator.doc, {
      name: 'Gemeente',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    await waitFor(() => readBoard(ann.doc).organisations.has(org), 'the organisation on process B');
    await waitFor(() => readBoard(bob.doc).organisations.has(org), 'the organisation on process C');
    moveNodes(bob.doc, [{ id: org, position: { x: 40, y: 50 } }]);
    await waitFor(
      () => readBoard(facilitator.doc).organisations.get(org)?.position.x === 40,
      'C’s move on A',
    );

    facilitator.provider.awareness.setLocalState({
      user: { name: 'Fien', colour: '#336699' },
      cursor: { x: 1, y: 2 },
      facilitation: {
        follow: true,
        viewport: { x: 0, y: 0, zoom: 1 },
        spotlight: { ids: [org] },
        summon: null,
      },
    });
    ann.provider.awareness.setLocalState({
      user: { name: 'Ann', colour: '#993366' },
      cursor: { x: 7, y: 8 },
    });
    const lead = () =>
      readFacilitationPresence(bob.provider.awareness.getStates().get(facilitator.doc.clientID));
    await waitFor(
      () => lead()?.follow === true && lead()?.spotlight?.ids[0] === org,
      'follow and spotlight on C',
    );
    await waitFor(
      () => readPresenceCursor(facilitator.provider.awareness.getStates().get(ann.doc.clientID))?.x === 7,
      'Ann’s cursor on A',
    );

    setLayoutLocked(facilitator.doc, true);
    setPhase(facilitator.doc, 'people');
    await waitFor(
      () => readSettings(bob.doc).layoutLocked && readSettings(bob.doc).phase === 'people',
      'lock on C',
    );
    moveNodes(bob.doc, [{ id: org, position: { x: 999, y: 999 } }]);
    addOrganisation(ann.doc, { name: 'Too late', sector: 'business', position: { x: 5, y: 5 } });
    await waitFor(() => bob.denied.length > 0 && ann.denied.length > 0, 'both refusals');
    expect(parseRefusal(bob.denied[0]!)?.changes.map((change) => change.reason)).toEqual(['layoutLocked']);
    await waitFor(() => readBoard(bob.doc).organisations.get(org)?.position.x === 40, 'the move undone on C');
    await waitFor(() => readBoard(ann.doc).organisations.size === 1, 'the addition undone on B');
    expect(readBoard(facilitator.doc).organisations.get(org)?.position).toEqual({ x: 40, y: 50 });
  });

  it('renewing a key on one process closes the old key’s connections on every process', async () => {
    const [a, b, c] = servers as [ServerHandle, ServerHandle, ServerHandle];
    const board = await createBoard(a.url);
    const onB = connectClient(b.wsUrl, board.id, board.keys.edit, { reconnect: false });
    const onC = connectClient(c.wsUrl, board.id, board.keys.edit, { reconnect: false });
    const viewer = join(c, board.id, board.keys.view);
    clients.push(onB, onC);
    await Promise.all([onB, onC, viewer].map((client) => client.whenSynced()));
    const res = await fetch(`${a.url}/api/boards/${board.id}/keys/edit/renew?key=${board.keys.facilitator}`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    await waitFor(
      () => onB.closes.length > 0 && onC.closes.length > 0,
      'old-key connections on B and C to close',
    );
    expect(onC.closes[0]).toEqual({ code: 4003, reason: 'key renewed' });
    expect(viewer.closes).toEqual([]);
  });

  it('the anonymised view link on one process shows what is done on another, without a name', async () => {
    const [a, b, c] = servers as [ServerHandle, ServerHandle, ServerHandle];
    const board = await createBoard(a.url);
    const facilitator = join(a, board.id, board.keys.facilitator);
    await facilitator.whenSynced();
    const town = addOrganisation(facilitator.doc, {
      name: 'Gemeente Leiden',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const person = addPerson(facilitator.doc, {
      name: 'Jan de Vries',
      organisationId: town,
      roles: ['sponsor'],
      position: { x: 0, y: 120 },
    });
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Fiona Faber', colour: '#123456' });
    const renew = (server: ServerHandle): Promise<Response> =>
      fetch(`${server.url}/api/boards/${board.id}/keys/anonymous/renew?key=${board.keys.facilitator}`, {
        method: 'POST',
      });
    const { anonymous } = ((await (await renew(a)).json()) as { keys: { anonymous: string } }).keys;
    // Every byte process C sends to a page of the anonymised view, and a reader on B.
    const raw = openRawSocket(c.wsUrl, `/sync/${board.id}?key=${anonymous}`);
    await raw.opened;
    const reader = connectClient(b.wsUrl, board.id, anonymous, { reconnect: false });
    clients.push(reader);
    await reader.whenSynced();
    await waitFor(
      () => readBoard(reader.doc).people.get(person)?.name === 'Sponsor · Gemeente Leiden',
      'the person, anonymised, on B',
    );
    updatePerson(facilitator.doc, person, { name: 'Johanna Smit', roles: ['scout'] });
    await waitFor(
      () => readBoard(reader.doc).people.get(person)?.name === 'Scout · Gemeente Leiden',
      'the change made on A, anonymised, on B',
    );
    await waitFor(
      () =>
        [...reader.provider.awareness.getStates().values()].some(
          (state) => (state as { user?: { participant?: number } }).user?.participant !== undefined,
        ),
      'the facilitator on A, numbered, on B',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const everything = [
      JSON.stringify(reader.doc.toJSON()),
      JSON.stringify([...reader.provider.awareness.getStates().values()]),
      ...raw.messages.map((m) => m.toString('utf8')),
    ].join('\n');
    expect(raw.messages.length).toBeGreaterThan(2);
    for (const name of ['Jan de Vries', 'Johanna Smit', 'Fiona Faber'])
      expect(everything).not.toContain(name);
    // Renewing the link on C closes the old link's connections on B.
    expect((await renew(c)).status).toBe(200);
    await waitFor(() => reader.closes.length > 0, 'the old anonymised link closed on B');
    expect(reader.closes[0]?.code).toBe(4003);
    raw.socket.close();
  });

  it('a process that has not yet heard of an unlock does not refuse a move made after it', async () => {
    const [a, b] = servers as [ServerHandle, ServerHandle];
    const board = await createBoard(a.url);
    const facilitator = join(a, board.id, board.keys.facilitator);
    const ann = join(a, board.id, board.keys.edit);
    const watcher = join(b, board.id, board.keys.view);
    await Promise.all([facilitator, ann, watcher].map((client) => client.whenSynced()));
    const org = addOrganisation(facilitator.doc, { name: 'Zorg', sector: 'care', position: { x: 0, y: 0 } });
    setLayoutLocked(facilitator.doc, true);
    await waitFor(() => readSettings(watcher.doc).layoutLocked, 'the lock on process B');

    // Redis holds every publish back: process B hears nothing of what A does from here on.
    const admin = new Redis(redis.url);
    await admin.call('CLIENT', 'PAUSE', '10000', 'WRITE');
    try {
      setLayoutLocked(facilitator.doc, false);
      await waitFor(() => !readSettings(ann.doc).layoutLocked, 'Ann to see the unlock (on A)');
      const moved = moveTo(b, ann, board.id, board.keys.edit);
      moveNodes(moved.doc, [{ id: org, position: { x: 70, y: 80 } }]);
      await moved.whenSynced();
      await waitFor(() => readBoard(watcher.doc).organisations.get(org)?.position.x === 70, 'the move on B');
      expect(moved.denied).toEqual([]);
    } finally {
      await admin.call('CLIENT', 'UNPAUSE');
      admin.disconnect();
    }
    await waitFor(
      () => readBoard(facilitator.doc).organisations.get(org)?.position.x === 70,
      'the move on A',
    );
  });

  it('Redis restarting loses nothing: the processes catch up from PostgreSQL once it is back', async () => {
    const [a, b, c] = servers as [ServerHandle, ServerHandle, ServerHandle];
    const board = await createBoard(a.url);
    const writers = [a, b, c].map((server) => join(server, board.id, board.keys.facilitator));
    const viewerOnB = connectClient(b.wsUrl, board.id, board.keys.view, { reconnect: false });
    clients.push(viewerOnB);
    await Promise.all([...writers, viewerOnB].map((client) => client.whenSynced()));
    const writing = burst(writers);
    await writing.more(10);
    await redis.kill();
    await waitFor(async () => (await health(b)).status === 503, '/healthz of B to report Redis away');
    expect(await health(b)).toEqual({ status: 503, body: { ok: false, trouble: 'bus-unreachable' } });
    // The renewal cannot reach process B now; B closes the old key's connection once Redis is back.
    const renewal = await fetch(
      `${a.url}/api/boards/${board.id}/keys/view/renew?key=${board.keys.facilitator}`,
      {
        method: 'POST',
      },
    );
    expect(renewal.status).toBe(200);
    await writing.more(15);
    // Nothing is written after the outage: only catching up from storage can bring the processes together.
    writing.stop();
    expect(viewerOnB.closes).toEqual([]);
    await redis.restart();
    await waitFor(() => viewerOnB.closes.length > 0, 'the renewed view key’s connection on B to close');
    await waitFor(async () => (await health(b)).status === 200, '/healthz of B to recover');
    expect(viewerOnB.closes[0]).toEqual({ code: 4003, reason: 'key renewed' });
    await converged(board.id, writers);
  });

  it('after kill -9 of one process during a burst, every edit any client saw is still there', async () => {
    const [a, b, c] = servers as [ServerHandle, ServerHandle, ServerHandle];
    const board: CreatedBoard = await createBoard(a.url);
    let writers: SyncClient[] = [a, a, b, b, c, c].map((server) => join(server, board.id, board.keys.edit));
    await Promise.all(writers.map((client) => client.whenSynced()));
    const before = burst(writers, 15, 'before');
    await before.more(20);
    await c.kill();
    before.stop();
    // C's pages come back through the others, with whatever C had not stored yet still in their copy.
    writers = writers.map((client, i) =>
      i < 4 ? client : moveTo(i === 4 ? a : b, client, board.id, board.keys.edit),
    );
    const after = burst(writers, 15, 'after');
    await after.more(20);
    after.stop();
    const union = await converged(board.id, writers);
    expect(Object.keys(union).length).toBeGreaterThanOrEqual(6 * 40);
  });

  it('SIGTERM drains a process: its pages are told to reconnect (1012) and land on another with everything', async () => {
    const [a, b] = servers as [ServerHandle, ServerHandle];
    expect(await health(b)).toEqual({ status: 200, body: { ok: true } });
    const board = await createBoard(a.url);
    const onA = join(a, board.id, board.keys.edit);
    const onB = join(b, board.id, board.keys.edit);
    await Promise.all([onA, onB].map((client) => client.whenSynced()));
    const writing = burst([onA, onB], 10);
    await writing.more(10);
    expect(await b.stop('SIGTERM')).toBe(0);
    writing.stop();
    await waitFor(() => onB.closes.length > 0, 'the close on B’s page');
    expect(onB.closes[0]?.code).toBe(1012);
    expect(b.logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    await converged(board.id, [onA, moveTo(a, onB, board.id, board.keys.edit)]);
  });
});
