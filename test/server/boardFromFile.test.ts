import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard, updateSettings } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient } from '../support/syncClient.ts';
import type { CreatedBoard } from '../support/syncClient.ts';
import { buildRealisticBoard, REALISTIC_BOARD_COUNTS } from '../support/realisticBoard.ts';
import { generateBoard } from '../bench/canvas/generateBoard.ts';

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.cleanup();
});

function postBoard(body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Creates a board from `file` and reads it back as a fresh view-only client sees it. */
async function createFromFile(title: string, file: unknown): Promise<ReturnType<typeof readBoard>> {
  const res = await postBoard({ title, board: file });
  expect(res.status).toBe(201);
  const board = (await res.json()) as CreatedBoard;
  const client = connectClient(server.wsUrl, board.id, board.keys.view);
  try {
    await client.whenSynced();
    return readBoard(client.doc);
  } finally {
    client.destroy();
  }
}

/** The board file of the realistic board, with a layout lock set, as the page's export writes it. */
function realisticBoardFile(): { file: unknown; source: ReturnType<typeof readBoard> } {
  const doc = new Y.Doc();
  buildRealisticBoard(doc);
  updateSettings(doc, { layoutLocked: true });
  const source = readBoard(doc);
  return { file: JSON.parse(exportBoardJson(source, { title: 'Wonen en zorg' })) as unknown, source };
}

describe('a board started from a file (POST /api/boards with a board file)', () => {
  it('opens with every entity, position and setting of the file, for every client', async () => {
    const { file, source } = realisticBoardFile();
    const opened = await createFromFile('Wonen en zorg', file);
    expect(opened.organisations.size).toBe(REALISTIC_BOARD_COUNTS.organisations);
    expect(opened.people.size).toBe(REALISTIC_BOARD_COUNTS.people);
    expect(opened.projects.size).toBe(REALISTIC_BOARD_COUNTS.projects);
    expect(opened.relationships.size).toBe(REALISTIC_BOARD_COUNTS.relationships);
    expect(opened.settings.layoutLocked).toBe(true);
    // The file's JSON comes back unchanged: same ids, names, positions, relationships.
    expect(exportBoardJson(opened)).toBe(exportBoardJson(source));
  });

  it('keeps its first state across a restart, like any other board', async () => {
    const own = await startServer();
    let second: ServerHandle | undefined;
    try {
      const res = await fetch(`${own.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Herstart', board: realisticBoardFile().file }),
      });
      const board = (await res.json()) as CreatedBoard;
      expect(await own.stop('SIGTERM')).toBe(0);
      second = await startServer({ dataDir: own.dataDir });
      const client = connectClient(second.wsUrl, board.id, board.keys.edit);
      try {
        await client.whenSynced();
        expect(readBoard(client.doc).organisations.size).toBe(REALISTIC_BOARD_COUNTS.organisations);
      } finally {
        client.destroy();
      }
    } finally {
      // The second server reuses the data dir the first one owns and removes.
      await second?.cleanup();
      await own.cleanup();
    }
  });

  it('builds a large file (read in a worker thread of the server) and refuses a broken large one', async () => {
    const doc = new Y.Doc();
    const size = { organisations: 1200, people: 300, projects: 10, relationships: 2500 };
    generateBoard(doc, size);
    const file = JSON.parse(exportBoardJson(readBoard(doc), { title: 'Regio' })) as {
      relationships: Array<Record<string, unknown>>;
    };
    const opened = await createFromFile('Regio', file);
    expect(opened.organisations.size).toBe(size.organisations);
    expect(opened.relationships.size).toBe(size.relationships);

    file.relationships[7]!.strength = 9;
    const refused = await postBoard({ title: 'Regio', board: file });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain('relationships[7]');
  });

  it('refuses a broken or foreign file with 400, saying where it is broken', async () => {
    const { file } = realisticBoardFile();
    const broken = structuredClone(file) as { organisations: Array<Record<string, unknown>> };
    broken.organisations[2]!.sector = 'bakery';
    const res = await postBoard({ title: 'Kapot', board: broken });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: string;
      message: string;
      errors: Array<{ column?: string; code: string }>;
    };
    expect(body.error).toBe('invalid-board');
    expect(body.message).toContain('organisations[2]');
    expect(body.message).toContain('municipality');
    expect(body.errors[0]).toMatchObject({ column: 'organisations[2].sector', code: 'json.expectedOneOf' });

    for (const garbage of [42, 'board', null, [], { format: 'something-else' }]) {
      const answer = await postBoard({ title: 'Onzin', board: garbage });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toBe('invalid-board');
    }
  });
});
