import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, connect } from '@interplay/shared';
import { joinBoard } from '../support/boardPage.ts';
import { newPage, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * A board link opens its websocket from the small entry script, before the app's own chunk has
 * run, so the board can arrive before the map exists (it is held until the map is sized:
 * `BoardSession.showBoard`). It must open as when it arrives later: fitted from the first render that has
 * nodes (at the overview of a large board: tiny bodies and the one-layer lines, never a full card
 * or React Flow's own lines first), every card drawn, and a click selecting a card.
 */

interface OpenRecord {
  /** Arrival time and size of each websocket message. */
  __messages: Array<[number, number]>;
  __fullCardAt: number | null;
  __edgesMounted: number;
}

/** Test instrumentation: when websocket messages arrived, and whether a full card was ever mounted. */
const RECORD_SCRIPT = `(() => {
  window.__messages = [];
  window.__fullCardAt = null;
  window.__edgesMounted = 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => window.__messages.push([performance.now(), event.data.byteLength ?? event.data.size ?? 0]));
    }
  };
  // From the records, not the document: a card mounted and replaced within one task is gone by the time this runs.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (window.__fullCardAt === null && (node.matches('.ip-org__name') || node.querySelector('.ip-org__name'))) {
          window.__fullCardAt = performance.now();
        }
        window.__edgesMounted += (node.matches('.react-flow__edge') ? 1 : 0) + node.querySelectorAll('.react-flow__edge').length;
      }
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

const COLUMNS = 20;
const ROWS = 16;

/** How long the app's chunk is held back, so the board surely arrives before the app runs. */
const APP_CHUNK_DELAY_MS = 1500;

const card = (page: Page, name: string): Locator =>
  page.locator(`[data-testid=organisation-node][aria-label^="Organisation ${name},"]`);

async function scale(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  return Number(transform.match(/scale\(([\d.]+)\)/)?.[1]);
}

describe('opening a board whose data arrives before the app has loaded (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let alice: TestPage;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Early board');
    const seeder = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await seeder.whenSynced();
    const org = (name: string, x: number, y: number) =>
      addOrganisation(seeder.doc, { name, sector: 'municipality', position: { x, y } });
    // More cards than OVERVIEW_LAYER_ABOVE (300), so the fitted overview draws its lines as one layer.
    for (let i = 0; i < COLUMNS * ROWS; i += 2) {
      const source = org(`Org ${i}`, (i % COLUMNS) * 400, Math.floor(i / COLUMNS) * 240);
      const target = org(`Org ${i + 1}`, ((i + 1) % COLUMNS) * 400, Math.floor(i / COLUMNS) * 240);
      connect(seeder.doc, { source, target });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    seeder.destroy();
  });

  afterAll(async () => {
    await alice?.close().catch(() => undefined);
  });

  it('opens fitted and tiny from the first card, with every card and line, and a click selects', async () => {
    alice = await newPage(suite.browser);
    const { page, context } = alice;
    await context.addInitScript(RECORD_SCRIPT);
    await page.route(/\/assets\/startApp-[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, APP_CHUNK_DELAY_MS));
      await route.continue();
    });
    await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Alice Aalders', {
      waitFor: 'organisation',
    });
    await expect
      .poll(() => page.getByTestId('organisation-node').count(), { timeout: 20_000 })
      .toBe(COLUMNS * ROWS);
    await expect.poll(() => page.locator('[data-testid=overview-edges] path').count()).toBeGreaterThan(0);

    // The situation under test: the board (the one large message) came before the app's chunk had even loaded.
    const { boardArrived, appLoaded } = await page.evaluate(() => {
      const record = window as unknown as OpenRecord;
      const chunk = performance
        .getEntriesByType('resource')
        .find((entry) => /\/assets\/startApp-[^/]+\.js$/.test(entry.name)) as PerformanceResourceTiming;
      const board = record.__messages.find(([, size]) => size > 10_000);
      return { boardArrived: board?.[0] ?? Number.NaN, appLoaded: chunk.responseEnd };
    });
    expect(boardArrived).toBeLessThan(appLoaded);

    const { fullCardAt, edgesMounted } = await page.evaluate(() => {
      const record = window as unknown as OpenRecord;
      return { fullCardAt: record.__fullCardAt, edgesMounted: record.__edgesMounted };
    });
    // Never rendered at zoom 1 first: no full card and none of the lines the overview layer draws were mounted.
    expect(fullCardAt).toBeNull();
    expect(edgesMounted).toBe(0);
    expect(await scale(page)).toBeLessThan(0.25);

    await card(page, 'Org 5').click();
    await expect
      .poll(() => card(page, 'Org 5').locator('xpath=..').getAttribute('class'))
      .toContain('selected');
    expect(alice.errors).toEqual([]);
  });
});
