import { afterAll, describe, expect, it } from 'vitest';
import { joinBoard, organisationNode } from '../support/boardPage.ts';
import { newPage, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { addOrganisation } from '@interplay/shared';
import { connectClient, createBoard } from '../support/syncClient.ts';

/**
 * A participant who reloads the board while the network is gone gets the board from the browser's copy
 * (the service worker's app shell and the local copy of the board), not the browser's error page.
 */
describe('reloading the board without a network (real server, real Chromium)', () => {
  const suite = useBrowserSuite();
  const tabs: TestPage[] = [];

  afterAll(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
  });

  it('shows the board from the browser’s copy, offline', async () => {
    const board = await createBoard(suite.server.url, 'Offline reload board');
    const writer = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await writer.whenSynced();
    addOrganisation(writer.doc, {
      name: 'Gemeente Leiden',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const url = `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`;
    const anna = await newPage(suite.browser);
    tabs.push(anna);
    await joinBoard(anna.page, url, 'Anna Offline', { waitFor: 'organisation' });
    await organisationNode(anna.page, 'Gemeente Leiden').waitFor();
    // The service worker controls the page once it is active (it claims open pages).
    await anna.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    writer.destroy();

    await anna.context.setOffline(true);
    await anna.page.reload();
    await organisationNode(anna.page, 'Gemeente Leiden').waitFor({ timeout: 15_000 });
    await anna.page.locator('[data-status=offline]').waitFor();
    expect(await anna.page.title()).toBe('Offline reload board · Interplay');

    await anna.context.setOffline(false);
    await anna.page.locator('[data-status=connected]').waitFor({ timeout: 20_000 });
  });
});
