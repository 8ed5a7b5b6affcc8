import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  connect,
  readBoard,
  setPhase,
  todayIso,
  updateRelationship,
} from '@interplay/shared';
import type { OrganisationId, RelationshipId } from '@interplay/shared';
import { exportFile, joinBoard } from '../support/boardPage.ts';
import { newPage, screenshotDir, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import {
  connectClient,
  createBoard,
  waitFor,
  type CreatedBoard,
  type SyncClient,
} from '../support/syncClient.ts';

/**
 * Health checks, maintenance and give-and-take with two participants'
 * Chromium pages and the facilitator's Node client on the real server.
 * Screenshots of the health panel and table (en, nl) go to test-output/screenshots/.
 */

/** Opens the health table and clicks the relationship's row (selects it and centres the map). */
async function selectRelationship(page: Page, ends: string): Promise<void> {
  const drawer = page.getByTestId('health-drawer');
  if (!(await drawer.isVisible())) await page.getByTestId('open-health').click();
  await drawer.getByRole('button', { name: new RegExp(ends) }).click();
  await page.getByTestId('close-drawer').click();
  await page.getByTestId('health-section').waitFor();
}

const stats = (page: Page, dimension: string): Locator =>
  page.getByTestId(`health-${dimension}`).getByTestId('health-dim-stats');

async function viewportShot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

describe('health check, maintenance and give and take (real Chromium pages, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let facilitatorClient: SyncClient;
  let alice: TestPage;
  let bob: TestPage;
  let fresh: RelationshipId;
  let stale: RelationshipId;
  let gemeente: OrganisationId;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Regio Zwolle: wonen en zorg');
    facilitatorClient = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await facilitatorClient.whenSynced();
    const { doc } = facilitatorClient;
    gemeente = addOrganisation(doc, {
      name: 'Gemeente Zwolle',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const veste = addOrganisation(doc, {
      name: 'Woonstichting De Veste',
      sector: 'housing',
      position: { x: 420, y: 0 },
    });
    const ggz = addOrganisation(doc, {
      name: 'GGZ Noord',
      sector: 'mentalHealth',
      position: { x: 200, y: 300 },
    });
    fresh = connect(doc, { source: gemeente, target: veste }) as RelationshipId;
    // Checked together long ago: in need of maintenance (default: after 182 days).
    stale = connect(doc, { source: veste, target: ggz }) as RelationshipId;
    updateRelationship(doc, stale, { lastChecked: '2020-01-15' });
    // Another one that stays stale, for the screenshots.
    const old = connect(doc, { source: gemeente, target: ggz, kind: 'tension' });
    if (old) updateRelationship(doc, old, { lastChecked: '2021-03-01' });
    expect(fresh).not.toBeNull();
    expect(stale).not.toBeNull();

    alice = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    bob = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    const editLink = `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`;
    await joinBoard(alice.page, editLink, 'Alice Aalders');
    await joinBoard(bob.page, editLink, 'Bob Bakker');
  });

  afterAll(async () => {
    await alice?.close().catch(() => undefined);
    await bob?.close().catch(() => undefined);
    facilitatorClient?.destroy();
  });

  it('two participants score one relationship and both see the count, mean and spread', async () => {
    await selectRelationship(alice.page, 'Gemeente Zwolle — Woonstichting De Veste');
    await selectRelationship(bob.page, 'Gemeente Zwolle — Woonstichting De Veste');
    await alice.page.getByTestId('score-trust-7').click();
    await alice.page.getByTestId('score-communication-4').click();
    await bob.page.getByTestId('score-trust-3').click();

    for (const { page } of [alice, bob]) {
      await expect
        .poll(() => stats(page, 'trust').textContent())
        .toBe('2 scores · mean 5.0 · spread ±2.0 (3–7)');
      await expect.poll(() => stats(page, 'communication').textContent()).toBe('1 score · 4.0');
      expect(
        await page.getByTestId('health-trust').getByTestId('health-dots').getAttribute('data-count'),
      ).toBe('2');
      await expect
        .poll(() => page.getByTestId('health-overall').textContent())
        .toBe('Overall mean 4.5 from 2 participants');
    }
    // Each sees their own score pressed, not the other's.
    expect(await alice.page.getByTestId('score-trust-7').getAttribute('aria-pressed')).toBe('true');
    expect(await bob.page.getByTestId('score-trust-7').getAttribute('aria-pressed')).toBe('false');
    // The scale's anchor texts are shown while scoring.
    expect(await alice.page.getByTestId('health-communication').textContent()).toContain('very frequent');
  });

  it('disables scoring outside the scoring phases, with the reason', async () => {
    setPhase(facilitatorClient.doc, 'organisations');
    await alice.page.getByTestId('health-refused').waitFor();
    expect(await alice.page.getByTestId('health-refused').textContent()).toBe(
      'Scoring opens in the scoring phase.',
    );
    expect(await alice.page.getByTestId('score-trust-5').isDisabled()).toBe(true);
    setPhase(facilitatorClient.doc, 'scoring');
    await expect.poll(() => alice.page.getByTestId('score-trust-5').isDisabled()).toBe(false);
  });

  it('colours relationships by health on request', async () => {
    const path = (page: Page, id: string): Locator =>
      page.locator(`[data-testid=relationship-path][data-relationship-id="${id}"]`);
    const kindColour = await path(alice.page, fresh).getAttribute('stroke');
    await alice.page.getByTestId('colour-by-health').check();
    await alice.page.getByTestId('health-legend').waitFor();
    // Mean 4.5: between red and amber; the unscored one is grey.
    await expect.poll(() => path(alice.page, fresh).getAttribute('stroke')).not.toBe(kindColour);
    expect(await path(alice.page, stale).getAttribute('stroke')).toBe('#9aa3ae');

    // The image export follows the map (its option starts ticked): the same colours in the SVG.
    const healthColour = await path(alice.page, fresh).getAttribute('stroke');
    const { bytes } = await exportFile(alice.page, async (dialog) => {
      expect(await dialog.getByTestId('export-colour-by-health').isChecked()).toBe(true);
      await dialog.getByLabel('Image').check();
      await dialog.getByLabel(/^SVG/).check();
    });
    const svg = bytes.toString('utf8');
    const strokeIn = (id: string): string | undefined =>
      new RegExp(`<path[^>]*stroke="(#[0-9a-f]{6})"[^>]*data-id="${id}"`).exec(svg)?.[1];
    expect(strokeIn(fresh)).toBe(healthColour);
    expect(strokeIn(stale)).toBe('#9aa3ae');

    await alice.page.getByTestId('colour-by-health').uncheck();
    await expect.poll(() => path(alice.page, fresh).getAttribute('stroke')).toBe(kindColour);
  });

  it('flags a stale relationship, and "Checked together today" clears the flag for everyone', async () => {
    const edgeFlag = (page: Page): Locator =>
      page.locator(`[data-testid=edge-badges][data-relationship-id="${stale}"]`).getByTestId('edge-stale');
    await edgeFlag(bob.page).waitFor();
    await bob.page.getByTestId('open-health').click();
    const staleRow = bob.page
      .getByTestId('health-row')
      .filter({ hasText: 'Woonstichting De Veste — GGZ Noord' });
    expect(await staleRow.getAttribute('data-stale')).toBe('true');
    await bob.page.getByTestId('close-drawer').click();

    await selectRelationship(alice.page, 'Woonstichting De Veste — GGZ Noord');
    await alice.page.getByTestId('health-stale').waitFor();
    await alice.page.getByTestId('health-checked-today').click();
    await expect.poll(() => edgeFlag(bob.page).count()).toBe(0);
    await expect.poll(() => alice.page.getByTestId('health-stale').count()).toBe(0);
    await waitFor(
      () => readBoard(facilitatorClient.doc).relationships.get(stale)?.lastChecked === todayIso(),
      'the check to reach the facilitator',
    );
  });

  it('shows give and take set on one page on the other and in the balance view', async () => {
    await alice.page
      .getByTestId('organisation-node')
      .filter({ hasText: 'Gemeente Zwolle' })
      .locator('.ip-org__sector, .ip-org__name--overview')
      .click();
    await alice.page.getByTestId('give-take-money-brings-much').click();
    await alice.page.getByTestId('give-take-knowledge-brings-much').click();
    await alice.page.getByTestId('give-take-staff-brings-some').click();
    await alice.page.getByTestId('give-take-clients-takes-some').click();

    await bob.page
      .getByTestId('organisation-node')
      .filter({ hasText: 'Gemeente Zwolle' })
      .locator('.ip-org__sector, .ip-org__name--overview')
      .click();
    await expect
      .poll(() => bob.page.getByTestId('give-take-money-brings-much').getAttribute('aria-pressed'))
      .toBe('true');
    await bob.page.getByTestId('open-balance').click();
    const row = bob.page.getByTestId('balance-row').filter({ hasText: 'Gemeente Zwolle' });
    await expect.poll(() => row.getAttribute('data-brings')).toBe('5');
    expect(await row.getAttribute('data-takes')).toBe('1');
    expect(await row.getAttribute('data-flag')).toBe('bringsMore');
    await viewportShot(bob.page, 'giveTake-balance-en');
    await bob.page.getByTestId('close-drawer').click();
    expect(gemeente).toBeTruthy();
  });

  it('takes screenshots of the health panel and table in English and Dutch', async () => {
    // A third score makes the spread visible.
    const carla = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    try {
      await joinBoard(
        carla.page,
        `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`,
        'Carla de Boer',
      );
      await selectRelationship(carla.page, 'Gemeente Zwolle — Woonstichting De Veste');
      for (const [dimension, value] of [
        ['trust', 6],
        ['relationship', 7],
        ['communication', 6],
        ['informationExchange', 4],
        ['alignment', 5],
        ['goals', 4],
        ['dissent', 8],
      ] as const) {
        await carla.page.getByTestId(`score-${dimension}-${value}`).click();
      }
      await waitFor(
        () => readBoard(facilitatorClient.doc).health.get(fresh)?.scores.length === 3,
        'the third score to reach the facilitator',
      );
    } finally {
      await carla.close();
    }

    for (const language of ['en', 'nl'] as const) {
      const tab = await newPage(suite.browser, {
        language: language === 'nl' ? 'nl-NL' : 'en-GB',
        viewport: { width: 1400, height: 1000 },
      });
      try {
        const { page } = tab;
        await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`, 'Femke', {
          language,
        });
        await selectRelationship(page, 'Gemeente Zwolle — Woonstichting De Veste');
        // Scroll the panel (not the page) so the health check's first dimensions are in view.
        await page.getByTestId('health-section').evaluate((section) => {
          const panel = section.closest('.ip-panel');
          if (panel instanceof HTMLElement && section instanceof HTMLElement) {
            panel.scrollTop += section.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
          }
        });
        await viewportShot(page, `health-panel-${language}`);
        await page.getByTestId('open-health').click();
        await page.getByTestId('health-drawer').waitFor();
        await viewportShot(page, `health-table-${language}`);
        if (language === 'en') {
          // The facilitator lengthens the maintenance period: the 2021 check is no longer stale.
          const staleRows = page.locator('[data-testid=health-row][data-stale]');
          expect(await staleRows.count()).toBe(1);
          await page.getByTestId('stale-after-days').fill('3650');
          await page.getByTestId('stale-after-days').press('Enter');
          await expect.poll(() => staleRows.count()).toBe(0);
          await waitFor(
            () => readBoard(facilitatorClient.doc).settings.staleAfterDays === 3650,
            'the new setting to reach the facilitator client',
          );
          await page.getByTestId('stale-after-days').fill('182');
          await page.getByTestId('stale-after-days').press('Enter');
          await expect.poll(() => staleRows.count()).toBe(1);
        }
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    }
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });
});
