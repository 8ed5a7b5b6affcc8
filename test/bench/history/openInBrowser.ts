import type { Moment } from '@interplay/shared/history/moment';
import { joinBoard } from '../../support/boardPage.ts';
import { launchBrowser, newPage } from '../../support/browser.ts';
import type { ServerHandle } from '../../support/serverProcess.ts';
import type { CreatedBoard } from '../../support/syncClient.ts';

/** A card of the past map (at the overview of a large board its names are not drawn). */
/** Click → state fetched → state decoded → first card of the past map on screen, in ms from the click. */
export interface OpenTimes {
  fetched: number;
  decoded: number;
  drawn: number;
}

const PAST_CARD = '[data-testid="past-view"][data-status="ready"] [data-testid="organisation-node"]';

/**
 * Opens `moments` one after the other on a viewer's board page in headless Chromium, as a reader does
 * (timeline → View), and returns for each the time from the click to the first card of the map as it
 * was on screen: fetching the state, reading it and drawing the map. Each moment is opened for the first time.
 */
export async function openMomentsInBrowser(
  server: ServerHandle,
  board: CreatedBoard,
  moments: readonly Moment[],
): Promise<OpenTimes[]> {
  const browser = await launchBrowser();
  try {
    const { page } = await newPage(browser, { viewport: { width: 1600, height: 900 } });
    await joinBoard(page, `${server.url}/b/${board.id}?key=${board.keys.view}`, 'Bench', {
      waitFor: 'organisation',
    });
    await page.getByTestId('open-timeline').click();
    const times: OpenTimes[] = [];
    for (const moment of moments) {
      const item = page.locator(`[data-testid="moment"][data-moment-id="${moment.id}"]`);
      await item.waitFor({ timeout: 30_000 });
      const started = await page.evaluate(() => {
        performance.clearMarks();
        return performance.now();
      });
      await item.getByTestId('moment-view').click();
      await page.waitForSelector(PAST_CARD, { timeout: 60_000 });
      const [fetched, decoded, now] = await page.evaluate(() => [
        performance.getEntriesByName('interplay:history:fetched')[0]?.startTime ?? NaN,
        performance.getEntriesByName('interplay:history:decoded')[0]?.startTime ?? NaN,
        performance.now(),
      ]);
      times.push({ fetched: fetched! - started, decoded: decoded! - started, drawn: now! - started });
      await page.getByTestId('back-to-live').click();
      await page.getByTestId('organisation-node').first().waitFor({ timeout: 60_000 });
    }
    return times;
  } finally {
    await browser.close();
  }
}
