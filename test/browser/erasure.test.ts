import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson } from '@interplay/shared';
import { joinBoard } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard } from '../support/syncClient.ts';

/**
 * Removing for good from the facilitator's page: a person purged from the board (every page sees it at once),
 * then the board deleted behind its typed title, after which every page and link says it was deleted.
 */
describe('removing for good in the browser', () => {
  const suite = useBrowserSuite();

  it('removes a person for good and deletes the board, telling every page', async () => {
    const board = await createBoard(suite.server.url, 'Netwerk Oost');
    const seed = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await seed.whenSynced();
    const gemeente = addOrganisation(seed.doc, {
      name: 'Gemeente Deventer',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    addPerson(seed.doc, {
      name: 'Wilma de Wit',
      organisationId: gemeente,
      roles: ['scout'],
      position: { x: 0, y: 220 },
    });
    addPerson(seed.doc, { name: 'Henk Blom', organisationId: gemeente, position: { x: 260, y: 220 } });
    seed.destroy();

    const pages: TestPage[] = [];
    try {
      const facilitator = await newPage(suite.browser);
      const viewer = await newPage(suite.browser);
      pages.push(facilitator, viewer);
      const base = `${suite.server.url}/b/${board.id}?key=`;
      await joinBoard(facilitator.page, base + board.keys.facilitator, 'Fiona', { waitFor: 'organisation' });
      await joinBoard(viewer.page, base + board.keys.view, 'Victor', { waitFor: 'organisation' });
      const wilma = (page: TestPage) =>
        page.page.getByTestId('person-node').filter({ hasText: 'Wilma de Wit' });
      await wilma(viewer).waitFor();

      await wilma(facilitator).click();
      const purge = facilitator.page.getByTestId('panel-purge');
      await purge.waitFor();
      await screenshot(facilitator.page, 'erasure-person-panel');
      facilitator.page.once('dialog', (dialog) => void dialog.accept());
      await purge.click();
      for (const page of pages) await wilma(page).waitFor({ state: 'detached' });
      await expect(
        viewer.page.getByTestId('person-node').filter({ hasText: 'Henk Blom' }).count(),
      ).resolves.toBe(1);
      await expect(viewer.page.getByTestId('panel-purge').count()).resolves.toBe(0);

      const menu = facilitator.page.getByTestId('delete-board-menu');
      await menu.locator('summary').click();
      const remove = menu.getByTestId('delete-board');
      await expect(remove.isDisabled()).resolves.toBe(true);
      await menu.getByTestId('delete-board-confirm').fill('Netwerk');
      await expect(remove.isDisabled()).resolves.toBe(true);
      await menu.getByTestId('delete-board-confirm').fill('Netwerk Oost');
      await screenshot(facilitator.page, 'erasure-delete-board');
      await remove.click();

      for (const { page } of pages) await page.getByText('This board was deleted.').waitFor();
      await screenshot(viewer.page, 'erasure-board-deleted');
      // The link itself now says so too, and this browser's copy of the board is gone.
      await viewer.page.reload();
      await viewer.page.getByText('This board was deleted.').waitFor();
      const copies = await viewer.page.evaluate(async () =>
        (await indexedDB.databases()).map((database) => database.name),
      );
      expect(copies).not.toContain(`interplay-${board.id}`);
    } finally {
      for (const page of pages) await page.close();
    }
  });
});
