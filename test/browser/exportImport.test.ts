import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addProject, addThread, connect, readBoard } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import { assertClientBuilt, exportFile, joinBoard } from '../support/boardPage.ts';
import { launchBrowser, newPage, screenshot, type TestPage } from '../support/browser.ts';
import { startServer, type ServerHandle } from '../support/serverProcess.ts';
import { renderSvgInPage } from './exportImagePixels.ts';
import { textBoxes, textsWithOtherExtents } from './exportTextExtents.ts';
import { leidenPartnerFiles } from './leidenImport.ts';
import {
  connectClient,
  createBoard,
  waitFor,
  type CreatedBoard,
  type SyncClient,
} from '../support/syncClient.ts';

/**
 * The export and import dialogs in real Chromium on the real server: files
 * are really downloaded and parsed back; an import reaches a second page and
 * one Ctrl+Z takes all of it away again for everyone.
 */

const TITLE = 'Regio Zwolle wonen';

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

describe('export and import dialogs (real Chromium, real server)', () => {
  let server: ServerHandle;
  let browser: Browser;
  let board: CreatedBoard;
  let seed: SyncClient;
  let alice: TestPage;
  let bob: TestPage;

  beforeAll(async () => {
    assertClientBuilt();
    server = await startServer();
    browser = await launchBrowser();
    board = await createBoard(server.url, TITLE);
    seed = connectClient(server.url.replace(/^http/, 'ws'), board.id, board.keys.facilitator);
    await seed.whenSynced();
    const doc = seed.doc;
    const gemeente = addOrganisation(doc, {
      name: 'Gemeente Zwolle',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const deltaWonen = addOrganisation(doc, {
      name: 'deltaWonen',
      sector: 'housing',
      position: { x: 420, y: 40 },
    });
    // Far outside any viewport: the image must still contain it.
    const ggz = addOrganisation(doc, {
      name: 'Dimence GGZ',
      sector: 'mentalHealth',
      position: { x: 2600, y: 1800 },
    });
    const anna = addPerson(doc, {
      name: 'Anna de Vries',
      organisationId: gemeente,
      roles: ['sponsor'],
      position: { x: 20, y: 140 },
    });
    addProject(doc, { name: 'Wonen en zorg', memberIds: [gemeente, deltaWonen, ggz] });
    connect(doc, { source: gemeente, target: deltaWonen, strength: 4 });
    connect(doc, { source: anna as NodeId, target: ggz, strength: 2, kind: 'informal' });
    // A board from (0, 0) to Dimence GGZ far off at (2600, 1800) fits, clear of the minimap, above the zoom
    // where cards leave their names out (0.25) on this screen, not on a 1280×800 one.
    const screen = { viewport: { width: 1440, height: 900 } };
    alice = await newPage(browser, screen);
    bob = await newPage(browser, screen);
    await joinBoard(alice.page, `${server.url}/b/${board.id}?key=${board.keys.facilitator}`, 'Alice');
    await joinBoard(bob.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Bob');
    await alice.page
      .getByTestId('organisation-node')
      .filter({ hasText: 'Dimence GGZ' })
      .waitFor({ state: 'attached' });
  }, 90_000);

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await browser?.close();
    seed?.destroy();
    await server?.stop();
  });

  it('exports the board as JSON that matches it exactly, with a comment made on the page', async () => {
    // A comment through the page's own side panel: the JSON export is the whole board, annotations included.
    await alice.page
      .getByTestId('organisation-node')
      .filter({ hasText: 'Gemeente Zwolle' })
      .locator('.ip-org__sector, .ip-org__name--overview')
      .click();
    await alice.page.getByTestId('comment-new-text').fill('Wie betaalt de "huur"?');
    await alice.page.getByTestId('comment-new-send').click();
    await waitFor(() => readBoard(seed.doc).annotations.size === 1, 'the comment to reach the server');
    await alice.page.keyboard.press('Escape');
    await screenshot(alice.page, 'export-import-buttons-en');
    const { name, bytes } = await exportFile(alice.page, async (dialog) => {
      await screenshot(alice.page, 'export-dialog-en');
      await dialog.getByLabel('Data').check();
      await dialog.getByLabel(/^JSON/).check();
    });
    expect(name).toMatch(/^regio-zwolle-wonen-\d{4}-\d{2}-\d{2}\.json$/);
    expect(bytes.toString('utf8')).toBe(exportBoardJson(readBoard(seed.doc), { title: TITLE }));
    const file = JSON.parse(bytes.toString('utf8')) as {
      schemaVersion: number;
      annotations: { target: string; author: { name: string }; messages: { text: string }[] }[];
    };
    expect(file.schemaVersion).toBe(2);
    const gemeente = [...readBoard(seed.doc).organisations.values()].find(
      (o) => o.name === 'Gemeente Zwolle',
    );
    expect(file.annotations).toMatchObject([
      { target: gemeente?.id, author: { name: 'Alice' }, messages: [{ text: 'Wie betaalt de "huur"?' }] },
    ]);
  });

  it('exports a real PNG of the whole map, far-away nodes included, its text in Inter as in the SVG', async () => {
    // A free note on the map, inside the board's bounds.
    addThread(seed.doc, {
      position: { x: 1200, y: 700 },
      author: { name: 'Bob', colour: '#1f7a4d' },
      text: 'Hier stokt het',
    });
    await alice.page.getByTestId('note').waitFor({ state: 'attached' });
    const { name, bytes } = await exportFile(alice.page, async (dialog) => {
      await dialog.getByLabel('Image').check();
      await dialog.getByLabel(/^PNG, normal size/).check();
      // Free notes are in the image unless left out.
      expect(await dialog.getByTestId('export-show-notes').isChecked()).toBe(true);
    });
    expect(name).toMatch(/^regio-zwolle-wonen-\d{4}-\d{2}-\d{2}\.png$/);
    const png = PNG.sync.read(bytes);
    // The map spans about 2,800 × 1,900 flow units at 1×, plus margins, title and legend.
    expect(png.width).toBeGreaterThan(2_800);
    expect(png.height).toBeGreaterThan(1_800);
    expect(png.width).toBeLessThan(8_000);

    // The same board as SVG, drawn by Chromium with its embedded Inter: every text (title, legend, names;
    // the PNG is made by two workers, so both bands) reaches as far in the PNG as there.
    const svg = await exportFile(alice.page, async (dialog) => {
      await dialog.getByLabel(/^SVG/).check();
    });
    const markup = svg.bytes.toString('utf8');
    expect(markup).toContain('>Hier stokt het</text>');
    const reference = await renderSvgInPage(alice.page, markup, png.width, png.height);
    const boxes = await textBoxes(alice.page, markup, png.width);
    expect(boxes.length).toBeGreaterThan(40);
    expect(textsWithOtherExtents(boxes, png, reference)).toEqual([]);
  });

  it('exports the CSV zip with the four tables', async () => {
    const { name, bytes } = await exportFile(alice.page, async (dialog) => {
      await dialog.getByLabel('Data').check();
      await dialog.getByLabel(/all four tables/).check();
    });
    expect(name).toMatch(/^regio-zwolle-wonen-csv-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).sort()).toEqual([
      'organisations.csv',
      'people.csv',
      'projects.csv',
      'relationships.csv',
    ]);
    expect(new TextDecoder().decode(files['organisations.csv'])).toContain('Dimence GGZ');
  });

  it('refuses malformed files with precise errors and changes nothing', async () => {
    const page = alice.page;
    const before = exportBoardJson(readBoard(seed.doc));
    await page.getByTestId('import-button').click();
    const dialog = page.getByTestId('import-dialog');
    const input = dialog.getByTestId('import-file-input');
    const errors = dialog.getByTestId('import-errors');

    await input.setInputFiles([
      csv('organisaties.csv', 'naam;sector\nWijkteam Noord;welzijn\nBakkerij Jansen;bakkerij\n'),
    ]);
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/organisaties\.csv, row 3, column "sector": .*bakkerij/);

    await input.setInputFiles([
      csv('organisaties.csv', 'naam;sector\nWijkteam Noord;welzijn\n'),
      csv('relaties.csv', 'van;naar;sterkte\nWijkteam Noord;Niemand BV;3\n'),
    ]);
    await errors.getByText('Niemand BV').waitFor();
    expect(await errors.innerText()).toMatch(
      /relaties\.csv, row 2, column "naar": no organisation or person named or with id "Niemand BV"/,
    );

    await input.setInputFiles([
      {
        name: 'organisaties.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 1, 2, 3]),
      },
    ]);
    await errors.getByText(/organisaties\.csv/).waitFor();
    expect(await errors.innerText()).toMatch(/organisaties\.csv.*(binary|UTF)/i);
    expect(await dialog.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(exportBoardJson(readBoard(seed.doc))).toBe(before);
  });

  it('imports Dutch CSVs after a preview, for everyone, and one Ctrl+Z removes the whole import', async () => {
    const page = alice.page;
    await page.getByTestId('import-button').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog
      .getByTestId('import-file-input')
      .setInputFiles([
        csv(
          'organisaties.csv',
          "Naam;Sector;Thema's\nWijkteam Noord;welzijn;armoede\nCarinova;zorg;\nGemeente Zwolle;gemeente;wonen\n",
        ),
        csv(
          'relaties.csv',
          'Van;Naar;Sterkte;Soort;Budget\nWijkteam Noord;Carinova;4;samenwerking;5000\nCarinova;Gemeente Zwolle;2;financiering;\n',
        ),
      ]);
    const preview = dialog.getByTestId('import-preview');
    await preview.waitFor();
    expect(await dialog.getByTestId('import-add-organisations').innerText()).toBe('2 to add');
    expect(await dialog.getByTestId('import-update-organisations').innerText()).toBe('1 to update');
    expect(await dialog.getByTestId('import-add-relationships').innerText()).toBe('2 to add');
    expect(await preview.innerText()).toContain('Wijkteam Noord – Carinova');
    // A column that stands for no field is read past, and the preview says so.
    expect(await dialog.getByTestId('import-warnings').innerText()).toBe(
      'Column "Budget" in relaties.csv is ignored: it stands for no field.',
    );
    await screenshot(page, 'import-preview-en');
    // Enter confirms: the Import button has the focus once the preview is there.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const onBob = bob.page.getByTestId('organisation-node').filter({ hasText: 'Carinova' });
    await onBob.waitFor({ state: 'attached', timeout: 15_000 });
    await waitFor(
      () => readBoard(seed.doc).organisations.size === 5,
      'the import to reach the server',
      15_000,
    );
    expect(readBoard(seed.doc).relationships.size).toBe(4);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await onBob.waitFor({ state: 'detached', timeout: 15_000 });
    await waitFor(() => readBoard(seed.doc).organisations.size === 3, 'the undo to reach the server', 15_000);
    const after = readBoard(seed.doc);
    expect(after.relationships.size).toBe(2);
    expect([...after.organisations.values()].find((o) => o.name === 'Gemeente Zwolle')?.themes).toEqual([]);
  });

  it('lays an imported list of 42 organisations and 65 relationships out with no card on another', async () => {
    const page = alice.page;
    await page.getByTestId('import-button').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file-input').setInputFiles(leidenPartnerFiles());
    await dialog.getByTestId('import-preview').waitFor();
    expect(await dialog.getByTestId('import-add-organisations').innerText()).toBe('42 to add');
    expect(await dialog.getByTestId('import-add-relationships').innerText()).toBe('65 to add');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const nodes = page.locator('.react-flow__node');
    await expect.poll(() => nodes.count(), { timeout: 15_000 }).toBe(4 + 42);
    // Measured and fitted (the import fits the map two frames after it is applied).
    await page.waitForTimeout(800);
    const boxes = await nodes.evaluateAll((elements) =>
      elements.map((element) => {
        const r = element.getBoundingClientRect();
        return {
          id: element.getAttribute('data-id') ?? '',
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
        };
      }),
    );
    const overlapping: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (dx > 0.5 && dy > 0.5) overlapping.push(`${a.id} × ${b.id}`);
      }
    }
    await screenshot(page, 'import-42-organisations');
    expect(overlapping).toEqual([]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await waitFor(() => readBoard(seed.doc).organisations.size === 3, 'the undo to reach the server', 15_000);
  });

  it('is in Dutch too; viewers may export but not import', async () => {
    const page = alice.page;
    await page.locator('.language-switch__button[lang=nl]').click();
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-dialog').getByText('Wat wilt u exporteren').waitFor();
    await screenshot(page, 'export-dialog-nl');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-button').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog
      .getByTestId('import-file-input')
      .setInputFiles([
        csv('organisaties.csv', 'Naam;Sector\nWijkteam Noord;welzijn\n'),
        csv('personen.csv', 'Naam;Organisatie;Rollen\nFatima Benali;Wijkteam Noord;verkenner; verbinder\n'),
      ]);
    await dialog.getByTestId('import-preview').getByText('Wat de import doet').waitFor();
    await screenshot(page, 'import-preview-nl');
    // Errors are in Dutch too; file, row and column stay as written in the file.
    await dialog
      .getByTestId('import-file-input')
      .setInputFiles([
        csv('organisaties.csv', 'naam;sector\nWijkteam Noord;welzijn\nBakkerij Jansen;bakkerij\n'),
      ]);
    const errors = dialog.getByTestId('import-errors');
    await errors.getByText(/bakkerij/).waitFor();
    expect(await errors.innerText()).toMatch(
      /organisaties\.csv, rij 3, kolom "sector": onbekende sector "bakkerij"; verwacht een van: /,
    );
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    // CSV exports follow the interface: Dutch names, headers and words, semicolons (for Dutch Excel).
    const { bytes } = await exportFile(
      page,
      async (exportDialog) => {
        await exportDialog.getByLabel('Gegevens').check();
        await exportDialog.getByLabel(/alle vier tabellen/).check();
      },
      'is gedownload',
    );
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).sort()).toEqual([
      'organisaties.csv',
      'personen.csv',
      'projecten.csv',
      'relaties.csv',
    ]);
    // A byte-order mark, so Excel reads accents as UTF-8 (TextDecoder drops it).
    expect([...files['organisaties.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(files['organisaties.csv']).split('\r\n')[0]).toBe(
      "id;naam;sector;thema's;notities;x;y",
    );
    await page.locator('.language-switch__button[lang=en]').click();

    const viewer = await newPage(browser);
    try {
      await joinBoard(viewer.page, `${server.url}/b/${board.id}?key=${board.keys.view}`, 'Vera');
      expect(await viewer.page.getByTestId('import-button').isDisabled()).toBe(true);
      expect(await viewer.page.getByTestId('import-button').getAttribute('title')).toContain('view-only');
      const { name } = await exportFile(viewer.page, async (d) => {
        await d.getByLabel('Data').check();
        await d.getByLabel(/^GraphML/).check();
      });
      expect(name).toMatch(/\.graphml$/);
    } finally {
      await viewer.close();
    }
    expect(alice.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });
});
