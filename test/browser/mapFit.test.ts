import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  writeBadgeUnderCardBoard,
  writeTagOnPersonBoard,
} from '../../client/src/canvas/testing/labelBoards.ts';
import { focusMap, joinBoard } from '../support/boardPage.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { buildRealisticBoard } from '../support/realisticBoard.ts';
import { connectClient, createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * Fitting the map (on opening, F, the fit button) keeps every card and person clear of what floats over
 * the map: the minimap, the tool bar, the zoom controls, the legend and the session bar (issue 18).
 */

const OVERLAYS = {
  minimap: '.react-flow__minimap',
  toolbar: '.ip-toolbar-wrap',
  controls: '.react-flow__controls',
  legend: '.ip-legend-panel',
  'session bar': '.ip-insights__track',
} as const;

/** "card under overlay" for each card or person whose box on screen intersects an overlay's. */
function cardsUnderOverlays(page: Page): Promise<string[]> {
  return page.evaluate((overlays) => {
    const found: string[] = [];
    const cards = Array.from(
      document.querySelectorAll<HTMLElement>('[data-testid=organisation-node], [data-testid=person-node]'),
    );
    for (const [name, selector] of Object.entries(overlays)) {
      const overlay = document.querySelector(selector);
      if (!overlay) {
        found.push(`no ${name}`);
        continue;
      }
      const o = overlay.getBoundingClientRect();
      for (const card of cards) {
        const c = card.getBoundingClientRect();
        if (c.left < o.right && o.left < c.right && c.top < o.bottom && o.top < c.bottom)
          found.push(`${card.textContent ?? ''} under ${name}`);
      }
    }
    return found;
  }, OVERLAYS);
}

/** The viewport's transform once it has stopped changing (a fit may animate). */
async function settledTransform(page: Page): Promise<string> {
  const read = () =>
    page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);
  let last = await read();
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** The zoom of a CSS `matrix(…)` transform. */
function zoomOf(transform: string): number {
  return Number(/matrix\(([^,]+),/.exec(transform)?.[1] ?? NaN);
}

describe('fit clear of the minimap and the bars', () => {
  const suite = useBrowserSuite();
  const boards: Record<string, CreatedBoard> = {};

  beforeAll(async () => {
    for (const [name, write] of [
      ['realistic', buildRealisticBoard],
      [
        'labels',
        (doc: Parameters<typeof buildRealisticBoard>[0]) => {
          writeTagOnPersonBoard(doc);
          writeBadgeUnderCardBoard(doc);
        },
      ],
    ] as const) {
      const board = await createBoard(suite.server.url, `Fit ${name}`);
      const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
      await client.whenSynced();
      write(client.doc);
      await new Promise((resolve) => setTimeout(resolve, 400));
      client.destroy();
      boards[name] = board;
    }
  });

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    for (const name of ['realistic', 'labels']) {
      it(`at ${viewport.width}×${viewport.height}, the ${name} board opens, fits with F and with the fit button with no card under an overlay`, async () => {
        const tab = await newPage(suite.browser, { viewport, language: 'nl-NL' });
        try {
          const { page } = tab;
          const board = boards[name]!;
          await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Deelnemer', {
            language: 'nl',
            waitFor: 'organisation',
          });
          await page.locator('.ip-insights__track').waitFor();
          const opened = zoomOf(await settledTransform(page));
          await screenshot(page, `map-fit-open-${name}-${viewport.width}`);
          expect(await cardsUnderOverlays(page), 'on opening').toEqual([]);

          // Somewhere else first, so the fit has something to do.
          await page.locator('.react-flow__controls-zoomin').click();
          await page.locator('.react-flow__controls-zoomin').click();
          await focusMap(page);
          await page.keyboard.press('f');
          const fitted = zoomOf(await settledTransform(page));
          expect(await cardsUnderOverlays(page), 'after F').toEqual([]);
          // Opening fits as F does (a hint on the map while it was empty is no reason to zoom out).
          expect(Math.abs(opened - fitted) / fitted).toBeLessThan(0.1);

          await page.locator('.react-flow__controls-zoomout').click();
          await page.locator('.react-flow__controls-fitview').click();
          await settledTransform(page);
          await screenshot(page, `map-fit-button-${name}-${viewport.width}`);
          expect(await cardsUnderOverlays(page), 'after the fit button').toEqual([]);
          expect(tab.errors).toEqual([]);
        } finally {
          await tab.close();
        }
      });
    }
  }
});
