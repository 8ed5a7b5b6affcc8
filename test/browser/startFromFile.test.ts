import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoard } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import { joinBoard, organisationNode } from '../support/boardPage.ts';
import { newPage, screenshot } from '../support/browser.ts';
import type { TestPage } from '../support/browser.ts';
import { connectClient } from '../support/syncClient.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { buildRealisticBoard } from '../support/realisticBoard.ts';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** The board id in a board link. */
const boardIdOf = (link: string): string => new URL(link).pathname.split('/')[2] ?? '';

describe('start a board from a file (real server, real Chromium)', () => {
  const suite = useBrowserSuite();
  const tabs: TestPage[] = [];

  afterAll(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
  });

  it('refuses a broken partner list with its row and column, then starts a board from Dutch CSVs', async () => {
    const tab = await newPage(suite.browser, { language: 'nl-NL' });
    tabs.push(tab);
    const { page } = tab;
    await page.goto(suite.server.url + '/');
    const input = page.getByTestId('start-file-input');

    await input.setInputFiles([
      csv('organisaties.csv', 'naam;sector\nWijkteam Noord;welzijn\nBakkerij Jansen;bakkerij\n'),
    ]);
    const errors = page.getByTestId('start-file-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/organisaties\.csv.*3.*sector.*bakkerij/);
    await expect(page.getByRole('button', { name: 'Bord maken', exact: true }).isVisible()).resolves.toBe(
      true,
    );

    await input.setInputFiles([
      csv(
        'organisaties.csv',
        'naam;sector\nWijkteam Noord;welzijn\nGemeente Zwolle;gemeente\nDeltion College;onderwijs\n',
      ),
      csv('personen.csv', 'naam;organisatie;rollen\nAnna de Vries;Gemeente Zwolle;sponsor\n'),
      csv(
        'relaties.csv',
        'van;naar;sterkte\nWijkteam Noord;Gemeente Zwolle;4\nGemeente Zwolle;Deltion College;2\n',
      ),
    ]);
    const summary = page.getByTestId('start-file-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe(
      'Het nieuwe bord krijgt: Organisaties: 3 · Personen: 1 · Relaties: 2',
    );
    await expect(errors.count()).resolves.toBe(0);
    await page.getByLabel('Titel van het bord').fill('Netwerk Zwolle');
    await screenshot(page, 'start-from-file-nl');
    await page.getByRole('button', { name: 'Bord maken met bestand' }).click();
    await page.getByRole('heading', { name: 'Uw bord “Netwerk Zwolle” staat klaar' }).waitFor();
    const facilitatorLink = await page.locator('#board-link-facilitator').inputValue();

    const client = connectClient(
      suite.server.wsUrl,
      boardIdOf(facilitatorLink),
      new URL(facilitatorLink).searchParams.get('key')!,
    );
    try {
      await client.whenSynced();
      const board = readBoard(client.doc);
      expect([...board.organisations.values()].map((o) => [o.name, o.sector]).sort()).toEqual([
        ['Deltion College', 'education'],
        ['Gemeente Zwolle', 'municipality'],
        ['Wijkteam Noord', 'welfare'],
      ]);
      expect([...board.people.values()].map((p) => [p.name, p.roles])).toEqual([
        ['Anna de Vries', ['sponsor']],
      ]);
      expect([...board.relationships.values()].map((r) => r.strength).sort()).toEqual([2, 4]);
    } finally {
      client.destroy();
    }

    await joinBoard(page, facilitatorLink, 'Fenna', { language: 'nl', waitFor: 'organisation' });
    for (const name of ['Wijkteam Noord', 'Gemeente Zwolle', 'Deltion College']) {
      await organisationNode(page, name).waitFor();
    }
  });

  it('starts an exact copy of a board from its JSON export, titled after the file', async () => {
    const doc = new Y.Doc();
    buildRealisticBoard(doc);
    const source = exportBoardJson(readBoard(doc));
    const tab = await newPage(suite.browser, { language: 'en-GB' });
    tabs.push(tab);
    const { page } = tab;
    await page.goto(suite.server.url + '/');
    await page
      .getByTestId('start-file-input')
      .setInputFiles([
        { name: 'Housing and care.json', mimeType: 'application/json', buffer: Buffer.from(source) },
      ]);
    await page.getByTestId('start-file-summary').waitFor();
    expect(await page.getByLabel('Board title').inputValue()).toBe('Housing and care');
    await screenshot(page, 'start-from-file-en');
    await page.getByRole('button', { name: 'Create board from file' }).click();
    await page.getByRole('heading', { name: 'Your board “Housing and care” is ready' }).waitFor();
    const viewLink = await page.locator('#board-link-view').inputValue();

    const client = connectClient(
      suite.server.wsUrl,
      boardIdOf(viewLink),
      new URL(viewLink).searchParams.get('key')!,
    );
    try {
      await client.whenSynced();
      expect(exportBoardJson(readBoard(client.doc))).toBe(source);
    } finally {
      client.destroy();
    }
  });
});
