import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, type TestPage } from '../support/browser.ts';
import { startServer, type ServerHandle } from '../support/serverProcess.ts';

const distIndex = path.join(
  process.env.STATIC_DIR ?? path.resolve(import.meta.dirname, '../../client/dist'),
  'index.html',
);

interface CreatedBoard {
  id: string;
  keys: { facilitator: string; edit: string; view: string };
}

async function createBoard(server: ServerHandle, title: string): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedBoard;
}

/** Opens a board link and answers the name prompt. */
async function join(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join the board' }).click();
  await page.locator('[data-status=connected]').waitFor();
}

const status = (page: Page): Promise<string | null> =>
  page.locator('[data-status]').getAttribute('data-status');

describe('connection status on the board page (real server, real Chromium)', () => {
  let server: ServerHandle;
  let browser: Browser;
  const tabs: TestPage[] = [];
  /** Data dirs handed over to a restarted server, which does not own (and so not remove) them. */
  const sharedDataDirs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(distIndex)) throw new Error(`${distIndex} is missing: run \`npm run build\` first.`);
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
    const board = await createBoard(server, 'Offline board');
    const tab = await newPage(browser);
    tabs.push(tab);
    await join(tab.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Olga Offline');

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
    const board = await createBoard(server, 'Restart board');
    const tab = await newPage(browser);
    tabs.push(tab);
    await join(tab.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Rita Restart');

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
    const board = await createBoard(server, 'Renewal board');
    const tab = await newPage(browser);
    tabs.push(tab);
    await join(tab.page, `${server.url}/b/${board.id}?key=${board.keys.edit}`, 'Ruud Renewed');

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
