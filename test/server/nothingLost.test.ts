/**
 * Nothing allowed is ever lost (issue 14), with real y-websocket clients against a real server process and
 * database: a refusal reverts only the forbidden part of an update, nobody can write under another browser's
 * client ids or delete clocks nobody wrote, and roles in presence come from the server.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addThread,
  deleteEntities,
  deleteThread,
  moveNodes,
  parseRefusal,
  readBoard,
  readSettings,
  resolveThread,
  setLayoutLocked,
  updateOrganisation,
} from '@interplay/shared';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';
import { encodeUpdate } from '@interplay/shared/sync/encodeUpdate';

let server: ServerHandle;
const clients: SyncClient[] = [];
const author = { name: 'Ann', colour: '#336699' };

type Client = SyncClient & { denied: string[] };

function join(board: CreatedBoard, key: string, options: { doc?: Y.Doc; device?: string } = {}): Client {
  const c = connectClient(server.wsUrl, board.id, key, options);
  clients.push(c);
  const denied: string[] = [];
  c.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    denied.push(decoding.readVarString(decoder));
  };
  return Object.assign(c, { denied });
}

async function joined(board: CreatedBoard, key: string, options?: { doc?: Y.Doc; device?: string }) {
  const c = join(board, key, options);
  await c.whenSynced();
  return c;
}

/** A fresh reader's copy: what the server holds now. */
async function serverBoard(board: CreatedBoard) {
  const reader = await joined(board, board.keys.view);
  const snapshot = readBoard(reader.doc);
  reader.destroy();
  return snapshot;
}

const board = (doc: Y.Doc) => JSON.stringify(readBoard(doc));

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

describe('nothing allowed is ever lost', () => {
  it('offline edits survive a layout lock made meanwhile; only the move goes back, on every copy, and the sender is told', async () => {
    const b = await createBoard(server.url, 'offline under a lock');
    const facilitator = await joined(b, b.keys.facilitator);
    const a = addOrganisation(facilitator.doc, {
      name: 'Gemeente',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const roc = addOrganisation(facilitator.doc, {
      name: 'ROC Mondriaan',
      sector: 'education',
      position: { x: 300, y: 0 },
    });
    const participant = await joined(b, b.keys.edit);
    const other = await joined(b, b.keys.edit);
    await waitFor(() => readBoard(participant.doc).organisations.has(roc), 'participant to get the board');

    participant.provider.disconnect();
    setLayoutLocked(facilitator.doc, true);
    updateOrganisation(participant.doc, a, { name: 'Gemeente Leiden' });
    const c = addOrganisation(participant.doc, {
      name: 'De Sleutels',
      sector: 'welfare',
      position: { x: 9, y: 400 },
    });
    const thread = addThread(participant.doc, { target: a, author, text: 'We never talk to them' });
    moveNodes(participant.doc, [{ id: roc, position: { x: 999, y: 999 } }]);
    participant.provider.connect();

    await waitFor(
      () => readBoard(other.doc).organisations.has(c),
      'the new organisation to reach the others',
    );
    await waitFor(() => participant.denied.length === 1, 'the participant to be told');
    const notice = parseRefusal(participant.denied[0]!);
    expect(notice?.changes).toEqual([
      { action: 'move', subject: 'organisation', reason: 'layoutLocked', id: roc, name: 'ROC Mondriaan' },
    ]);
    await waitFor(
      () => readBoard(participant.doc).organisations.get(roc)?.position.x === 300,
      'revert on sender',
    );
    const seen = readBoard(other.doc);
    expect(seen.organisations.get(a)?.name).toBe('Gemeente Leiden');
    expect(seen.annotations.has(thread)).toBe(true);
    expect(seen.organisations.get(roc)?.position).toEqual({ x: 300, y: 0 });
    await waitFor(() => board(participant.doc) === board(other.doc), 'copies to agree');
    expect(board(facilitator.doc)).toBe(board(other.doc));
    expect(JSON.stringify(await serverBoard(b))).toBe(board(other.doc));
    // Allowed edits that follow still arrive: the participant's clocks stayed whole.
    updateOrganisation(participant.doc, c, { notes: 'after' });
    await waitFor(() => readBoard(other.doc).organisations.get(c)?.notes === 'after', 'a later edit');
  });

  it('resolving a thread someone deleted meanwhile keeps the other offline edits (no refusal at all)', async () => {
    const b = await createBoard(server.url, 'deleted thread');
    const facilitator = await joined(b, b.keys.facilitator);
    const a = addOrganisation(facilitator.doc, {
      name: 'Gemeente',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const thread = addThread(facilitator.doc, { target: a, author, text: 'Open question' });
    const participant = await joined(b, b.keys.edit);
    await waitFor(() => readBoard(participant.doc).annotations.has(thread), 'participant to get the thread');

    participant.provider.disconnect();
    deleteThread(facilitator.doc, thread);
    resolveThread(participant.doc, thread, author);
    const c = addOrganisation(participant.doc, {
      name: 'GGZ Rivierduinen',
      sector: 'mentalHealth',
      position: { x: 1, y: 1 },
    });
    const note = addThread(participant.doc, { target: a, author, text: 'Elsewhere' });
    participant.provider.connect();

    await waitFor(() => readBoard(facilitator.doc).organisations.has(c), 'the organisation to arrive');
    await waitFor(() => readBoard(facilitator.doc).annotations.has(note), 'the comment to arrive');
    await waitFor(() => board(participant.doc) === board(facilitator.doc), 'copies to agree');
    expect(participant.denied).toEqual([]);
  });

  it('a view key cannot erase a disconnected participant’s offline edits with a forged delete of their next clocks', async () => {
    const b = await createBoard(server.url, 'forged delete');
    const victim = await joined(b, b.keys.edit, { device: 'victim-device-0123456789' });
    addOrganisation(victim.doc, { name: 'Before', sector: 'care', position: { x: 0, y: 0 } });
    await waitFor(async () => (await serverBoard(b)).organisations.size === 1, 'first organisation stored');
    victim.provider.disconnect();
    const made = [1, 2, 3].map((n) =>
      addOrganisation(victim.doc, { name: `Offline ${n}`, sector: 'care', position: { x: n, y: n } }),
    );
    const next = (await serverBoardState(b)).get(victim.doc.clientID) ?? 0;
    for (const key of [b.keys.view, b.keys.edit]) {
      const attacker = await joined(b, key);
      const forged = encodeUpdate([], new Map([[victim.doc.clientID, [{ clock: next, len: 1000 }]]]));
      sendUpdate(attacker, forged);
      await new Promise((resolve) => setTimeout(resolve, 100));
      attacker.destroy();
    }
    victim.provider.connect();
    await waitFor(async () => (await serverBoard(b)).organisations.size === 4, 'the offline organisations');
    const stored = await serverBoard(b);
    for (const id of made) expect(stored.organisations.has(id)).toBe(true);
    expect(readBoard(victim.doc).organisations.size).toBe(4);
    expect(server.logs.some((l) => l.includes('forged parts of an update dropped'))).toBe(true);
  });

  it('deleting an organisation under a layout lock is applied (an edit, not a move), also after offline edits', async () => {
    const b = await createBoard(server.url, 'delete under layout lock');
    const facilitator = await joined(b, b.keys.facilitator);
    const a = addOrganisation(facilitator.doc, { name: 'Weg', sector: 'other', position: { x: 0, y: 0 } });
    setLayoutLocked(facilitator.doc, true);
    const participant = await joined(b, b.keys.edit);
    await waitFor(() => readSettings(participant.doc).layoutLocked, 'the lock');
    participant.provider.disconnect();
    const c = addOrganisation(participant.doc, { name: 'Nieuw', sector: 'other', position: { x: 5, y: 5 } });
    deleteEntities(participant.doc, [a]);
    participant.provider.connect();
    await waitFor(() => !readBoard(facilitator.doc).organisations.has(a), 'the delete to arrive');
    await waitFor(() => readBoard(facilitator.doc).organisations.has(c), 'the new organisation');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(participant.denied).toEqual([]);
  });

  it('presence roles come from the server: a view key claiming to be the facilitator is stamped viewer and cannot take over the facilitator’s state', async () => {
    const b = await createBoard(server.url, 'presence');
    const facilitator = await joined(b, b.keys.facilitator);
    const participant = await joined(b, b.keys.edit);
    facilitator.provider.awareness.setLocalState({
      user: { name: 'Fien', colour: '#112233', role: 'facilitator' },
      facilitation: { follow: true, viewport: { x: 0, y: 0, zoom: 1 }, spotlight: null, summon: null },
    });
    const liar = await joined(b, b.keys.view);
    liar.provider.awareness.setLocalState({
      user: { name: 'Mallory', colour: '#000000', role: 'facilitator' },
      facilitation: {
        follow: true,
        viewport: { x: 5000, y: 5000, zoom: 4 },
        spotlight: { ids: ['x'] },
        summon: null,
      },
    });
    const states = () => participant.provider.awareness.getStates();
    await waitFor(() => states().get(liar.doc.clientID) !== undefined, 'the liar’s presence');
    await waitFor(() => states().get(facilitator.doc.clientID) !== undefined, 'the facilitator’s presence');
    expect(states().get(liar.doc.clientID)).toEqual({
      user: { name: 'Mallory', colour: '#000000', role: 'viewer' },
    });
    expect(states().get(facilitator.doc.clientID)?.user.role).toBe('facilitator');

    // Overwriting the facilitator's state under its client id, with a higher clock: dropped.
    const forged = new Y.Doc();
    forged.clientID = facilitator.doc.clientID;
    const impostor = await joined(b, b.keys.edit);
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const fake = new Awareness(forged);
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { name: 'Fake', role: 'facilitator' } });
    sendAwareness(impostor, encodeAwarenessUpdate(fake, [forged.clientID]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(states().get(facilitator.doc.clientID)?.user.name).toBe('Fien');
    fake.destroy();
  });
});

/** The server's state vector for the board, as a fresh reader sees it. */
async function serverBoardState(b: CreatedBoard): Promise<Map<number, number>> {
  const reader = await joined(b, b.keys.view);
  const state = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
  reader.destroy();
  return state;
}

function varUintBytes(n: number): number[] {
  const bytes: number[] = [];
  let value = n;
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

function withLength(payload: Uint8Array): number[] {
  return [...varUintBytes(payload.length), ...payload];
}

/** A raw sync update message (type 0, sub-type 2) on the client's socket. */
function sendUpdate(c: SyncClient, update: Uint8Array): void {
  c.provider.ws?.send(new Uint8Array([0, 2, ...withLength(update)]));
}

/** A raw awareness message (type 1) on the client's socket. */
function sendAwareness(c: SyncClient, update: Uint8Array): void {
  c.provider.ws?.send(new Uint8Array([1, ...withLength(update)]));
}
