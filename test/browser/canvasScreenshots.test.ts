import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardGrip, joinBoard } from '../support/boardPage.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { REALISTIC_BOARD_COUNTS, buildRealisticBoard } from '../support/realisticBoard.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * Screenshots of a realistic board (25 organisations, 15 people, 4 overlapping
 * projects, 40 relationships) in English and Dutch, for people to look at:
 * the map must read well on a projector. Saved under test-output/screenshots/.
 */

const LANGUAGES = [
  { locale: 'en-GB', code: 'en', nameLabel: 'Your name', join: 'Join the board', legend: 'Show legend' },
  { locale: 'nl-NL', code: 'nl', nameLabel: 'Uw naam', join: 'Naar het bord', legend: 'Legenda tonen' },
] as const;

/**
 * Cards, people and project names the fitted view puts under the tool bar or
 * the bottom row of controls (legend, notes and health tools), by name.
 */
function hiddenUnderControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = ['.ip-toolbar-wrap', '.ip-legend-panel', '.ip-insights__track'].map((selector) =>
      document.querySelector(selector)!.getBoundingClientRect(),
    );
    const items = document.querySelectorAll<HTMLElement>(
      '[data-testid=organisation-node], [data-testid=person-node], [data-testid=project-label]',
    );
    return Array.from(items)
      .filter((item) => {
        const box = item.getBoundingClientRect();
        return controls.some(
          (c) => box.left < c.right && box.right > c.left && box.top < c.bottom && box.bottom > c.top,
        );
      })
      .map((item) => item.getAttribute('aria-label') ?? item.textContent ?? '');
  });
}

describe('screenshots of a realistic board', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Netwerk wonen, zorg en onderwijs — regio Zwolle');
    // Built through the model's commands by a real y-websocket client, as a participant's page would.
    const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await client.whenSynced();
    buildRealisticBoard(client.doc);
    // Let the server store and relay the board before the client goes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    client.destroy();
  });

  for (const language of LANGUAGES) {
    it(`renders the whole board legibly in ${language.code}`, async () => {
      const tab = await newPage(suite.browser, {
        language: language.locale,
        viewport: { width: 1600, height: 1000 },
      });
      try {
        const { page } = tab;
        await joinBoard(
          page,
          `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`,
          'Procesbegeleider',
          {
            labels: language,
            waitFor: 'connection',
          },
        );
        await expect
          .poll(() => page.getByTestId('organisation-node').count())
          .toBe(REALISTIC_BOARD_COUNTS.organisations);
        expect(await page.getByTestId('person-node').count()).toBe(REALISTIC_BOARD_COUNTS.people);
        expect(await page.getByTestId('project-area').count()).toBe(REALISTIC_BOARD_COUNTS.projects);
        expect(await page.getByTestId('relationship-path').count()).toBe(
          REALISTIC_BOARD_COUNTS.relationships,
        );
        // Let the initial fit settle before taking pictures.
        await new Promise((resolve) => setTimeout(resolve, 600));
        await screenshot(page, `canvas-board-${language.code}`);
        expect(await hiddenUnderControls(page)).toEqual([]);

        await page.getByRole('button', { name: language.legend }).click();
        await screenshot(page, `canvas-legend-${language.code}`);
        await page.getByTestId('legend').getByRole('button').click();

        // A relationship selected: its label on the map and every field in the panel.
        await page
          .locator('.react-flow__edge-relationship .react-flow__edge-interaction')
          .first()
          .dispatchEvent('click');
        await page.getByTestId('strength-1').waitFor();
        await screenshot(page, `canvas-relationship-panel-${language.code}`);

        // At 100% zoom, around the municipality in the middle: what a projector shows when zoomed in.
        const zwolle = page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Zwolle' });
        await cardGrip(zwolle).click();
        await page.getByTestId('side-panel').getByRole('textbox').first().waitFor();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.mouse.move(10, 500);
        await page.getByTestId('board-canvas').hover({ position: { x: 600, y: 450 } });
        await page.keyboard.press('f');
        await zoomTo(page, 1);
        await screenshot(page, `canvas-zoomed-${language.code}`);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  it('moves a person added with nothing selected beside the organisation chosen in the side panel', async () => {
    const tab = await newPage(suite.browser, { viewport: { width: 1600, height: 1000 } });
    try {
      const { page } = tab;
      await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Deelnemer', {
        waitFor: 'organisation',
      });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      await page.getByTestId('panel-person-organisation').waitFor();
      await page.keyboard.press('Escape');
      const kampen = page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Kampen' });
      const organisationId = await flowNodeId(kampen);
      await page.getByTestId('panel-person-organisation').selectOption(organisationId);
      const person = page.locator('.react-flow__node.selected');
      // Beside the card (in rows under it), not left where the map's middle was.
      await expect
        .poll(async () => {
          const [a, b] = [await kampen.boundingBox(), await person.boundingBox()];
          return a && b ? Math.hypot(b.x - a.x, b.y - a.y) : Infinity;
        })
        .toBeLessThan(200);
    } finally {
      await tab.close();
    }
  });
});

/** The React Flow node id of a card (its wrapper's data-id). */
async function flowNodeId(card: Locator): Promise<string> {
  return card.evaluate((element) => element.closest('.react-flow__node')?.getAttribute('data-id') ?? '');
}

/** Zooms with the zoom-in/out buttons until the viewport's scale is about `target`. */
async function zoomTo(page: Page, target: number): Promise<void> {
  const scale = async (): Promise<number> =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  for (let i = 0; i < 12; i += 1) {
    const now = await scale();
    if (Math.abs(now - target) < 0.15) return;
    await page
      .locator(now < target ? '.react-flow__controls-zoomin' : '.react-flow__controls-zoomout')
      .click();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
