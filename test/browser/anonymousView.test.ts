import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addThread,
  connect,
  readBoard,
  scoreHealth,
  updatePerson,
} from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import type { PersonId } from '@interplay/shared';
import { dropWebSockets, exportFile, joinBoard, trackWebSockets } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, type CreatedBoard, type SyncClient } from '../support/syncClient.ts';

/**
 * The anonymised view link and the anonymised exports in real Chromium on the real server: every byte the
 * anonymised page receives (websocket frames, HTTP bodies) and every exported file is searched for every
 * person's and participant's name.
 */

/** People on the board (also after a rename and an addition) and participants (a page, an author, a scorer). */
const PEOPLE = ['Jan de Vries', 'Annemiek Bos', 'Johannes Vermeer', 'Karel Appel'];
const PARTICIPANTS = ['Fiona Faber', 'Piet Pieters', 'Klaas Kamp'];
const NAMES = [...PEOPLE, ...PARTICIPANTS];

/** The names found in `bytes`, read as UTF-8 and as Latin-1 (any byte sequence of an ASCII name). */
function namesIn(bytes: Buffer | string): string[] {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const text = `${buffer.toString('utf8')}\n${buffer.toString('latin1')}`.toLowerCase();
  return NAMES.filter((name) => text.includes(name.toLowerCase()));
}

describe('anonymised view link and exports (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let seed: SyncClient;
  let jan: PersonId;
  let facilitator: TestPage;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Wonen en zorg Leiden');
    seed = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await seed.whenSynced();
    const doc = seed.doc;
    const leiden = addOrganisation(doc, {
      name: 'Gemeente Leiden',
      sector: 'municipality',
      notes: 'Jan de Vries holds the budget',
      position: { x: 0, y: 0 },
    });
    const portaal = addOrganisation(doc, { name: 'Portaal', sector: 'housing', position: { x: 500, y: 0 } });
    jan = addPerson(doc, {
      name: 'Jan de Vries',
      organisationId: leiden,
      roles: ['sponsor'],
      notes: 'on leave in May',
      position: { x: 0, y: 220 },
    });
    const annemiek = addPerson(doc, {
      name: 'Annemiek Bos',
      organisationId: portaal,
      roles: ['scout', 'connector'],
      notes: '',
      position: { x: 500, y: 220 },
    });
    const tie = connect(doc, { source: jan, target: annemiek, strength: 4 });
    if (tie === null) throw new Error('no relationship');
    addThread(doc, {
      target: annemiek,
      author: { name: 'Piet Pieters', colour: '#aa3300' },
      text: 'Annemiek Bos knows everyone at Portaal',
    });
    scoreHealth(doc, tie, { id: 'scorer-klaas', name: 'Klaas Kamp' }, 'trust', 8);
    facilitator = await newPage(suite.browser);
    await joinBoard(
      facilitator.page,
      `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`,
      'Fiona Faber',
    );
  });

  it('the anonymised page never receives a name: live, after edits and renames, and after a reconnect', async () => {
    // The facilitator makes the link where the other links are renewed.
    const links = facilitator.page.getByTestId('links-menu');
    await links.locator('summary').click();
    facilitator.page.once('dialog', (dialog) => void dialog.accept());
    await links.getByTestId('renew-anonymous').click();
    const link = await links.getByTestId('renewed-anonymous').inputValue();
    expect(link).toContain(`/b/${board.id}?key=`);
    await screenshot(facilitator.page, 'anonymous-link-menu');

    const reader = await newPage(suite.browser, { language: 'nl-NL' });
    await trackWebSockets(reader.context);
    const received: Buffer[] = [];
    reader.page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) =>
        received.push(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload)),
      ),
    );
    reader.page.on('response', (response) => {
      void response
        .body()
        .then((body) => received.push(body))
        .catch(() => undefined);
    });
    await reader.page.goto(link);
    const people = reader.page.getByTestId('person-node');
    await people.filter({ hasText: 'Sponsor · Gemeente Leiden' }).waitFor();
    await people.filter({ hasText: 'Verkenner, Verbinder · Portaal' }).waitFor();
    await reader.page.getByTestId('view-only-banner').waitFor();
    // The relationship's health panel: scores without scorers, and no history asked for.
    await reader.page.getByTestId('open-health').click();
    await reader.page.getByTestId('health-row').getByRole('button').click();
    await reader.page.getByTestId('health-section').waitFor();
    await screenshot(reader.page, 'anonymous-view-nl');

    // Edits, a rename and a new person reach it, anonymised.
    updatePerson(seed.doc, jan, { name: 'Johannes Vermeer', roles: ['scout'] });
    addPerson(seed.doc, {
      name: 'Karel Appel',
      organisationId: null,
      roles: [],
      position: { x: 250, y: 420 },
    });
    await people.filter({ hasText: 'Verkenner · Gemeente Leiden' }).waitFor();
    await people.filter({ hasText: 'Persoon · geen organisatie' }).waitFor();

    // A dropped connection: the page reconnects with a fresh copy of the projection.
    await dropWebSockets(reader.page);
    updatePerson(seed.doc, jan, { roles: ['sponsor', 'scout'] });
    await people.filter({ hasText: 'Sponsor, Verkenner · Gemeente Leiden' }).waitFor();
    await reader.page.locator('[data-status=connected]').waitFor();
    expect(await people.count()).toBe(3);

    const frames = received.length;
    expect(frames).toBeGreaterThan(5);
    expect(namesIn(Buffer.concat(received))).toEqual([]);
    expect(namesIn(await reader.page.content())).toEqual([]);
    expect(reader.errors).toEqual([]);
    await reader.close();
  });

  it('every export has "anonymise people": the files hold none of the names', async () => {
    const page = facilitator.page;
    const formats: Array<[kind: 'Image' | 'Data', format: RegExp]> = [
      ['Image', /^PNG, normal size/],
      ['Image', /^SVG/],
      ['Data', /^JSON/],
      ['Data', /all four tables/],
      ['Data', /^GraphML/],
      ['Data', /^GEXF/],
    ];
    for (const [kind, format] of formats) {
      const { name, bytes } = await exportFile(page, async (dialog) => {
        await dialog.getByLabel(kind, { exact: true }).check();
        await dialog.getByLabel(format).check();
        await dialog.getByTestId('export-anonymise').check();
        if (kind === 'Data' && format.source === '^JSON') await screenshot(page, 'anonymous-export-dialog');
      });
      const files = name.endsWith('.zip')
        ? Object.values(unzipSync(new Uint8Array(bytes))).map((f) => Buffer.from(f))
        : [bytes];
      // 'Jan de Vries' is gone from the board but not from a note: the page remembers the names it saw.
      for (const file of files) expect(namesIn(file), `${name}`).toEqual([]);
      if (name.endsWith('.json')) {
        expect(bytes.toString('utf8')).toContain('Sponsor, Scout · Gemeente Leiden');
      }
    }
    // Without the option the names are there (the same file made here), so the search would have found them.
    expect(namesIn(exportBoardJson(readBoard(seed.doc), { title: 'plain' }))).toEqual(
      expect.arrayContaining(['Johannes Vermeer', 'Piet Pieters', 'Klaas Kamp']),
    );
    // The network's figures, too (last: the insights drawer covers the export button).
    await page.getByTestId('open-insights').click();
    const [figures] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-figures-anonymised').click(),
    ]);
    const tables = Object.values(unzipSync(new Uint8Array(await readFile(await figures.path()))));
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) expect(namesIn(Buffer.from(table)), 'figures').toEqual([]);
    // The timeline: a proposer's name and a name in a title.
    const proposal = await fetch(
      `${suite.server.url}/api/boards/${board.id}/moments/proposals?key=${board.keys.edit}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Kick-off with Jan de Vries', proposedBy: 'Piet Pieters' }),
      },
    );
    expect(proposal.status).toBe(201);
    await page.getByTestId('open-timeline').click();
    await page.getByTestId('timeline-list').getByText('Kick-off with Jan de Vries').waitFor();
    await page.getByTestId('timeline-anonymise').check();
    await screenshot(page, 'anonymous-timeline-export');
    for (const button of ['timeline-json', 'timeline-csv', 'moment-download']) {
      const [timeline] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
      const bytes = await readFile(await timeline.path());
      // The moment's board (as it was) or the timeline.
      expect(bytes.toString('utf8')).toContain(
        button === 'moment-download' ? 'Sponsor, Scout' : 'Kick-off with …',
      );
      expect(namesIn(bytes), button).toEqual([]);
    }
  });
});
