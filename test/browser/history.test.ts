import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  connect,
  deleteEntities,
  readBoard,
  scoreHealth,
  setStrength,
} from '@interplay/shared';
import type { OrganisationId, RelationshipId } from '@interplay/shared';
import { barControl, cardGrip, JOIN_LABELS, joinBoard, organisationNode } from '../support/boardPage.ts';
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
 * History in real Chromium against the real server: the facilitator (English) names a moment, a participant
 * (Dutch) proposes one and the facilitator confirms it; both look at the map as it was while the live board
 * moves on; the facilitator compares the moment with now and restores it for everyone.
 * Screenshots go to test-output/screenshots/history-*.png.
 */

async function viewportShot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

const names = (page: Page): Promise<string[]> =>
  page
    .getByTestId('past-view')
    .locator('.ip-org__name')
    .allTextContents()
    .then((all) => all.sort());

describe('history: moments, the map as it was, what changed, restore (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let node: SyncClient;
  let femke: TestPage;
  let sanne: TestPage;
  let gemeente: OrganisationId;
  let veste: OrganisationId;
  let tie: RelationshipId;
  let watched: RelationshipId;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Regio Zwolle: wonen en zorg');
    node = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await node.whenSynced();
    const at = (x: number, y: number) => ({ x, y });
    gemeente = addOrganisation(node.doc, {
      name: 'Gemeente Zwolle',
      sector: 'municipality',
      position: at(0, 0),
    });
    veste = addOrganisation(node.doc, {
      name: 'Woonstichting De Veste',
      sector: 'housing',
      position: at(420, 0),
    });
    const ggz = addOrganisation(node.doc, {
      name: 'GGZ Noord',
      sector: 'mentalHealth',
      position: at(200, 300),
    });
    tie = connect(node.doc, { source: gemeente, target: veste, strength: 2 }) as RelationshipId;
    connect(node.doc, { source: veste, target: ggz });
    watched = connect(node.doc, { source: gemeente, target: ggz, kind: 'informal' }) as RelationshipId;
    scoreHealth(node.doc, watched, { id: 'scorer-anne', name: 'Anne' }, 'trust', 4);
    femke = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    sanne = await newPage(suite.browser, { language: 'nl-NL', viewport: { width: 1400, height: 900 } });
    await joinBoard(femke.page, `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`, 'Femke', {
      waitFor: 'organisation',
    });
    await joinBoard(sanne.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Sanne', {
      labels: JOIN_LABELS.nl,
      waitFor: 'organisation',
    });
  });

  afterAll(async () => {
    await femke?.close().catch(() => undefined);
    await sanne?.close().catch(() => undefined);
    node?.destroy();
  });

  it('names, proposes and confirms moments, and shows the map as it was, read-only, while the live board moves on', async () => {
    const page = femke.page;
    await page.getByTestId('open-timeline').click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByTestId('moment-title').fill('Kick-off');
    await timeline.getByTestId('moment-date').fill('2026-03-12');
    await timeline.getByTestId('moment-submit').click();
    await timeline.getByTestId('moment').filter({ hasText: 'Kick-off' }).waitFor();
    expect(await timeline.locator('.ip-timeline__count').textContent()).toBe('1 moment');

    // The network moves on: a new partner, a lost one, a stronger tie, more trust.
    scoreHealth(node.doc, watched, { id: 'scorer-anne', name: 'Anne' }, 'trust', 8);
    addOrganisation(node.doc, { name: 'Rabobank Salland', sector: 'business', position: { x: 700, y: 100 } });
    deleteEntities(node.doc, [veste]);
    setStrength(node.doc, tie, 5);
    await organisationNode(page, 'Rabobank Salland').waitFor();

    // A participant proposes an event, in Dutch; the facilitator confirms it.
    // She renames an organisation first: her undo history must outlive looking at the past.
    await cardGrip(organisationNode(sanne.page, 'GGZ Noord')).click();
    await sanne.page.getByTestId('panel-name').fill('GGZ Noord-Oost');
    await sanne.page.getByTestId('panel-name').press('Enter');
    await organisationNode(page, 'GGZ Noord-Oost').waitFor();
    await sanne.page.getByTestId('open-timeline').click();
    const hers = sanne.page.getByTestId('timeline');
    await hers.getByTestId('moment-title').fill('Wethouder vertrekt');
    await hers.getByTestId('moment-event').check();
    await hers.getByTestId('moment-submit').click();
    await hers.getByText('Voorgesteld door Sanne').waitFor();
    expect(await hers.locator('.ip-timeline__count').textContent()).toBe('2 momenten');
    const proposal = timeline.getByTestId('moment').filter({ hasText: 'Wethouder vertrekt' });
    await proposal.getByTestId('moment-confirm').click({ timeout: 10_000 });
    await expect.poll(() => proposal.getAttribute('data-status')).toBe('confirmed');

    // The map as it was: read-only, with the date, and the live board changes meanwhile.
    const opened = Date.now();
    await timeline.getByTestId('moment').filter({ hasText: 'Kick-off' }).getByTestId('moment-view').click();
    await page.getByTestId('past-view').locator('.ip-org__name').first().waitFor();
    const openMs = Date.now() - opened;
    expect(await page.getByTestId('past-banner').textContent()).toContain('You are looking at 12 March 2026');
    expect(await names(page)).toEqual(['GGZ Noord', 'Gemeente Zwolle', 'Woonstichting De Veste']);
    addOrganisation(node.doc, { name: 'Carmel College', sector: 'education', position: { x: 0, y: 500 } });
    await waitFor(() => readBoard(node.doc).organisations.size === 4, 'the live edit');
    expect(await names(page)).toEqual(['GGZ Noord', 'Gemeente Zwolle', 'Woonstichting De Veste']);
    expect(await page.getByTestId('past-view').locator('[data-read-only]').count()).toBe(1);
    await viewportShot(page, 'history-past-en');

    // The past map exports like the live one: its data as JSON.
    await page.getByTestId('past-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('Data').check();
    await dialog.getByLabel(/^JSON/).check();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByTestId('export-download').click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      organisations: { name: string }[];
    };
    expect(exported.organisations.map((o) => o.name).sort()).toEqual([
      'GGZ Noord',
      'Gemeente Zwolle',
      'Woonstichting De Veste',
    ]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // And as images: an SVG with the names as text, and a PNG, both of the map as it was.
    for (const format of [/^SVG/, /^PNG, normal size/]) {
      await page.getByTestId('past-export').click();
      await dialog.getByLabel('Image').check();
      await dialog.getByLabel(format).check();
      const [image] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        dialog.getByTestId('export-download').click(),
      ]);
      const bytes = await readFile(await image.path());
      if (image.suggestedFilename().endsWith('.svg')) {
        const svg = bytes.toString('utf8');
        // Long names wrap onto lines of their own: look for their words.
        for (const word of ['GGZ Noord', 'Gemeente Zwolle', 'Woonstichting', 'Veste'])
          expect(svg).toContain(word);
        expect(svg).not.toContain('Carmel College');
      } else {
        expect(image.suggestedFilename()).toMatch(/\.png$/);
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(bytes.readUInt32BE(16)).toBeGreaterThan(200);
      }
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    // And the timeline as CSV.
    const [csv] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      timeline.getByTestId('timeline-csv').click(),
    ]);
    const rows = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
    expect(rows[0]).toBe('id,at,kind,status,title,description,trigger,proposedBy,recordedAt');
    expect(rows.slice(1).map((row) => row.split(',').slice(2, 5).join(','))).toEqual([
      'moment,confirmed,Kick-off',
      'event,confirmed,Wethouder vertrekt',
    ]);
    console.log(`history: the map as it was shown ${openMs} ms after the click`);

    // Sanne scrubs the time slider to the first moment, in Dutch.
    const slider = hers.getByTestId('time-slider');
    await slider.focus();
    await slider.press('Home');
    await sanne.page.getByTestId('past-banner').waitFor();
    expect(await sanne.page.getByTestId('past-banner').textContent()).toContain('U bekijkt 12 maart 2026');
    await viewportShot(sanne.page, 'history-past-nl');
    // Scrubbing to the next moment draws it in place: the same map, now with the new partner.
    await sanne.page
      .getByTestId('past-view')
      .locator('.react-flow')
      .evaluate((map) => map.setAttribute('data-probe', 'first'));
    await slider.press('End');
    await expect.poll(() => names(sanne.page)).toContain('Rabobank Salland');
    expect(await sanne.page.locator('.react-flow[data-probe="first"]').count()).toBe(1);
    await sanne.page.getByTestId('back-to-live').click();
    await organisationNode(sanne.page, 'Carmel College').waitFor();
    await sanne.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await sanne.page.keyboard.press('Control+z');
    const orgNames = (): string[] => [...readBoard(node.doc).organisations.values()].map((o) => o.name);
    await waitFor(() => orgNames().includes('GGZ Noord'), 'her undo after looking at the past to arrive');

    await page.getByTestId('back-to-live').click();
    await organisationNode(page, 'Carmel College').waitFor();
  });

  it('compares a moment with now on the map and as a list, and restores it for everyone', async () => {
    const page = femke.page;
    const timeline = page.getByTestId('timeline');
    const kickOff = timeline
      .locator('[data-testid="moment"][data-kind="moment"]')
      .filter({ hasText: 'Kick-off' });
    await kickOff.getByTestId('moment-compare').click();
    const list = page.getByTestId('compare-list');
    await list.waitFor();
    expect(await page.getByTestId('past-banner').textContent()).toContain(
      'Changes from 12 March 2026 to now',
    );
    const items = await list
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-change')}: ${li.textContent ?? ''}`));
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^added: Rabobank Salland/),
        expect.stringMatching(/^added: Carmel College/),
        expect.stringMatching(/^removed: Woonstichting De Veste/),
        expect.stringMatching(/^removed: Woonstichting De Veste – GGZ Noord/),
      ]),
    );
    expect(items).toContain('health: Gemeente Zwolle – GGZ Noord: Trust up from 4.0 to 8.0');
    expect(items).toHaveLength(6);
    const past = page.getByTestId('past-view');
    await expect.poll(() => past.locator('[data-testid="change-mark"][data-change="added"]').count()).toBe(2);
    expect(
      await past.locator('[data-testid="change-mark"][data-change="removed"]').count(),
    ).toBeGreaterThanOrEqual(1);
    await viewportShot(page, 'history-compare-en');

    page.once('dialog', (dialog) => void dialog.accept());
    await kickOff.getByTestId('moment-restore').click();
    await timeline.getByTestId('timeline-notice').filter({ hasText: 'Restored for everyone' }).waitFor();
    // Back to live for everyone: the lost partner returns, the new ones are gone (kept in the checkpoint).
    await organisationNode(sanne.page, 'Woonstichting De Veste').waitFor();
    await waitFor(() => readBoard(node.doc).organisations.size === 3, 'the restore to reach the Node client');
    expect(readBoard(node.doc).relationships.get(tie)?.strength).toBe(2);
    await timeline
      .getByTestId('moment')
      .filter({ hasText: 'Before restoring “Kick-off”' })
      .waitFor({ timeout: 10_000 });

    // The relationship's health over the named moments and now: 4 at the kick-off, 8 later, 4 again.
    // With the timeline open the map is narrow: the bottom bar may hold Health under its More menu.
    await (await barControl(page, 'open-health')).click();
    await page
      .getByTestId('health-drawer')
      .getByRole('button', { name: /Gemeente Zwolle.*GGZ Noord/ })
      .click();
    await page.getByTestId('close-drawer').click();
    const trend = page.getByTestId('health-trend');
    await expect
      .poll(() =>
        trend
          .getByTestId('health-trend-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-mean'))),
      )
      .toEqual(['4', '8', '4']);
    await trend.scrollIntoViewIfNeeded();
    await viewportShot(page, 'history-trend-en');

    // Copy the kick-off into a new board: its facilitator link opens a board with the kick-off's map.
    await kickOff.getByTestId('moment-copy').click();
    const link = await timeline.getByTestId('timeline-notice').locator('a').getAttribute('href');
    const copied = new URL(link ?? '');
    const info = await fetch(
      `${suite.server.url}/api${copied.pathname.replace('/b/', '/boards/')}${copied.search}`,
    );
    expect(((await info.json()) as { title: string; role: string }).role).toBe('facilitator');
    const copyId = copied.pathname.split('/').pop() ?? '';
    const reader = connectClient(suite.server.wsUrl, copyId, copied.searchParams.get('key') ?? '');
    try {
      await reader.whenSynced();
      await waitFor(() => readBoard(reader.doc).organisations.size === 3, 'the copy to hold the kick-off');
    } finally {
      reader.destroy();
    }
    expect(femke.errors).toEqual([]);
    expect(sanne.errors).toEqual([]);
  });
});
