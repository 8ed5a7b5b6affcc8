import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addThread,
  connect,
  deleteEntities,
  readBoard,
  scoreHealth,
  updatePerson,
} from '@interplay/shared';
import type { RelationshipId } from '@interplay/shared';
import { createUndoManager } from '@interplay/shared/board/undo';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, openRawSocket, recordDenied, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';

let server: ServerHandle;
const clients: SyncClient[] = [];

beforeAll(async () => {
  // Debug level: the log test below reads everything the server says.
  server = await startServer({ env: { LOG_LEVEL: 'debug' } });
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.cleanup();
});

function client(board: CreatedBoard, key: string): SyncClient {
  const c = connectClient(server.wsUrl, board.id, key);
  clients.push(c);
  return c;
}

const api = (board: CreatedBoard, key: string, rest = '', init?: RequestInit) =>
  fetch(`${server.url}/api/boards/${board.id}${rest}?key=${key}`, init);

async function nameMoment(board: CreatedBoard, title: string): Promise<void> {
  const res = await api(board, board.keys.facilitator, '/moments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(res.status).toBe(201);
}

/** Every place in the data directory's files (database, WAL, shared memory) where `text` occurs. */
function occurrencesOnDisk(dataDir: string, texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync(dataDir)) {
    const bytes = fs.readFileSync(path.join(dataDir, file));
    for (const text of texts) {
      if (bytes.includes(Buffer.from(text, 'utf8'))) found.push(`${text} in ${file}`);
    }
  }
  return found;
}

/** What the tests put on boards that must never reach the logs. */
const secrets: string[] = [];
const secret = (text: string): string => {
  secrets.push(text);
  return text;
};

describe('removing for good', () => {
  it('purges a person: everyone sees it at once, and no stored byte holds their name or what was said of them', async () => {
    const board = await createBoard(server.url, secret('Wijkteam Zuid Geheim'));
    secrets.push(...Object.values(board.keys));
    const editor = client(board, board.keys.edit);
    const viewer = client(board, board.keys.view);
    await Promise.all([editor.whenSynced(), viewer.whenSynced()]);

    const gemeente = addOrganisation(editor.doc, {
      name: 'Gemeente Leiden',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const person = addPerson(editor.doc, {
      name: secret('Wilhelmina Zonneveld'),
      organisationId: gemeente,
      roles: ['sponsor'],
      notes: secret('Spreekt liever ’s ochtends af'),
      position: { x: 0, y: 200 },
    });
    const bert = addPerson(editor.doc, {
      name: 'Bert Visser',
      organisationId: gemeente,
      position: { x: 300, y: 200 },
    });
    const link = connect(editor.doc, { source: person, target: bert, strength: 3 }) as RelationshipId;
    addThread(editor.doc, {
      target: person,
      author: { name: 'Carla', colour: '#225588' },
      text: secret('Kent iedereen in de wijk'),
    });
    scoreHealth(editor.doc, link, { id: 'scorer-carla', name: 'Carla' }, 'trust', 4);
    await waitFor(() => readBoard(viewer.doc).people.size === 2, 'the viewer to see both people');
    await nameMoment(board, 'Eerste sessie');
    updatePerson(editor.doc, person, { name: secret('Mina Zonneveld-Groen') });
    await waitFor(
      () => readBoard(viewer.doc).people.get(person)?.name === 'Mina Zonneveld-Groen',
      'the viewer to see the rename',
    );
    await nameMoment(board, 'Tweede sessie');
    expect(occurrencesOnDisk(server.dataDir, ['Wilhelmina'])).not.toEqual([]);

    const purge = (key: string, id: string = person) =>
      api(board, key, `/people/${encodeURIComponent(id)}`, { method: 'DELETE' });
    expect((await purge(board.keys.edit)).status).toBe(403);
    expect((await purge(board.keys.view)).status).toBe(403);
    expect((await purge(board.keys.facilitator, 'x'.repeat(300))).status).toBe(400);
    const answer = await purge(board.keys.facilitator);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ purged: person });

    for (const c of [viewer, editor]) {
      await waitFor(() => !readBoard(c.doc).people.has(person), 'every client to lose the person');
      const seen = readBoard(c.doc);
      expect([...seen.people.keys()]).toEqual([bert]);
      expect(seen.relationships.size).toBe(0);
      expect(seen.annotations.size).toBe(0);
    }
    // The history keeps its moments, without the person.
    const listed = (await (await api(board, board.keys.view, '/moments')).json()) as {
      moments: { id: string; title: string }[];
    };
    const named = listed.moments.filter((moment) => moment.title.endsWith('sessie'));
    expect(named).toHaveLength(2);
    for (const moment of named) {
      const file = await (await api(board, board.keys.view, `/moments/${moment.id}/board`)).text();
      expect(file).toContain('Bert Visser');
      expect(file).not.toContain('Zonneveld');
    }
    expect(
      occurrencesOnDisk(
        server.dataDir,
        secrets.filter((text) => text !== board.title),
      ),
    ).toEqual([]);
    // Purging again finds nothing.
    expect((await purge(board.keys.facilitator)).status).toBe(404);
  });

  it('a page that was offline during a purge cannot bring the person back with an undo, and is told why', async () => {
    const board = await createBoard(server.url, 'Buurtnetwerk Noord');
    secrets.push(...Object.values(board.keys));
    const editor = client(board, board.keys.edit);
    const watcher = client(board, board.keys.view);
    await Promise.all([editor.whenSynced(), watcher.whenSynced()]);
    const gemeente = addOrganisation(editor.doc, {
      name: 'Gemeente Delft',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const person = addPerson(editor.doc, {
      name: secret('Geertruida Offlinestra'),
      organisationId: gemeente,
      position: { x: 0, y: 200 },
    });
    const henk = addPerson(editor.doc, {
      name: 'Henk Blijft',
      organisationId: gemeente,
      position: { x: 300, y: 200 },
    });
    const link = connect(editor.doc, { source: person, target: henk }) as RelationshipId;
    await waitFor(
      () => readBoard(watcher.doc).relationships.size === 1,
      'the viewer to see the relationship',
    );
    let seenAgain = false;
    watcher.doc.on('afterTransaction', () => {
      if (readBoard(watcher.doc).people.has(person)) seenAgain = true;
    });

    // The page goes offline holding the person; meanwhile the facilitator removes them for good.
    editor.provider.disconnect();
    const purged = await api(board, board.keys.facilitator, `/people/${encodeURIComponent(person)}`, {
      method: 'DELETE',
    });
    expect(purged.status).toBe(200);
    await waitFor(() => !readBoard(watcher.doc).people.has(person), 'the person gone for the viewer');
    seenAgain = false;
    // Offline, the page deletes the person and undoes it: they are back in its copy, as new writes.
    const undo = createUndoManager(editor.doc);
    deleteEntities(editor.doc, [person, link]);
    undo.undo();
    expect(readBoard(editor.doc).people.has(person)).toBe(true);
    const denied = recordDenied(editor);
    editor.provider.connect();

    await waitFor(() => denied.length > 0, 'the page to be told');
    expect(denied.join('\n')).toContain('"reason":"purged"');
    await waitFor(
      () => !readBoard(editor.doc).people.has(person),
      "the person gone from the page's copy again",
    );
    await waitFor(() => readBoard(editor.doc).relationships.size === 0, 'and their relationship');
    expect(readBoard(watcher.doc).people.has(henk)).toBe(true);
    expect(seenAgain).toBe(false);
    expect(occurrencesOnDisk(server.dataDir, ['Geertruida'])).toEqual([]);
  });

  it('deletes a board: connected pages are told, its links answer that it was deleted, and no stored byte remains', async () => {
    const kept = await createBoard(server.url, 'Blijft bestaan');
    const board = await createBoard(server.url, secret('Xylofoonoverleg'));
    secrets.push(...Object.values(board.keys));
    const editor = client(board, board.keys.edit);
    const keptEditor = client(kept, kept.keys.edit);
    await Promise.all([editor.whenSynced(), keptEditor.whenSynced()]);
    addPerson(editor.doc, {
      name: secret('Quintessa Marbles'),
      organisationId: null,
      position: { x: 0, y: 0 },
    });
    addPerson(keptEditor.doc, { name: 'Blijvend persoon', organisationId: null, position: { x: 0, y: 0 } });
    await nameMoment(board, 'Moment voor het einde');
    await waitFor(() => occurrencesOnDisk(server.dataDir, ['Blijvend persoon']).length > 0, 'the kept edit');

    expect((await api(board, board.keys.edit, '', { method: 'DELETE' })).status).toBe(403);
    const answer = await api(board, board.keys.facilitator, '', { method: 'DELETE' });
    expect(answer.status).toBe(200);

    await waitFor(() => editor.closes.some(({ code }) => code === 4410), 'the connected client to be told');
    const info = await api(board, board.keys.view);
    expect(info.status).toBe(410);
    expect(await info.json()).toMatchObject({ error: 'deleted-board', message: 'This board was deleted.' });
    expect((await api(board, board.keys.facilitator, '', { method: 'DELETE' })).status).toBe(410);
    const socket = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.edit}`);
    expect((await socket.closed).code).toBe(4410);
    expect(occurrencesOnDisk(server.dataDir, ['Xylofoonoverleg', 'Quintessa Marbles'])).toEqual([]);

    // The other board is untouched and still live.
    const keptViewer = client(kept, kept.keys.view);
    await keptViewer.whenSynced();
    expect([...readBoard(keptViewer.doc).people.values()].map((p) => p.name)).toEqual(['Blijvend persoon']);
  });

  it('logs carry no names, titles, notes or keys, also when requests go wrong', async () => {
    const board = await createBoard(server.url, secret('Netwerk Noord Vertrouwelijk'));
    secrets.push(...Object.values(board.keys));
    // A wrong key, a malformed message and a bad request all get logged: without what they carried.
    expect((await api(board, secret('not-the-right-key-at-all'))).status).toBe(403);
    const raw = openRawSocket(server.wsUrl, `/sync/${board.id}?key=${board.keys.edit}`);
    await raw.opened;
    raw.socket.send(Buffer.from([0x63, 0x68, 0x61, 0x6f, 0x73]));
    expect((await raw.closed).code).toBe(4400);
    await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: secret('T'.repeat(201) + 'Geheime titel') }),
    });
    const logs = server.logs.join('\n');
    expect(logs).toContain('"msg":"person purged via api"');
    expect(logs).toContain('"msg":"board deleted via api"');
    expect(secrets.filter((text) => logs.includes(text))).toEqual([]);
  });
});
