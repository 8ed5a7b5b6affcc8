import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertClientBuilt, joinBoard, organisationNode } from '../support/boardPage.ts';
import { launchBrowser, newPage, screenshot, type TestPage } from '../support/browser.ts';
import { startServer, type ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard } from '../support/syncClient.ts';

describe('a server that cannot save (real server with a full database, real Chromium)', () => {
  let server: ServerHandle;
  let browser: Browser;
  const tabs: TestPage[] = [];

  beforeAll(async () => {
    assertClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { MAX_DATABASE_BYTES: String(160 * 1024) } }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
    await browser?.close();
    await server?.cleanup();
  });

  it('says so, keeps the edit on the page, and does not reconnect at once', async () => {
    const board = await createBoard(server.url, 'Full');
    // Other participants fill the database until not even a small edit fits: large values, then small ones.
    for (const size of [8 * 1024, 1024, 100]) {
      const filler = connectClient(server.wsUrl, board.id, board.keys.edit, { reconnect: false });
      await filler.whenSynced();
      for (let i = 0; i < 400 && filler.closes.length === 0; i++) {
        filler.doc.getMap('m').set(`k${size}-${i}`, 'z'.repeat(size));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(filler.closes[0]?.code).toBe(4507);
      filler.destroy();
    }

    const tab = await newPage(browser);
    tabs.push(tab);
    const { page } = tab;
    await joinBoard(page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Sanne Save', {
      waitFor: 'canvas',
    });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('o');
    const inlineName = page.locator('.ip-inline-name');
    await inlineName.fill('Stichting Vol');
    await inlineName.press('Enter');
    await page.getByText('The server cannot save right now; your edits are kept in this browser.').waitFor();
    await organisationNode(page, 'Stichting Vol').waitFor();
    await screenshot(page, 'board-cannot-save-en');
    // It waits (about 15 s) before sending the edit again, instead of reconnecting at once.
    const opened = server.logs.filter((line) => line.includes('"msg":"closing connection"')).length;
    await page.waitForTimeout(3_000);
    const closedSince =
      server.logs.filter((line) => line.includes('"msg":"closing connection"')).length - opened;
    expect(closedSince).toBe(0);
    expect(tab.errors.filter((error) => !error.includes('WebSocket'))).toEqual([]);
  });
});
