import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation } from '@interplay/shared';
import {
  cardGrip,
  commentBadgeCount,
  dragBy,
  flowNode,
  goOffline,
  joinBoard,
  nodeTransform,
  organisationNode,
  selectOrganisation,
  trackWebSockets,
} from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, waitFor, type CreatedBoard } from '../support/syncClient.ts';

/**
 * Issue 14, "nothing allowed is ever lost": a participant works offline while the facilitator locks the
 * layout. When the page comes back, the server applies everything the lock allows (a new organisation, a
 * rename, a comment) and reverts only the move, as its own edit that reaches every page; the page that made
 * the move keeps its session (no reload) and says, in words, what was not applied and why.
 */

interface MarkedWindow {
  __sameDocument?: boolean;
}

describe('offline edits under a lock that arrived meanwhile (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let fac: TestPage;
  let olga: TestPage;
  let piet: TestPage;
  let join: (tab: TestPage, key: string, name: string) => Promise<void>;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Onderwijs en arbeidsmarkt Utrecht');
    const seed = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await seed.whenSynced();
    // Far apart, so a card added in the middle of the view lands clear of all of them.
    addOrganisation(seed.doc, { name: 'ROC Mondriaan', sector: 'education', position: { x: 0, y: 0 } });
    addOrganisation(seed.doc, {
      name: 'Gemeente Utrecht',
      sector: 'municipality',
      position: { x: 900, y: 0 },
    });
    addOrganisation(seed.doc, { name: 'UWV', sector: 'government', position: { x: 0, y: 500 } });
    addOrganisation(seed.doc, { name: 'Techniek Utrecht', sector: 'business', position: { x: 900, y: 500 } });
    await waitFor(() => seed.provider.synced, 'seed synced');
    await new Promise((resolve) => setTimeout(resolve, 300));
    seed.destroy();

    [fac, olga, piet] = await Promise.all([
      newPage(suite.browser),
      newPage(suite.browser),
      newPage(suite.browser),
    ]);
    await trackWebSockets(olga.context);
    join = (tab, key, name) =>
      joinBoard(tab.page, `${suite.server.url}/b/${board.id}?key=${key}`, name, { waitFor: 'organisation' });
    await join(fac, board.keys.facilitator, 'Femke Facilitator');
    await join(olga, board.keys.edit, 'Olga Offline');
    await join(piet, board.keys.edit, 'Piet Online');
  });

  const extra: TestPage[] = [];
  afterAll(async () => {
    for (const tab of [fac, olga, piet, ...extra]) await tab?.close().catch(() => undefined);
  });

  it('applies the allowed offline edits everywhere, reverts the move on every page and says why', async () => {
    const { page } = olga;
    const before = await nodeTransform(flowNode(fac.page, 'ROC Mondriaan'));
    await page.evaluate(() => {
      (window as MarkedWindow).__sameDocument = true;
    });

    await goOffline(olga.context, page);
    await fac.page.getByTestId('lock-layout').click();
    await piet.page.getByTestId('layout-lock-notice').waitFor();

    // Offline, Olga's page does not know about the lock: it lets her do all four.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('o');
    const inlineName = page.locator('.ip-inline-name');
    await inlineName.fill('Stichting Leerwerkplaats');
    await inlineName.press('Enter');
    await organisationNode(page, 'Stichting Leerwerkplaats').waitFor();

    await cardGrip(organisationNode(page, 'Gemeente Utrecht')).click();
    const panelName = page.getByTestId('panel-name');
    await panelName.fill('Gemeente Utrecht (Werk en Inkomen)');
    await panelName.press('Enter');
    await organisationNode(page, 'Gemeente Utrecht (Werk en Inkomen)').waitFor();

    await selectOrganisation(page, 'UWV');
    await page.getByTestId('comment-new-text').fill('Wie kent hun regioteam?');
    await page.getByTestId('comment-new-send').click();
    await expect.poll(() => commentBadgeCount(page, 'UWV')).toBe('1');

    const dragged = flowNode(page, 'ROC Mondriaan');
    await dragBy(page, dragged, 120, 80);
    await waitFor(async () => (await nodeTransform(dragged)) !== before, 'the offline page moved the card');

    await olga.context.setOffline(false);
    await page.locator('[data-status=connected]').waitFor({ timeout: 20_000 });

    for (const other of [piet.page, fac.page]) {
      await organisationNode(other, 'Stichting Leerwerkplaats').waitFor({ timeout: 20_000 });
      await organisationNode(other, 'Gemeente Utrecht (Werk en Inkomen)').waitFor();
      await expect.poll(() => commentBadgeCount(other, 'UWV')).toBe('1');
    }
    await selectOrganisation(piet.page, 'UWV');
    await expect
      .poll(() => piet.page.getByTestId('comment-thread').textContent())
      .toContain('Wie kent hun regioteam?');

    // The server's revert brings the card back on the page that moved it, without a reload.
    await waitFor(
      async () => (await nodeTransform(dragged)) === before,
      'the move reverted on the offline page',
    );
    for (const tab of [piet, fac])
      expect(await nodeTransform(flowNode(tab.page, 'ROC Mondriaan'))).toBe(before);
    expect(await page.evaluate(() => (window as MarkedWindow).__sameDocument)).toBe(true);
    // Everything allowed is still on Olga's page too.
    await organisationNode(page, 'Stichting Leerwerkplaats').waitFor();
    await organisationNode(page, 'Gemeente Utrecht (Werk en Inkomen)').waitFor();

    const notice = page.getByTestId('refusal-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain(
      'Your move of ROC Mondriaan was not applied: the layout is locked.',
    );
    await screenshot(page, 'offline-refusal-en');

    await page.locator('.language-switch button[lang=nl]').click();
    await notice
      .getByText('Uw verplaatsing van ROC Mondriaan is niet doorgevoerd: de indeling is vergrendeld.')
      .waitFor();
    await screenshot(page, 'offline-refusal-nl');
    await notice.getByRole('button', { name: 'Sluiten' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.locator('.language-switch button[lang=en]').click();

    for (const tab of [fac, piet]) expect(tab.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
    expect(await piet.page.getByTestId('refusal-notice').count()).toBe(0);
    await fac.page.getByTestId('lock-layout').click();
    await piet.page.getByTestId('layout-lock-notice').waitFor({ state: 'detached' });
  });

  it('sums up several refused changes and lists the first of them, while the comment goes through', async () => {
    const { page } = olga;
    await goOffline(olga.context, page);
    await fac.page.getByTestId('lock-board').click();
    await piet.page.getByTestId('board-lock-notice').waitFor();

    const renames: [string, string][] = [
      ['ROC Mondriaan', 'ROC Mondriaan Utrecht'],
      ['UWV', 'UWV Midden-Utrecht'],
    ];
    for (const [name, renamed] of renames) {
      await cardGrip(organisationNode(page, name)).click();
      await page.getByTestId('panel-name').fill(renamed);
      await page.getByTestId('panel-name').press('Enter');
      await organisationNode(page, renamed).waitFor();
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('o');
    await page.locator('.ip-inline-name').fill('Nieuwe Partner');
    await page.locator('.ip-inline-name').press('Enter');
    await organisationNode(page, 'Nieuwe Partner').waitFor();
    await selectOrganisation(page, 'Stichting Leerwerkplaats');
    await page.getByTestId('comment-new-text').fill('Zij leveren de stageplekken.');
    await page.getByTestId('comment-new-send').click();
    const dragged = flowNode(page, 'Stichting Leerwerkplaats');
    const before = await nodeTransform(dragged);
    await dragBy(page, dragged, 100, 60);
    await waitFor(async () => (await nodeTransform(dragged)) !== before, 'the offline page moved the card');

    await olga.context.setOffline(false);
    const notice = page.getByTestId('refusal-notice');
    await notice
      .getByText('4 of your changes were not applied: the board is locked.')
      .waitFor({ timeout: 20_000 });
    const items = await notice.locator('li').allTextContents();
    expect(items).toHaveLength(4);
    expect(items.at(-1)).toBe('and 1 more');
    await expect.poll(() => commentBadgeCount(piet.page, 'Stichting Leerwerkplaats')).toBe('1');
    await waitFor(
      async () => (await nodeTransform(dragged)) === before,
      'the move reverted on the offline page',
    );
    await organisationNode(page, 'ROC Mondriaan Utrecht').waitFor({ state: 'detached' });
    await organisationNode(page, 'Nieuwe Partner').waitFor({ state: 'detached' });
    expect(await organisationNode(piet.page, 'UWV Midden-Utrecht').count()).toBe(0);
    await screenshot(page, 'offline-refusal-several-en');

    await page.locator('.language-switch button[lang=nl]').click();
    await notice.getByText('4 van uw wijzigingen zijn niet doorgevoerd: het bord is vergrendeld.').waitFor();
    expect(await notice.locator('li').last().textContent()).toBe('en nog 1 wijziging');
    await screenshot(page, 'offline-refusal-several-nl');
    await page.locator('.language-switch button[lang=en]').click();
    await fac.page.getByTestId('lock-board').click();
  });

  it('a view-only page whose comment came after viewers lost the right drops it, says why and stays', async () => {
    const vera = await newPage(suite.browser);
    extra.push(vera);
    await trackWebSockets(vera.context);
    const { page } = vera;
    await fac.page.getByTestId('open-comments').click();
    await fac.page.getByTestId('viewers-may-comment').check();
    await join(vera, board.keys.view, 'Vera Viewer');
    await selectOrganisation(page, 'ROC Mondriaan');
    await page.getByTestId('comment-new-text').waitFor();
    await page.evaluate(() => {
      (window as MarkedWindow).__sameDocument = true;
    });

    await goOffline(vera.context, page);
    await fac.page.getByTestId('viewers-may-comment').uncheck();
    await fac.page.getByTestId('close-drawer').click();
    await page.getByTestId('comment-new-text').fill('Alleen voor mij zichtbaar?');
    await page.getByTestId('comment-new-send').click();
    await expect.poll(() => commentBadgeCount(page, 'ROC Mondriaan')).toBe('1');

    await vera.context.setOffline(false);
    const notice = page.getByTestId('refusal-notice');
    await notice
      .getByText('Your change to the board was not applied: your link is view-only.')
      .waitFor({ timeout: 20_000 });
    // The server applied nothing of it: the page drops its copy and shows the board as everyone has it.
    await expect.poll(() => commentBadgeCount(page, 'ROC Mondriaan'), { timeout: 20_000 }).toBeNull();
    await page.locator('[data-status=connected]').waitFor();
    expect(await page.evaluate(() => (window as MarkedWindow).__sameDocument)).toBe(true);
    expect(await commentBadgeCount(piet.page, 'ROC Mondriaan')).toBeNull();
    await screenshot(page, 'offline-refusal-viewer-en');
  });
});
