import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

/** mulberry32: a small seeded PRNG so a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit on plain Yjs types: map writes/deletes, array inserts/deletes, text inserts. */
function randomEdit(doc: Y.Doc, random: () => number, clientIndex: number, step: number): void {
  const map = doc.getMap<number | string>('nodes');
  const list = doc.getArray<string>('order');
  const text = doc.getText('notes');
  const choice = random();
  if (choice < 0.4) {
    map.set(`k${Math.floor(random() * 30)}`, `${clientIndex}:${step}`);
  } else if (choice < 0.5) {
    map.delete(`k${Math.floor(random() * 30)}`);
  } else if (choice < 0.75) {
    list.insert(Math.floor(random() * (list.length + 1)), [`${clientIndex}:${step}`]);
  } else if (choice < 0.85 && list.length > 0) {
    list.delete(Math.floor(random() * list.length), 1);
  } else {
    text.insert(Math.floor(random() * (text.length + 1)), `[${clientIndex}.${step}]`);
  }
}

/** The visible content of a doc; map entries sorted, since a Y.Map iterates in local insertion order. */
const state = (doc: Y.Doc): string =>
  JSON.stringify({
    nodes: Object.entries(doc.getMap('nodes').toJSON()).sort(([a], [b]) => a.localeCompare(b)),
    order: doc.getArray('order').toJSON(),
    notes: doc.getText('notes').toString(),
  });

let server: ServerHandle;
const clients: SyncClient[] = [];

beforeAll(async () => {
  // A low compaction threshold folds the log into snapshots several times during the run.
  server = await startServer({ env: { COMPACT_THRESHOLD: '100' } });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

describe('convergence', () => {
  it('12 clients making seeded random concurrent edits converge, and a late joiner gets the same state', async () => {
    const seed = 20261123;
    const board = await createBoard(server.url, 'Convergence');
    for (let i = 0; i < 12; i += 1) clients.push(connectClient(server.wsUrl, board.id, board.keys.edit));
    await Promise.all(clients.map((c) => c.whenSynced()));

    const editsPerClient = 40;
    await Promise.all(
      clients.map(async (client, index) => {
        const random = seededRandom(seed + index);
        for (let step = 0; step < editsPerClient; step += 1) {
          // Several edits per transaction sometimes, so updates of different sizes interleave.
          client.doc.transact(() => {
            const count = 1 + Math.floor(random() * 3);
            for (let n = 0; n < count; n += 1) randomEdit(client.doc, random, index, step);
          });
          // Pacing between a client's own edits, not a wait for a result: edits of all clients overlap.
          await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 8)));
        }
      }),
    );

    await waitFor(
      () => new Set(clients.map((c) => state(c.doc))).size === 1,
      'all 12 clients to converge',
      20_000,
    );
    const final = state(clients[0]!.doc);
    expect(clients[0]!.doc.getArray('order').length).toBeGreaterThan(0);

    const late = connectClient(server.wsUrl, board.id, board.keys.view);
    clients.push(late);
    await late.whenSynced();
    await waitFor(() => state(late.doc) === final, 'late joiner to get the converged state');
  });

  it('each newcomer gets the board as it is when joining, however edits and joins interleave', async () => {
    const board = await createBoard(server.url, 'Joins between edits');
    const editor = connectClient(server.wsUrl, board.id, board.keys.edit);
    const watcher = connectClient(server.wsUrl, board.id, board.keys.view);
    clients.push(editor, watcher);
    await Promise.all([editor.whenSynced(), watcher.whenSynced()]);
    for (let round = 0; round < 4; round += 1) {
      editor.doc.getMap('nodes').set(`edit ${round}`, round);
      // Relayed to the watcher, so the server has it.
      await waitFor(() => watcher.doc.getMap('nodes').size === round + 1, `edit ${round} to be relayed`);
      // Two newcomers in a row: the second may be answered with what was encoded for the first.
      const pair = [0, 1].map(() => connectClient(server.wsUrl, board.id, board.keys.view));
      clients.push(...pair);
      await Promise.all(pair.map((c) => c.whenSynced()));
      for (const newcomer of pair) expect(state(newcomer.doc)).toBe(state(editor.doc));
    }
  });
});
