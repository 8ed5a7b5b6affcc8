import { afterAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  dropWebSockets,
  joinBoard,
  organisationNode,
  trackWebSockets,
} from '../support/boardPage.ts';
import { newPage, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { createBoard } from '../support/syncClient.ts';

/**
 * An edit made offline is kept in this browser (IndexedDB) even when the page
 * is closed before the connection returns, and reaches everyone when the
 * board is opened again. The board page opens its websocket while the app is
 * still loading (earlyBoardConnection.ts) and adds the local copy later; this
 * checks that the two still meet.
 */
describe('an offline edit across closing and reopening the page (real server, real Chromium)', () => {
  const suite = useBrowserSuite();
  const tabs: TestPage[] = [];

  afterAll(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
  });

  it('keeps the edit in this browser and delivers it when the board is opened again', async () => {
    const board = await createBoard(suite.server.url, 'Offline reopen board');
    const url = `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`;
    const alice = await newPage(suite.browser);
    tabs.push(alice);
    await trackWebSockets(alice.context);
    await joinBoard(alice.page, url, 'Alice Offline');
    await addOrganisation(alice.page, 'Gemeente Zwolle');

    await alice.context.setOffline(true);
    await dropWebSockets(alice.page);
    await alice.page.locator('[data-status=offline]').waitFor();
    await addOrganisation(alice.page, 'Made Offline');
    // Give y-indexeddb a moment to write the update, then close the page while still offline.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await alice.page.close();

    await alice.context.setOffline(false);
    const reopened = await alice.context.newPage();
    await reopened.goto(url);
    await reopened.locator('[data-status=connected]').waitFor();
    await organisationNode(reopened, 'Made Offline').waitFor();
    await organisationNode(reopened, 'Gemeente Zwolle').waitFor();

    const bob = await newPage(suite.browser);
    tabs.push(bob);
    await joinBoard(bob.page, url, 'Bob Online', { waitFor: 'organisation' });
    await expect.poll(() => organisationNode(bob.page, 'Made Offline').count(), { timeout: 20_000 }).toBe(1);
    expect(bob.errors).toEqual([]);
  });
});
