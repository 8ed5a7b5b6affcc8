import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertClientBuilt, joinBoard } from '../support/boardPage.ts';
import { launchBrowser, newPage, screenshot, type TestPage } from '../support/browser.ts';
import { startServer, type ServerHandle } from '../support/serverProcess.ts';
import { createBoard } from '../support/syncClient.ts';

const status = (page: Page): Promise<string | null> =>
  page.locator('[data-status]').getAttribute('data-status');

describe('connection status on the board page (real server, real Chromium)', () => {
  let server: ServerHandle;
  let browser: Browser;
  const tabs: TestPage[] = [];
  /** Data dirs handed over to a restarted server, which does not own (and so not remove) them. */
  const sharedDataDirs: string[] = [];

  beforeAll(async () => {
    assertClientBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
    await browser?.close();
    await server?.cleanup();
    for (const dir of sharedDataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('says offline, and that edits are kept, while the browser is offline', async () => {
    const board = await createBoard(server.url, 'Offline board');
    const tab = await newPage(browser);
    tabs.push(tab);
    await joinBoard(tab.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Olga Offline', {
      waitFor: 'connection',
    });

    await tab.context.setOffline(true);
    await expect.poll(() => status(tab.page)).toBe('offline');
    await tab.page
      .getByText('Offline — your edits are kept and will merge when the connection returns')
      .waitFor();
    await screenshot(tab.page, 'board-offline-en');

    await tab.context.setOffline(false);
    await expect.poll(() => status(tab.page), { timeout: 15_000 }).toBe('connected');
  });

  it('reconnects by itself after a server restart on the same port', async () => {
    const board = await createBoard(server.url, 'Restart board');
    const tab = await newPage(browser);
    tabs.push(tab);
    await joinBoard(tab.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Rita Restart', {
      waitFor: 'connection',
    });

    const { port, dataDir } = server;
    await expect(server.stop('SIGTERM')).resolves.toBe(0);
    await expect.poll(() => status(tab.page)).toMatch(/^(reconnecting|offline)$/);

    // Same data dir and port, so the page's link keeps working (the old handle's dir is reused, not removed).
    const restarted = await startServer({ dataDir, env: { PORT: String(port) } });
    server = restarted;
    sharedDataDirs.push(dataDir);
    await expect.poll(() => status(tab.page), { timeout: 20_000 }).toBe('connected');
  });

  it('stops and says so when the facilitator renews the key in use', async () => {
    const board = await createBoard(server.url, 'Renewal board');
    const tab = await newPage(browser);
    tabs.push(tab);
    await joinBoard(tab.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Ruud Renewed', {
      waitFor: 'connection',
    });

    const renewal = await fetch(
      `${server.url}/api/boards/${board.id}/keys/edit/renew?key=${board.keys.facilitator}`,
      { method: 'POST' },
    );
    expect(renewal.status).toBe(200);
    await tab.page
      .getByRole('alert')
      .getByText('This link no longer works: the facilitator has renewed it.')
      .waitFor();
    await screenshot(tab.page, 'board-key-renewed-en');
  });
});
