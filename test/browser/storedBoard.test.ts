import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { addOrganisation, addPerson, addProject, connect } from '@interplay/shared';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import type { TestPage } from '../support/browser.ts';
import { buildStoredBoardPage } from '../support/storedBoardPage.ts';
import type { StoredBoardBundle } from '../support/storedBoardPage.ts';

/** A board as the server stores it: built with the model's commands, encoded as one Yjs update. */
function storedBoard() {
  const doc = new Y.Doc();
  const gemeente = addOrganisation(doc, {
    name: 'Gemeente Deventer',
    sector: 'municipality',
    position: { x: 0, y: 0 },
  });
  const woonstad = addOrganisation(doc, { name: 'Woonstad', sector: 'housing', position: { x: 420, y: 40 } });
  const anna = addPerson(doc, {
    name: 'Anna de Vries',
    organisationId: woonstad,
    position: { x: 460, y: 200 },
  });
  const line = connect(doc, { source: gemeente, target: woonstad, kind: 'funding', strength: 4 });
  addProject(doc, { name: 'Wijkaanpak', memberIds: [gemeente, woonstad] });
  return { update: [...Y.encodeStateAsUpdate(doc)], gemeente, woonstad, anna, line };
}

/** Opens a websocket counter before the page's scripts, to show that none is opened. */
const COUNT_SOCKETS = `(() => {
  window.__sockets = 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) { window.__sockets += 1; super(...args); }
  };
})();`;

describe('the map shows a stored board state read-only, without a session or a websocket', () => {
  let browser: Browser;
  let bundle: StoredBoardBundle;
  let tab: TestPage;

  beforeAll(async () => {
    [browser, bundle] = await Promise.all([launchBrowser(), buildStoredBoardPage()]);
  });
  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    bundle?.cleanup();
  });

  it('draws the names, the lines and the project of the stored state, and offers no editing', async () => {
    const board = storedBoard();
    tab = await newPage(browser);
    await tab.page.addInitScript(COUNT_SOCKETS);
    await bundle.open(tab.page, { update: board.update });
    const page = tab.page;

    await page.getByTestId('organisation-node').first().waitFor();
    expect(
      await page
        .getByTestId('organisation-node')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label'))),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Gemeente Deventer'),
        expect.stringContaining('Woonstad'),
      ]),
    );
    await expect
      .poll(() => page.locator('.ip-org__name').allTextContents())
      .toEqual(expect.arrayContaining(['Gemeente Deventer', 'Woonstad']));
    expect(await page.locator('.ip-person__name').allTextContents()).toEqual(['Anna de Vries']);
    const line = page.locator(`[data-testid="relationship-path"][data-relationship-id="${board.line}"]`);
    await line.waitFor();
    expect(await line.getAttribute('data-kind')).toBe('funding');
    expect(await line.getAttribute('data-strength')).toBe('4');
    await expect.poll(() => page.getByTestId('affiliation-path').count()).toBe(1);
    expect(await page.getByTestId('project-label').allTextContents()).toEqual(['Wijkaanpak']);

    expect(await page.getByTestId('add-organisation').count()).toBe(0);
    expect(await page.evaluate('window.__sockets')).toBe(0);
    await screenshot(page, 'stored-board-read-only');
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('shows the view it is given: hidden nodes go with their lines, dimmed ones are faded', async () => {
    const board = storedBoard();
    tab = await newPage(browser);
    await bundle.open(tab.page, { update: board.update, hidden: [board.anna], dimmed: [board.gemeente] });
    const page = tab.page;

    await page.getByTestId('organisation-node').first().waitFor();
    await page.locator(`[data-testid="relationship-path"][data-relationship-id="${board.line}"]`).waitFor();
    expect(await page.getByTestId('person-node').count()).toBe(0);
    expect(await page.getByTestId('affiliation-path').count()).toBe(0);
    const faded = (id: string) =>
      page
        .locator(`.react-flow__node[data-id="${id}"]`)
        .evaluate((node) => node.classList.contains('ip-dimmed'));
    expect([await faded(board.gemeente), await faded(board.woonstad)]).toEqual([true, false]);
    expect(
      await page
        .locator(`.react-flow__edge[data-id="${board.line}"]`)
        .evaluate((edge) => getComputedStyle(edge).opacity),
    ).not.toBe('1');
    expect(tab.errors).toEqual([]);
  });
});
