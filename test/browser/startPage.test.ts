import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';

/** Errors the shell provokes on purpose (a refused key answers 403) or that say nothing about the page. */
const isExpectedError = (text: string): boolean =>
  /Failed to load resource|WebSocket connection to .* failed/.test(text);

const unexpectedErrors = (tab: TestPage): string[] => tab.errors.filter((text) => !isExpectedError(text));

interface Links {
  facilitator: string;
  edit: string;
  view: string;
}

async function readLinks(page: Page): Promise<Links> {
  const value = (kind: string): Promise<string> => page.locator(`#board-link-${kind}`).inputValue();
  return { facilitator: await value('facilitator'), edit: await value('edit'), view: await value('view') };
}

/** Answers the first-visit name prompt. */
async function enterName(page: Page, label: RegExp, name: string, submit: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel(label).fill(name);
  await dialog.getByRole('button', { name: submit }).click();
  await dialog.waitFor({ state: 'detached' });
}

const participantNames = (page: Page): Promise<string[]> =>
  page.locator('[data-testid=participants] .participant__name').allTextContents();

describe('start page and board page (real server, real Chromium)', () => {
  const suite = useBrowserSuite();
  const tabs: TestPage[] = [];
  const open = async (language: string): Promise<TestPage> => {
    const tab = await newPage(suite.browser, { language });
    tabs.push(tab);
    return tab;
  };
  let links: Links;
  let firstTab: TestPage;

  afterAll(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
  });

  it('creates a board from the start page and shows the three links', async () => {
    firstTab = await open('en-GB');
    const { page } = firstTab;
    await page.goto(suite.server.url + '/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please give the board a title.' }).waitFor();

    await page.getByLabel('Board title').fill('Housing and care network');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('heading', { name: 'Your board “Housing and care network” is ready' }).waitFor();

    links = await readLinks(page);
    const pattern = new RegExp(`^${suite.server.url.replace(/\./g, '\\.')}/b/[^/?]+\\?key=[^&]+$`);
    for (const link of Object.values(links)) expect(link).toMatch(pattern);
    expect(new Set(Object.values(links)).size).toBe(3);
    await expect(page.getByText('Keep it private').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Copy the participant link' }).click();
    await page.locator('.copy__button--done').filter({ hasText: 'Copied' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(links.edit);
    await screenshot(page, 'start-links-en');
    expect(unexpectedErrors(firstTab)).toEqual([]);
  });

  it('shows facilitator and participant to each other as present', async () => {
    // The facilitator arrives through "Open as facilitator" on the start page of the first test.
    const facilitator = firstTab;
    await facilitator.page.getByRole('link', { name: 'Open as facilitator' }).click();
    await facilitator.page.waitForURL(links.facilitator);
    await facilitator.page.getByRole('dialog').waitFor();
    await screenshot(facilitator.page, 'name-prompt-en');
    await enterName(facilitator.page, /Your name/, 'Fiona Facilitator', /Join the board/);

    // The participant joins in Dutch through the participant link.
    const participant = await open('nl-NL');
    await participant.page.goto(links.edit);
    await enterName(participant.page, /Uw naam/, 'Piet Deelnemer', /Naar het bord/);

    await expect
      .poll(() => participantNames(facilitator.page))
      .toEqual(['Fiona Facilitator', 'Piet Deelnemer']);
    await expect
      .poll(() => participantNames(participant.page))
      .toEqual(['Piet Deelnemer', 'Fiona Facilitator']);
    await facilitator.page.getByText('Present (2)').waitFor();
    await participant.page.getByText('Aanwezig (2)').waitFor();

    const header = facilitator.page.locator('.board-header');
    await expect(header.locator('[data-role]').textContent()).resolves.toContain('Facilitator');
    await expect(participant.page.locator('[data-role]').textContent()).resolves.toContain('Deelnemer');
    await facilitator.page.locator('[data-status=connected]').waitFor();
    await participant.page.locator('[data-status=connected]').waitFor();
    await expect(facilitator.page.locator('[data-self] .participant__you').textContent()).resolves.toBe(
      '(you)',
    );

    await facilitator.page.locator('.participants__summary').click();
    await participant.page.locator('.participants__summary').click();
    await screenshot(facilitator.page, 'board-two-participants-en');
    await screenshot(participant.page, 'board-two-participants-nl');

    // The participant leaves; the facilitator sees them go.
    await participant.close();
    await expect.poll(() => participantNames(facilitator.page)).toEqual(['Fiona Facilitator']);
    expect(unexpectedErrors(facilitator)).toEqual([]);
  });

  it('the view-only link shows the banner and the viewer role', async () => {
    const viewer = await open('en-GB');
    await viewer.page.goto(links.view);
    await enterName(viewer.page, /Your name/, 'Vera Viewer', /Join the board/);
    await viewer.page
      .getByTestId('view-only-banner')
      .getByText('View only — you can look, not change.')
      .waitFor();
    await expect(viewer.page.locator('[data-role]').textContent()).resolves.toContain('Viewer');
    await screenshot(viewer.page, 'board-view-only-en');
  });

  it('a wrong key, an unknown board and a missing key each show a clear message with a way back', async () => {
    const { page } = await open('en-GB');
    const boardUrl = new URL(links.edit);
    await page.goto(`${boardUrl.origin}${boardUrl.pathname}?key=not-the-key`);
    await page.getByRole('alert').getByText('This link does not give access to the board.').waitFor();
    await page.getByRole('link', { name: 'Back to the start page' }).waitFor();
    await screenshot(page, 'error-wrong-key-en');

    await page.goto(`${suite.server.url}/b/${'a'.repeat(22)}?key=whatever`);
    await page
      .getByRole('alert')
      .filter({ hasText: /There is no board at this link|not a valid board link/ })
      .waitFor();

    await page.goto(`${boardUrl.origin}${boardUrl.pathname}`);
    await page.getByRole('alert').getByText('This link is missing its key.').waitFor();

    await page.getByRole('link', { name: 'Back to the start page' }).click();
    await page.getByRole('heading', { name: 'New board' }).waitFor();

    const dutch = await open('nl-NL');
    await dutch.page.goto(`${boardUrl.origin}${boardUrl.pathname}?key=not-the-key`);
    await dutch.page.getByRole('alert').getByText('Deze link geeft geen toegang tot het bord.').waitFor();
    await screenshot(dutch.page, 'error-wrong-key-nl');
  });

  it('starts in Dutch for a Dutch browser and remembers a language switch', async () => {
    const { page } = await open('nl-NL');
    await page.goto(suite.server.url + '/');
    await page.getByRole('heading', { name: 'Nieuw bord' }).waitFor();
    await page.getByLabel('Titel van het bord').fill('Onderwijsnetwerken regio');
    await page.getByRole('button', { name: 'Bord maken' }).click();
    await page.getByRole('heading', { name: 'Uw bord “Onderwijsnetwerken regio” staat klaar' }).waitFor();
    await screenshot(page, 'start-links-nl');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Create another board' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'New board' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });
});
