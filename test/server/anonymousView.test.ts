import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addThread,
  connect,
  readBoard,
  readFacilitationPresence,
  scoreHealth,
  updatePerson,
  updateOrganisation,
} from '@interplay/shared';
import type { PersonId } from '@interplay/shared';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, openRawSocket, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const clients: SyncClient[] = [];

function client(boardId: string, key: string): SyncClient {
  const c = connectClient(server.wsUrl, boardId, key);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.cleanup();
});

async function renewAnonymous(boardId: string, key: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/keys/anonymous/renew?key=${key}`, { method: 'POST' });
}

/** Every name the board and its participants hold in this test. */
const NAMES = ['Jan de Vries', 'Johanna Smit', 'Piet Pieters', 'Klaas Kamp', 'Fiona Faber'];

function namesIn(text: string): string[] {
  return NAMES.filter((name) => text.toLowerCase().includes(name.toLowerCase()));
}

describe('the anonymised view link', () => {
  it('only the facilitator key creates and renews it; a renewed key shuts out the old one', async () => {
    const board = await createBoard(server.url);
    expect((await renewAnonymous(board.id, board.keys.view)).status).toBe(403);
    expect((await renewAnonymous(board.id, board.keys.edit)).status).toBe(403);
    const first = await renewAnonymous(board.id, board.keys.facilitator);
    expect(first.status).toBe(200);
    const { keys } = (await first.json()) as { keys: { anonymous: string; facilitator: string } };
    expect(keys.anonymous).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const info = await fetch(`${server.url}/api/boards/${board.id}?key=${keys.anonymous}`);
    expect(await info.json()).toMatchObject({ id: board.id, role: 'anonymous' });
    // History holds names (titles, proposers, past boards): refused.
    expect((await fetch(`${server.url}/api/boards/${board.id}/moments?key=${keys.anonymous}`)).status).toBe(
      403,
    );

    const old = client(board.id, keys.anonymous);
    await old.whenSynced();
    const renewed = (await (await renewAnonymous(board.id, board.keys.facilitator)).json()) as {
      keys: { anonymous: string };
    };
    expect(renewed.keys.anonymous).not.toBe(keys.anonymous);
    await waitFor(() => old.closes.some((c) => c.code === 4003), 'the old anonymised key to be closed');
    expect((await fetch(`${server.url}/api/boards/${board.id}?key=${keys.anonymous}`)).status).toBe(403);
  });

  it('a y-websocket client with the anonymised key gets the live map without any name, and cannot write', async () => {
    const board = await createBoard(server.url);
    const facilitator = client(board.id, board.keys.facilitator);
    await facilitator.whenSynced();
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Fiona Faber', colour: '#123456' });
    const doc = facilitator.doc;
    const leiden = addOrganisation(doc, {
      name: 'Gemeente Leiden',
      sector: 'municipality',
      notes: 'Jan de Vries leads',
      position: { x: 0, y: 0 },
    });
    const person = addPerson(doc, {
      name: 'Jan de Vries',
      organisationId: leiden,
      roles: ['sponsor'],
      notes: 'private remark',
      position: { x: 100, y: 0 },
    });
    const other = addOrganisation(doc, {
      name: 'Woonstichting',
      sector: 'housing',
      position: { x: 300, y: 0 },
    });
    const relationship = connect(doc, { source: leiden, target: other });
    addThread(doc, {
      target: person,
      author: { name: 'Piet Pieters', colour: '#ff0000' },
      text: 'jan de vries never answers',
    });
    if (relationship === null) throw new Error('no relationship');
    scoreHealth(doc, relationship, { id: 'scorer-1', name: 'Klaas Kamp' }, 'trust', 7);

    const { anonymous } = (
      (await (await renewAnonymous(board.id, board.keys.facilitator)).json()) as {
        keys: { anonymous: string };
      }
    ).keys;
    // A bare socket: every byte the server sends to a page of the anonymised view after it joins.
    const raw = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${anonymous}`);
    await raw.opened;
    const reader = client(board.id, anonymous);
    await reader.whenSynced();
    await waitFor(() => readBoard(reader.doc).people.size === 1, 'the person on the anonymised view');

    const seen = readBoard(reader.doc);
    expect([...seen.people.values()].map((p) => [p.name, p.notes, p.roles])).toEqual([
      ['Sponsor · Gemeente Leiden', '', ['sponsor']],
    ]);
    expect([...seen.organisations.values()].find((o) => o.id === leiden)?.notes).toBe('… leads');
    const thread = [...seen.annotations.values()][0];
    expect(thread?.author.name).toBe('');
    expect(thread?.messages[0]?.text).toBe('… never answers');
    expect(seen.health.get(relationship)?.scores[0]?.name).toBe('');
    expect(seen.health.get(relationship)?.scores[0]?.scores.trust).toBe(7);

    // Presence: the facilitator is a numbered participant.
    await waitFor(
      () =>
        [...reader.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { participant?: number } }).user?.participant !== undefined,
        ),
      'the facilitator numbered on the anonymised view',
    );

    // A view shown to everyone reaches it without a theme filter that holds a name (themes are free text).
    facilitator.provider.awareness.setLocalStateField('facilitation', {
      follow: false,
      viewport: null,
      spotlight: null,
      summon: null,
      view: { filters: { themes: ['jan de vries', 'wonen'] }, mode: 'dim' },
    });
    const shownThemes = (): readonly string[] | undefined =>
      readFacilitationPresence(reader.provider.awareness.getStates().get(facilitator.doc.clientID))?.view
        ?.filters.themes;
    await waitFor(() => shownThemes() !== undefined, 'the shared view on the anonymised view');
    expect(shownThemes()).toEqual(['wonen']);

    // Renames and edits reach it, anonymised.
    updatePerson(doc, person, { name: 'Johanna Smit', roles: ['scout'] });
    updateOrganisation(doc, leiden, { name: 'Gemeente Leiden-Noord' });
    await waitFor(
      () => readBoard(reader.doc).people.get(person as PersonId)?.name === 'Scout · Gemeente Leiden-Noord',
      'the rename on the anonymised view',
    );
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Johanna Smit', colour: '#123456' });

    // Its own writes are never applied to the board.
    reader.doc.getMap('people').delete(person);
    addOrganisation(reader.doc, { name: 'Intruder', sector: 'other', position: { x: 0, y: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readBoard(facilitator.doc).people.has(person)).toBe(true);
    expect([...readBoard(facilitator.doc).organisations.values()].some((o) => o.name === 'Intruder')).toBe(
      false,
    );

    const everything = [
      JSON.stringify(reader.doc.toJSON()),
      JSON.stringify([...reader.provider.awareness.getStates().values()]),
      ...raw.messages.map((m) => m.toString('latin1')),
      ...raw.messages.map((m) => m.toString('utf8')),
    ].join('\n');
    expect(raw.messages.length).toBeGreaterThan(2);
    expect(namesIn(everything)).toEqual([]);
    raw.socket.close();
  });
});
