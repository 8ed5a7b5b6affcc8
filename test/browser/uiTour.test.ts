import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLayoutLocked } from '@interplay/shared';
import { barControl, dropWebSockets, joinBoard, trackWebSockets } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { buildRealisticBoard } from '../support/realisticBoard.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import {
  expectFloatingControlsApart,
  expectNoPageScroll,
  expectPresentModeForTheRoom,
  expectBarsOnOneRow,
  expectToolsEarlyInTabOrder,
  smallestNameOnScreen,
} from '../support/pageLayout.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { addSessionContent } from '../support/sessionContent.ts';
import { connectClient, createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * A tour of every screen of the product at laptop and projector sizes, in
 * English and Dutch, saved as test-output/screenshots/tour-*.png for people to
 * look at. It also asserts the layout rules that keep the board page calm:
 * the page never scrolls (the map fills the window under the header), and the
 * map's floating controls never overlap each other at 1280×800.
 */

const LAPTOP = { width: 1280, height: 800 };
const LANGUAGES = [
  { locale: 'en-GB', code: 'en', nameLabel: 'Your name', join: 'Join the board' },
  { locale: 'nl-NL', code: 'nl', nameLabel: 'Uw naam', join: 'Naar het bord' },
] as const;
type Language = (typeof LANGUAGES)[number];

/** Joins in the tab's language and waits only for the connection (each test waits for what it shows). */
const join = (tab: TestPage, url: string, language: Language, name = 'Fiona Faciliteert'): Promise<void> =>
  joinBoard(tab.page, url, name, { labels: language, waitFor: 'connection' });

async function settle(page: Page, ms = 350): Promise<void> {
  await page.waitForTimeout(ms);
}

describe('UI tour: every screen reads as one product', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let empty: CreatedBoard;
  let tabs: TestPage[] = [];

  const open = async (language: Language, viewport = LAPTOP): Promise<TestPage> => {
    const tab = await newPage(suite.browser, { language: language.locale, viewport });
    tabs.push(tab);
    return tab;
  };

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Netwerk wonen, zorg en onderwijs — regio Zwolle');
    empty = await createBoard(suite.server.url, 'Nieuw netwerk');
    const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await client.whenSynced();
    buildRealisticBoard(client.doc);
    addSessionContent(client.doc);
    await new Promise((resolve) => setTimeout(resolve, 500));
    client.destroy();
  });

  // Each test's pages leave with it, so their cursors do not linger on the next screenshots.
  afterEach(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
    tabs = [];
  });

  it('start page, links and error page', async () => {
    const tab = await open(LANGUAGES[0]);
    const { page } = tab;
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel('Board title').waitFor();
    await expectNoAxeViolations(page, 'start page');
    await screenshot(page, 'tour-start-en');
    await page.getByLabel('Board title').fill('Netwerk wonen en zorg');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('link', { name: 'Open as facilitator' }).waitFor();
    await expectNoAxeViolations(page, 'links page');
    await screenshot(page, 'tour-start-links-en');
    await page.goto(`${suite.server.url}/b/${board.id}?key=wrong-key`);
    await page.getByRole('link').first().waitFor();
    await screenshot(page, 'tour-error-en');
    const nl = await open(LANGUAGES[1]);
    await nl.page.goto(`${suite.server.url}/`);
    await nl.page.getByLabel('Titel van het bord').waitFor();
    await screenshot(nl.page, 'tour-start-nl');
  });

  for (const language of LANGUAGES) {
    it(`board at 1280×800 in ${language.code}: no page scroll, controls apart`, async () => {
      const tab = await open(language);
      const { page } = tab;
      await page.goto(`${suite.server.url}/b/${empty.id}?key=${empty.keys.facilitator}`);
      await page.getByRole('dialog').waitFor();
      await screenshot(page, `tour-name-prompt-${language.code}`);
      await page.getByRole('dialog').getByLabel(language.nameLabel).fill('Fiona Faciliteert');
      await page.getByRole('dialog').getByRole('button', { name: language.join }).click();
      await page.locator('[data-status=connected]').waitFor();
      await settle(page);
      await expectNoPageScroll(page, `empty ${language.code}`);
      await expectFloatingControlsApart(page, `empty ${language.code}`);
      await screenshot(page, `tour-empty-${language.code}`);

      await page.goto(`${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`);
      await page.locator('[data-status=connected]').waitFor();
      await page.getByTestId('organisation-node').first().waitFor();
      await settle(page, 600);
      await expectNoPageScroll(page, `board ${language.code}`);
      await expectFloatingControlsApart(page, `board ${language.code}`);
      if (language.code === 'en') {
        await expectNoAxeViolations(page, 'facilitator, nothing selected');
        // The skip link comes first; the tool bar and Export come before the map's cards.
        await expectToolsEarlyInTabOrder(page, 40);
      }
      await screenshot(page, `tour-board-${language.code}`);

      // The open legend is a popover over the bottom-left corner, above the session tools.
      await page.locator('.ip-legend__toggle').click();
      await page.locator('.ip-legend--open').waitFor();
      await settle(page, 200);
      await expectNoPageScroll(page, `legend ${language.code}`);
      await screenshot(page, `tour-legend-${language.code}`);
      await page.locator('.ip-legend__toggle').click();

      // A selected organisation: the panel is at its longest (fields, give and take, comments).
      await page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Zwolle' }).click();
      await page.getByTestId('side-panel').getByRole('textbox').first().waitFor();
      await settle(page);
      await expectNoPageScroll(page, `organisation panel ${language.code}`);
      await expectFloatingControlsApart(page, `organisation panel ${language.code}`);
      if (language.code === 'en') await expectNoAxeViolations(page, 'facilitator, an organisation selected');
      await screenshot(page, `tour-organisation-${language.code}`);

      // Colour by health: the legend shows the health scale (the bottom bar may hold it under More).
      await (await barControl(page, 'colour-by-health')).check();
      await page.keyboard.press('Escape');
      await page.getByTestId('health-legend').waitFor();
      await settle(page);
      await expectFloatingControlsApart(page, `colour by health ${language.code}`);
      await expectBarsOnOneRow(page, `colour by health ${language.code}`);
      await screenshot(page, `tour-colour-by-health-${language.code}`);
      await (await barControl(page, 'colour-by-health')).uncheck();
      await page.keyboard.press('Escape');

      for (const drawer of ['comments', 'health', 'balance'] as const) {
        await (await barControl(page, `open-${drawer}`)).click();
        await page.getByTestId('insights-drawer').waitFor();
        await settle(page);
        await expectNoPageScroll(page, `${drawer} drawer ${language.code}`);
        await screenshot(page, `tour-drawer-${drawer}-${language.code}`);
        await page.getByTestId('close-drawer').click();
      }
    });
  }

  it('selection panels, dialogs and lists (en)', async () => {
    const language = LANGUAGES[0];
    const tab = await open(language);
    const { page } = tab;
    await join(tab, `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`, language);
    await page.getByTestId('organisation-node').first().waitFor();
    await settle(page, 600);

    await page.getByTestId('person-node').filter({ hasText: 'Anna de Vries' }).click();
    await page.getByTestId('side-panel').getByRole('textbox').first().waitFor();
    await screenshot(page, 'tour-person-en');

    await page
      .locator('.react-flow__edge-relationship .react-flow__edge-interaction')
      .first()
      .dispatchEvent('click');
    await page.getByTestId('strength-1').waitFor();
    await settle(page);
    await expectNoPageScroll(page, 'relationship panel');
    await screenshot(page, 'tour-relationship-en');

    await page.getByTestId('project-label').first().click();
    await settle(page);
    await screenshot(page, 'tour-project-en');

    await page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Zwolle' }).click();
    await page
      .getByTestId('organisation-node')
      .filter({ hasText: 'Provincie Overijssel' })
      .click({ modifiers: ['Control'] });
    await settle(page);
    await screenshot(page, 'tour-multi-en');

    await page.getByTestId('export-button').click();
    await page.getByRole('dialog').waitFor();
    await settle(page);
    await screenshot(page, 'tour-export-en');
    // Focus stays in the dialog however far one tabs, and goes back to Export when it closes.
    for (let stop = 0; stop < 25; stop += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(
      'export-button',
    );

    await page.getByTestId('import-button').click();
    await page.getByRole('dialog').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'organisaties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('naam;sector\nGemeente Zwolle;gemeente\nWijkteam Zuid;welzijn\n'),
    });
    await page.getByTestId('import-preview').waitFor({ timeout: 10_000 });
    await settle(page);
    await screenshot(page, 'tour-import-preview-en');
    await page.keyboard.press('Escape');

    await page.getByTestId('roster').locator('summary').click();
    await settle(page, 200);
    await expectNoPageScroll(page, 'participants menu');
    await screenshot(page, 'tour-facilitator-participants-en');
    await page.getByTestId('roster').locator('summary').click();
    await page.getByTestId('links-menu').locator('summary').click();
    await settle(page, 200);
    await expectNoPageScroll(page, 'links menu');
    await screenshot(page, 'tour-facilitator-links-en');
    await page.getByTestId('links-menu').locator('summary').click();
    await page.locator('.participants__summary').click();
    await settle(page, 200);
    await expectNoPageScroll(page, 'present list');
    await screenshot(page, 'tour-present-list-en');
    await page.locator('.participants__summary').click();
  });

  it('refused-update notice (nl)', async () => {
    const language = LANGUAGES[1];
    const tab = await open(language);
    await trackWebSockets(tab.context);
    const { page } = tab;
    await join(tab, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, language, 'Olga Offline');
    const node = page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Dalfsen' });
    await node.waitFor();
    await settle(page, 500);
    await tab.context.setOffline(true);
    await dropWebSockets(page);
    await page.locator('[data-status=connected]').waitFor({ state: 'detached' });
    // The facilitator locks the layout while this page is away; its move is then refused.
    const facilitator = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    try {
      await facilitator.whenSynced();
      setLayoutLocked(facilitator.doc, true);
      await settle(page, 300);
      const box = await node.boundingBox();
      if (!box) throw new Error('tour: node not visible');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 6);
      await page.mouse.down();
      for (let step = 1; step <= 6; step += 1) {
        await page.mouse.move(box.x + box.width / 2 + step * 12, box.y + box.height - 6 + step * 8);
      }
      await page.mouse.up();
      await tab.context.setOffline(false);
      await page.getByTestId('refusal-notice').waitFor({ timeout: 20_000 });
      await page.locator('[data-status=connected]').waitFor();
      await settle(page, 500);
      await expectNoPageScroll(page, 'refusal notice');
      await screenshot(page, 'tour-refused-nl');
      setLayoutLocked(facilitator.doc, false);
      await settle(page, 300);
    } finally {
      facilitator.destroy();
    }
  });

  it('projector sizes, present mode, view-only and offline', async () => {
    const language = LANGUAGES[1];
    const wide = await open(language, { width: 1440, height: 900 });
    await join(wide, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, language, 'Petra Jansen');
    await wide.page.getByTestId('organisation-node').first().waitFor();
    await settle(wide.page, 600);
    await expectNoPageScroll(wide.page, '1440 nl');
    await expectFloatingControlsApart(wide.page, '1440 nl');
    await expectBarsOnOneRow(wide.page, '1440 nl');
    await expectNoAxeViolations(wide.page, 'participant, nothing selected');
    await screenshot(wide.page, 'tour-participant-1440-nl');

    // A small laptop, as facilitator in Dutch (the longest labels): the side panel starts collapsed to its
    // edge, every bar keeps one row (the rest under Meer), the title shows whole, nothing overlaps.
    const small = await open(language, { width: 1024, height: 768 });
    await join(
      small,
      `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`,
      language,
      'Kees de Boer',
    );
    await small.page.getByTestId('organisation-node').first().waitFor();
    await settle(small.page, 600);
    await expectNoPageScroll(small.page, '1024 nl');
    await expectFloatingControlsApart(small.page, '1024 nl');
    await expectBarsOnOneRow(small.page, '1024 nl');
    expect(await small.page.locator('.ip-panel--collapsed').isVisible()).toBe(true);
    // Names are drawn at the fitted overview (below zoom 0.25 cards would be blank), organisations' large
    // enough to read: the cards show their names alone there, in a large type.
    expect(await small.page.locator('.react-flow.ip-lod-tiny').count()).toBe(0);
    expect((await smallestNameOnScreen(small.page)).px).toBeGreaterThanOrEqual(5);
    expect((await smallestNameOnScreen(small.page, '.ip-org__name')).px).toBeGreaterThanOrEqual(8.5);
    await screenshot(small.page, 'tour-facilitator-1024-nl');
    // What did not fit is one click away, and the panel opens and closes again.
    await small.page.locator('.ip-fbar').getByTestId('overflow-more').click();
    await small.page.getByTestId('links-menu').waitFor();
    await screenshot(small.page, 'tour-facilitator-1024-more-nl');
    await small.page.keyboard.press('Escape');
    const mapWidth = async (): Promise<number> =>
      (await small.page.getByTestId('board-canvas').boundingBox())?.width ?? 0;
    const wideMap = await mapWidth();
    await small.page.getByTestId('panel-toggle').click();
    await small.page.locator('.ip-panel:not(.ip-panel--collapsed)').waitFor();
    expect(await mapWidth()).toBeLessThan(wideMap - 250);
    await expectBarsOnOneRow(small.page, '1024 nl, panel open');
    await expectFloatingControlsApart(small.page, '1024 nl, panel open');
    await screenshot(small.page, 'tour-facilitator-1024-panel-nl');
    await small.page.getByTestId('panel-toggle').click();
    await small.page.locator('.ip-panel--collapsed').waitFor();

    const projector = await open(LANGUAGES[0], { width: 1920, height: 1080 });
    await join(projector, `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`, LANGUAGES[0]);
    await projector.page.getByTestId('organisation-node').first().waitFor();
    await settle(projector.page, 600);
    await expectNoPageScroll(projector.page, '1920 en');
    await expectFloatingControlsApart(projector.page, '1920 en');
    await expectBarsOnOneRow(projector.page, '1920 en');
    await screenshot(projector.page, 'tour-projector-1920-en');
    // A participant points at the map and selects a card, the facilitator selects one: none of it is for the room.
    await wide.page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Kampen' }).click();
    await wide.page.getByTestId('side-panel').getByRole('textbox').first().waitFor();
    await expectNoAxeViolations(wide.page, 'participant, an organisation selected');
    await wide.page.mouse.move(700, 500);
    await projector.page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Zwolle' }).click();
    await projector.page.locator('.ip-remote-cursor').waitFor();
    await projector.page.locator('.ip-remote-selected').waitFor();
    await projector.page.getByTestId('present').click();
    await projector.page.getByTestId('present-exit').waitFor();
    await settle(projector.page, 700);
    await expectPresentModeForTheRoom(projector.page, 'present 1920 en', 18);
    await screenshot(projector.page, 'tour-present-mode-1920-en');
    await projector.page.keyboard.press('Escape');

    const viewer = await open(language);
    await join(
      viewer,
      `${suite.server.url}/b/${board.id}?key=${board.keys.view}`,
      language,
      'Raad van bestuur',
    );
    await viewer.page.getByTestId('view-only-banner').waitFor();
    await settle(viewer.page, 600);
    await expectNoPageScroll(viewer.page, 'viewer nl');
    await expectNoAxeViolations(viewer.page, 'viewer, nothing selected');
    await screenshot(viewer.page, 'tour-viewer-nl');
    await viewer.page.getByTestId('organisation-node').filter({ hasText: 'Gemeente Zwolle' }).click();
    await viewer.page.getByTestId('side-panel').getByRole('textbox').first().waitFor();
    await expectNoAxeViolations(viewer.page, 'viewer, an organisation selected');

    await wide.context.setOffline(true);
    await wide.page.locator('.banner--offline').waitFor({ timeout: 20_000 });
    await settle(wide.page);
    await expectNoPageScroll(wide.page, 'offline nl');
    await screenshot(wide.page, 'tour-offline-nl');
    await wide.context.setOffline(false);
  });
});
