import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, readBoard, setLayoutLocked, todayIso } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import { computeFigures } from '../../client/src/insight/figures/computeFigures.ts';
import { buildInsightTestNetwork } from '../../client/src/insight/testing/insightTestNetwork.ts';
import type { InsightTestNetwork } from '../../client/src/insight/testing/insightTestNetwork.ts';
import { cardGrip, flowNode, joinBoard, nodeTransform, organisationNode } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import {
  connectClient,
  createBoard,
  waitFor,
  type CreatedBoard,
  type SyncClient,
} from '../support/syncClient.ts';

/**
 * Insight (issue 17) on the fixed test network, through the UI of real Chromium pages against the real
 * server: search, the figures with their known answers (the broker, the isolate, the two shared people,
 * the project without a sponsor), highlights, filters, neighbours, live updates, in English and Dutch.
 * Screenshots of the panel go to test-output/screenshots/insight-*.png.
 */

const dimmed = async (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => element.classList.contains('ip-dimmed'));

/** The insights drawer: opened from the session bar when closed. */
async function openInsights(page: Page, name: string): Promise<Locator> {
  const drawer = page.getByRole('complementary', { name });
  if (!(await drawer.isVisible())) await page.getByTestId('open-insights').click();
  await drawer.getByTestId('insights-panel').waitFor();
  return drawer;
}

describe('insight: search, figures, filters and neighbours (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let writer: SyncClient;
  let network: InsightTestNetwork;
  let en: TestPage;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Netwerk Leiden');
    writer = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await writer.whenSynced();
    network = buildInsightTestNetwork(writer.doc, todayIso());
    en = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    await joinBoard(en.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Sanne', {
      waitFor: 'organisation',
    });
  });

  afterAll(async () => {
    await en?.close();
    writer?.destroy();
  });

  it('finds by name without regard to case or accents, and Enter takes the first hit', async () => {
    const { page } = en;
    await page.getByTestId('board-canvas').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: 'Search' });
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await search.fill('Sleutels');
    await expect(page.getByTestId('search-hit').first().innerText()).resolves.toContain(
      'Woonstichting De Sleutels',
    );
    await search.press('Enter');
    await page.locator('.ip-org--selected', { hasText: 'Woonstichting De Sleutels' }).waitFor();
    await page.keyboard.press('Control+f');
    await search.fill('ggz');
    await expect(page.getByTestId('search-hit').first().innerText()).resolves.toContain('GGZ Rivierduinen');
    await search.press('Escape');
  });

  it('shows the known figures, and a row highlights its items on the map', async () => {
    const { page } = en;
    const drawer = await openInsights(page, 'Insights');
    const brokers = drawer.getByTestId('figure-brokers').getByTestId('figure-row');
    await expect(brokers.first().innerText()).resolves.toContain('Stichting Welzijn Leiden');
    const cut = await drawer.getByTestId('figure-cut').innerText();
    expect(cut).toContain('Stichting Welzijn Leiden');
    expect(cut).toContain('Huisartsen Noord');
    expect(await drawer.getByTestId('figure-isolated').innerText()).toContain('Rabobank Leiden');
    expect(await drawer.getByTestId('figure-weak').innerText()).toContain('Bibliotheek Leiden');
    const overlap = await drawer.getByTestId('figure-overlap').innerText();
    expect(overlap).toContain('Thuis in Leiden and Zorg dichtbij');
    expect(overlap).toContain('shared: Bram Kok, Carla Smit');
    const roles = drawer.getByTestId('figure-roles').getByTestId('figure-row');
    await expect(roles.filter({ hasText: 'Zorg dichtbij' }).innerText()).resolves.toContain('no sponsor');
    await expect(roles.filter({ hasText: 'Leren en werken' }).innerText()).resolves.toContain('no scout');
    expect(await drawer.getByTestId('figure-summary-text').innerText()).toContain('One connected network.');

    await brokers.first().getByRole('button').click();
    await waitFor(async () => dimmed(flowNode(page, 'Rabobank Leiden')), 'others faded by the highlight');
    expect(await dimmed(flowNode(page, 'Stichting Welzijn Leiden'))).toBe(false);
    await screenshot(page, 'insight-panel-en');
    await brokers.first().getByRole('button').click();
    await waitFor(async () => !(await dimmed(flowNode(page, 'Rabobank Leiden'))), 'highlight off');
  });

  it('updates the figures live when the map changes', async () => {
    const { page } = en;
    const drawer = await openInsights(page, 'Insights');
    connect(writer.doc, {
      source: network.id('G') as NodeId,
      target: network.id('A') as NodeId,
      strength: 4,
    });
    await waitFor(
      async () => (await drawer.getByTestId('figure-isolated').innerText()).includes('None'),
      'Rabobank Leiden no longer isolated',
    );
  });

  it('filters by sector with a chip and counts, fading or hiding the rest', async () => {
    const { page } = en;
    await page.getByTestId('open-filters').click();
    await page.getByTestId('filter-sectors').getByLabel('Housing association').check();
    await page.getByTestId('open-filters').click();
    await page.getByTestId('filter-chip').filter({ hasText: 'Sector: Housing association' }).waitFor();
    await expect(page.getByTestId('shown-counts').innerText()).resolves.toContain('1 of 8 organisations');
    await waitFor(async () => dimmed(flowNode(page, 'Gemeente Leiden')), 'Gemeente Leiden faded');
    await page.getByTestId('mode-hide').click();
    await organisationNode(page, 'Gemeente Leiden').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove the filter Sector: Housing association' }).click();
    await organisationNode(page, 'Gemeente Leiden').waitFor();
    expect(await page.getByTestId('filter-chips').count()).toBe(0);
  });

  it("shows a node's neighbours at one step", async () => {
    const { page } = en;
    if (await page.getByTestId('close-drawer').isVisible()) await page.getByTestId('close-drawer').click();
    await page.keyboard.press('f');
    await cardGrip(organisationNode(page, 'Stichting Welzijn Leiden')).click();
    await page.getByTestId('neighbours-1').click();
    await page.getByTestId('mode-dim').click();
    await waitFor(async () => dimmed(flowNode(page, 'Woonstichting De Sleutels')), 'two steps away faded');
    expect(await dimmed(flowNode(page, 'Gemeente Leiden'))).toBe(false);
    expect(await dimmed(flowNode(page, 'ROC Mondriaan'))).toBe(false);
    await page.getByTestId('clear-view').click();
    await waitFor(async () => !(await dimmed(flowNode(page, 'Woonstichting De Sleutels'))), 'view cleared');
  });

  it("shows the facilitator's view to everyone, who can step out of it", async () => {
    const fac = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    try {
      await joinBoard(fac.page, `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`, 'Fenna', {
        waitFor: 'organisation',
      });
      await fac.page.getByTestId('open-filters').click();
      await fac.page.getByTestId('filter-sectors').getByLabel('Municipality').check();
      await fac.page.getByTestId('open-filters').click();
      await fac.page.getByTestId('share-view').click();
      const { page } = en;
      await page.getByTestId('shared-view').getByText('You see the view of Fenna').waitFor();
      await waitFor(async () => dimmed(flowNode(page, 'ROC Mondriaan')), "the facilitator's filter shown");
      expect(await dimmed(flowNode(page, 'Gemeente Leiden'))).toBe(false);
      await page.getByTestId('shared-view-leave').click();
      await waitFor(async () => !(await dimmed(flowNode(page, 'ROC Mondriaan'))), 'stepped out');
      await page.getByTestId('shared-view-back').click();
      await waitFor(async () => dimmed(flowNode(page, 'ROC Mondriaan')), 'stepped back in');
      await fac.page.getByTestId('share-view').click();
      await page.getByTestId('shared-view').waitFor({ state: 'detached' });
      await waitFor(async () => !(await dimmed(flowNode(page, 'ROC Mondriaan'))), 'shared view ended');
      expect(fac.errors).toEqual([]);
    } finally {
      await fac.close();
    }
  });

  it('lays the map out for everyone as one undoable step, and not while the layout is locked', async () => {
    const { page } = en;
    const drawer = await openInsights(page, 'Insights');
    const names = ['Gemeente Leiden', 'Rabobank Leiden', 'Bibliotheek Leiden'];
    const where = (): Promise<string[]> =>
      Promise.all(names.map((name) => nodeTransform(flowNode(page, name))));
    const before = await where();
    const stored = (): string =>
      names
        .map((name) => {
          const node = [...readBoard(writer.doc).organisations.values()].find((o) => o.name === name);
          return `${node?.position.x},${node?.position.y}`;
        })
        .join(' ');
    const storedBefore = stored();
    await drawer.getByTestId('auto-layout').click();
    // Everyone gets the new places: the facilitator's client sees them in the document.
    await waitFor(() => stored() !== storedBefore, 'the layout reaches the document', 20_000);
    await waitFor(
      async () => !(await drawer.getByTestId('auto-layout').isDisabled()),
      'the layout done',
      20_000,
    );
    expect(await where()).not.toEqual(before);
    await page.getByTestId('board-canvas').click({ position: { x: 40, y: 500 } });
    await page.keyboard.press('Control+z');
    await waitFor(() => stored() === storedBefore, 'one undo puts every node back', 10_000);

    // Arranged by cluster: the two halves of the network (the Clusters figure) end up apart.
    await drawer.getByTestId('auto-layout-clusters').click();
    await waitFor(() => stored() !== storedBefore, 'the clustered layout reaches the document', 20_000);
    await waitFor(
      async () => !(await drawer.getByTestId('auto-layout-clusters').isDisabled()),
      'the clustered layout done',
      20_000,
    );
    const board = readBoard(writer.doc);
    const groups = computeFigures(board, todayIso()).clusters.groups;
    const at = (id: string) =>
      board.organisations.get(id as never)?.position ?? board.people.get(id as never)?.position;
    const mean = (pairs: Array<[string, string]>): number =>
      pairs.reduce((sum, [a, b]) => sum + Math.hypot(at(a)!.x - at(b)!.x, at(a)!.y - at(b)!.y), 0) /
      pairs.length;
    const pairs = (same: boolean): Array<[string, string]> =>
      groups.flatMap((members, i) =>
        groups.flatMap((others, j) =>
          (same ? i === j : i < j)
            ? members.flatMap((a) => others.filter((b) => b !== a).map((b): [string, string] => [a, b]))
            : [],
        ),
      );
    expect(mean(pairs(true))).toBeLessThan(0.6 * mean(pairs(false)));
    await screenshot(page, 'insight-layout-clusters-en');
    await page.getByTestId('board-canvas').click({ position: { x: 40, y: 500 } });
    await page.keyboard.press('Control+z');
    await waitFor(() => stored() === storedBefore, 'one undo puts every node back again', 10_000);

    setLayoutLocked(writer.doc, true);
    await waitFor(async () => drawer.getByTestId('auto-layout').isDisabled(), 'locked for participants');
    expect(await drawer.getByTestId('auto-layout-clusters').isDisabled()).toBe(true);
    setLayoutLocked(writer.doc, false);
  });

  it('speaks Dutch: Zoeken, Inzichten, chips and counts', async () => {
    const nl = await newPage(suite.browser, { language: 'nl-NL', viewport: { width: 1400, height: 900 } });
    try {
      const { page } = nl;
      await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.view}`, 'Joost', {
        language: 'nl',
        waitFor: 'organisation',
      });
      const search = page.getByRole('combobox', { name: 'Zoeken' });
      await search.fill('rivierDUINEN');
      await expect(page.getByTestId('search-hit').first().innerText()).resolves.toContain('GGZ Rivierduinen');
      await search.press('Escape');
      await search.press('Escape');
      const drawer = await openInsights(page, 'Inzichten');
      const roles = drawer.getByTestId('figure-roles').getByTestId('figure-row');
      await expect(roles.filter({ hasText: 'Zorg dichtbij' }).innerText()).resolves.toContain('geen sponsor');
      expect(await drawer.getByTestId('figure-overlap').innerText()).toContain(
        'gedeeld: Bram Kok, Carla Smit',
      );
      // The figures as Dutch Excel opens them: Dutch file names and headers, semicolons, UTF-8 with a BOM.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        drawer.getByTestId('export-figures').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/-cijfers-\d{4}-\d{2}-\d{2}\.zip$/);
      const tables = unzipSync(new Uint8Array(await readFile(await download.path())));
      expect(Object.keys(tables)).toEqual(
        expect.arrayContaining(['bruggenbouwers.csv', 'rollen-per-project.csv']),
      );
      const summary = tables['samenvatting.csv']!;
      expect([...summary.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(strFromU8(summary.subarray(3))).toMatch(/^maat;waarde\r\norganisaties;8\r\n/);
      await page.getByTestId('open-filters').click();
      await page.getByTestId('filter-sectors').getByLabel('Woningcorporatie').check();
      await page.getByTestId('open-filters').click();
      await page.getByTestId('filter-chip').filter({ hasText: 'Sector: Woningcorporatie' }).waitFor();
      await expect(page.getByTestId('shown-counts').innerText()).resolves.toContain('1 van 8 organisaties');
      await screenshot(page, 'insight-panel-nl');
      expect(nl.errors).toEqual([]);
    } finally {
      await nl.close();
    }
    expect(en.errors).toEqual([]);
  });
});
