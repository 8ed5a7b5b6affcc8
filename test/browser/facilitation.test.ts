import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, connect } from '@interplay/shared';
import {
  barControl,
  dragBy,
  flowNode,
  joinBoard,
  nodeTransform,
  organisationNode,
} from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, waitFor, type CreatedBoard } from '../support/syncClient.ts';

/**
 * Facilitation with a facilitator page and two participant pages (separate
 * browser contexts) on the real server: follow, bring here, spotlight, locks,
 * phases, present mode and link renewal.
 */

/** Joins and waits for the seeded organisations on the map. */
const join = (page: Page, url: string, name: string): Promise<void> =>
  joinBoard(page, url, name, { waitFor: 'organisation' });

interface View {
  cx: number;
  cy: number;
  zoom: number;
}

/** The centre of the visible map in flow coordinates, and the zoom, from React Flow's viewport transform. */
async function view(page: Page): Promise<View> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const pane = document.querySelector<HTMLElement>('.react-flow');
    if (!viewport || !pane) throw new Error('no React Flow viewport');
    const matrix = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const zoom = matrix.a;
    return {
      cx: (pane.clientWidth / 2 - matrix.e) / zoom,
      cy: (pane.clientHeight / 2 - matrix.f) / zoom,
      zoom,
    };
  });
}

const sameView = (a: View, b: View): boolean =>
  Math.abs(a.cx - b.cx) < 3 && Math.abs(a.cy - b.cy) < 3 && Math.abs(a.zoom - b.zoom) < 0.005;

async function waitForSameView(follower: Page, leader: Page, what: string): Promise<void> {
  await waitFor(async () => sameView(await view(follower), await view(leader)), what, 10_000, 50);
}

/** Zooms the map with the wheel over an empty-ish spot. */
async function zoomBy(page: Page, deltaY: number): Promise<void> {
  await page.mouse.move(520, 420);
  await page.mouse.wheel(0, deltaY);
  // Let the zoom settle and the throttled broadcast go out.
  await page.waitForTimeout(350);
}

async function opacity(locator: Locator): Promise<number> {
  return Number(await locator.evaluate((element) => getComputedStyle(element).opacity));
}

/** Fits the whole map with the F shortcut. */
async function fitView(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('f');
  await page.waitForTimeout(400);
}

describe('facilitation: a facilitator and two participants (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let fac: TestPage;
  let p1: TestPage;
  let p2: TestPage;
  const extra: TestPage[] = [];

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Wonen en zorg Zwolle');
    // Seed through a real y-websocket client with the facilitator key.
    const seed = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await seed.whenSynced();
    const gemeente = addOrganisation(seed.doc, {
      name: 'Gemeente',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const corporatie = addOrganisation(seed.doc, {
      name: 'Corporatie',
      sector: 'housing',
      position: { x: 420, y: 0 },
    });
    const zorg = addOrganisation(seed.doc, { name: 'Zorggroep', sector: 'care', position: { x: 840, y: 0 } });
    addOrganisation(seed.doc, { name: 'Hogeschool', sector: 'education', position: { x: 420, y: 420 } });
    addPerson(seed.doc, { name: 'Anna de Vries', organisationId: gemeente, position: { x: 20, y: 140 } });
    connect(seed.doc, { source: gemeente, target: corporatie });
    connect(seed.doc, { source: corporatie, target: zorg });
    await waitFor(() => seed.provider.synced, 'seed synced');
    await new Promise((resolve) => setTimeout(resolve, 300));
    seed.destroy();

    [fac, p1, p2] = await Promise.all([
      newPage(suite.browser),
      newPage(suite.browser),
      newPage(suite.browser),
    ]);
    fac.page.on('dialog', (dialog) => void dialog.accept());
    const editLink = `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`;
    await join(
      fac.page,
      `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`,
      'Fiona Faciliteert',
    );
    await join(p1.page, editLink, 'Piet Eerste');
    await join(p2.page, editLink, 'Pam Tweede');
  });

  afterAll(async () => {
    for (const page of [fac, p1, p2, ...extra]) await page?.close().catch(() => undefined);
  });

  it('shows the facilitator bar only to the facilitator, and the phase to everyone', async () => {
    await fac.page.getByTestId('follow-me').waitFor();
    expect(await p1.page.getByTestId('follow-me').count()).toBe(0);
    expect(await p1.page.getByTestId('phase-badge').textContent()).toBe('Phase: Open');
    // The participant list shows each connection's role as the server stamped it on their presence.
    await fac.page.getByTestId('roster').locator('summary').click();
    const roster = fac.page.getByRole('list', { name: 'Participants' });
    await roster.getByText('Piet Eerste').waitFor();
    await waitFor(
      async () => (await roster.locator('.ip-roster__role--editor').count()) === 2,
      'two participants listed with their role',
    );
    // It closes as a popover does: on Escape, and on a click outside it (here the Present list's).
    await fac.page.keyboard.press('Escape');
    await expect.poll(() => roster.isVisible()).toBe(false);
    await fac.page.getByTestId('roster').locator('summary').click();
    await roster.waitFor();
    await fac.page.getByTestId('participants').locator('summary').click();
    await expect.poll(() => roster.isVisible()).toBe(false);
    const present = fac.page.getByTestId('participants').locator('.participants__panel');
    await present.waitFor();
    await fac.page.keyboard.press('Escape');
    await expect.poll(() => present.isVisible()).toBe(false);
  });

  it('moves the participants’ view while following, and a participant can step out and back in', async () => {
    await fac.page.getByTestId('follow-me').click();
    await p1.page.getByTestId('follow-pill').getByText('Following Fiona Faciliteert').waitFor();
    await zoomBy(fac.page, -300);
    await waitForSameView(p1.page, fac.page, 'participant 1 to follow the zoom');
    await waitForSameView(p2.page, fac.page, 'participant 2 to follow the zoom');

    // Participant 1 steps out; the facilitator moves again; only participant 2 follows.
    await p1.page.getByRole('button', { name: 'Stop following' }).click();
    const before = await view(p1.page);
    await zoomBy(fac.page, 400);
    await waitForSameView(p2.page, fac.page, 'participant 2 to keep following');
    await p1.page.waitForTimeout(400);
    expect(sameView(await view(p1.page), before)).toBe(true);
    expect(sameView(await view(p1.page), await view(fac.page))).toBe(false);

    // Back in with one click.
    await p1.page.getByRole('button', { name: 'Follow Fiona Faciliteert again' }).click();
    await zoomBy(fac.page, -150);
    await waitForSameView(p1.page, fac.page, 'participant 1 to follow again');

    // Panning with one's own hand also steps out.
    await zoomBy(p2.page, 200);
    await p2.page.getByRole('button', { name: 'Follow Fiona Faciliteert again' }).waitFor();

    await fac.page.getByTestId('follow-me').click();
    await p1.page.getByTestId('follow-pill').waitFor({ state: 'detached' });
  });

  it('brings everyone to the facilitator’s view once, without following', async () => {
    await zoomBy(fac.page, 250);
    expect(sameView(await view(p1.page), await view(fac.page))).toBe(false);
    await fac.page.getByTestId('bring-here').click();
    await waitForSameView(p1.page, fac.page, 'participant 1 to be brought');
    await waitForSameView(p2.page, fac.page, 'participant 2 to be brought');
    const brought = await view(p1.page);
    await zoomBy(fac.page, -250);
    await p1.page.waitForTimeout(400);
    expect(sameView(await view(p1.page), brought)).toBe(true);
  });

  it('a participant link whose presence claims the facilitator role is neither obeyed nor listed as facilitator', async () => {
    const forger = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await forger.whenSynced();
    const before = await view(p1.page);
    const far = { x: 5000, y: -4000, zoom: 2 };
    forger.provider.awareness.setLocalState({
      user: { name: 'Mallory Nep', colour: '#aa0000', role: 'facilitator' },
      facilitation: {
        follow: true,
        viewport: far,
        spotlight: { ids: ['nothing-here'] },
        summon: { viewport: far, nonce: Date.now() },
      },
    });

    await fac.page.getByTestId('roster').locator('summary').click();
    const row = fac.page.locator('.ip-roster__row').filter({ hasText: 'Mallory Nep' });
    await row.waitFor();
    expect(await row.locator('.ip-roster__role').textContent()).toBe('Participant');
    await fac.page.getByTestId('roster').locator('summary').click();
    // Several presence batches later, the participants have not moved, followed or dimmed anything.
    await p1.page.waitForTimeout(600);
    expect(await p1.page.getByTestId('follow-pill').count()).toBe(0);
    expect(sameView(await view(p1.page), before)).toBe(true);
    expect(await opacity(flowNode(p1.page, 'Hogeschool'))).toBe(1);
    forger.destroy();
  });

  it('dims everything but the spotlighted organisation and its neighbourhood for everyone, until ended', async () => {
    await fitView(fac.page);
    await fac.page.waitForTimeout(400);
    await organisationNode(fac.page, 'Gemeente').click();
    await fac.page.getByTestId('spotlight').click();
    await waitFor(
      async () => (await opacity(flowNode(p1.page, 'Hogeschool'))) < 0.3,
      'unrelated node dimmed',
    );
    expect(await opacity(flowNode(p1.page, 'Zorggroep'))).toBeLessThan(0.3);
    expect(await opacity(flowNode(p1.page, 'Gemeente'))).toBe(1);
    expect(await opacity(flowNode(p1.page, 'Corporatie'))).toBe(1);
    expect(await opacity(flowNode(p2.page, 'Corporatie'))).toBe(1);
    await waitFor(async () => (await opacity(flowNode(p2.page, 'Hogeschool'))) < 0.3, 'dimmed on page 2');
    expect(await opacity(flowNode(fac.page, 'Hogeschool'))).toBeLessThan(0.3);

    await screenshot(fac.page, 'facilitation-bar-spotlight-en');
    await fac.page.locator('.language-switch button[lang=nl]').click();
    await fac.page.getByTestId('spotlight').getByText('Uitlichten stoppen').waitFor();
    await screenshot(fac.page, 'facilitation-bar-spotlight-nl');
    await fac.page.locator('.language-switch button[lang=en]').click();

    await fac.page.getByTestId('spotlight').click();
    await waitFor(async () => (await opacity(flowNode(p1.page, 'Hogeschool'))) === 1, 'spotlight ended');
  });

  it('with the layout locked, a participant cannot drag but the facilitator can', async () => {
    await fac.page.getByTestId('lock-layout').click();
    await p1.page.getByTestId('layout-lock-notice').waitFor();
    // The padlock is drawn, not an emoji (which shows as a missing-glyph box without an emoji font).
    expect(await p1.page.getByTestId('layout-lock-notice').textContent()).toBe(
      'The facilitator locked the layout: nothing can be moved',
    );
    await screenshot(p1.page, 'facilitation-layout-lock-notice-en');
    const node = flowNode(p1.page, 'Hogeschool');
    const before = await nodeTransform(node);
    await dragBy(p1.page, node, 120, 60);
    await p1.page.waitForTimeout(500);
    expect(await nodeTransform(node)).toBe(before);
    expect(await nodeTransform(flowNode(fac.page, 'Hogeschool'))).toBe(before);
    expect(await p1.page.getByTestId('refusal-notice').count()).toBe(0);

    await dragBy(fac.page, flowNode(fac.page, 'Hogeschool'), 100, 0);
    await waitFor(
      async () => (await nodeTransform(node)) !== before,
      'the facilitator’s move reaches participants',
    );
    await fac.page.getByTestId('lock-layout').click();
    await p1.page.getByTestId('layout-lock-notice').waitFor({ state: 'detached' });
  });

  it('with the board locked, participant editing is disabled and explained', async () => {
    await fac.page.getByTestId('lock-board').click();
    await p1.page.getByTestId('board-lock-notice').waitFor();
    const add = p1.page.getByTestId('add-organisation');
    await waitFor(() => add.isDisabled(), 'add organisation disabled');
    expect(await add.getAttribute('title')).toContain('The facilitator locked the board');
    await organisationNode(p1.page, 'Corporatie').click();
    await waitFor(
      () => p1.page.locator('.ip-panel__fields input').first().isDisabled(),
      'panel fields disabled',
    );
    await fac.page.getByTestId('lock-board').click();
    await waitFor(async () => !(await add.isDisabled()), 'editing open again');
  });

  it('in the organisations phase a participant cannot add a person, and sees why', async () => {
    await fac.page.getByTestId('phase-select').selectOption('organisations');
    await p1.page.getByTestId('phase-badge').getByText('Phase: Organisations').waitFor();
    const addPerson = p1.page.getByTestId('add-person');
    await waitFor(() => addPerson.isDisabled(), 'add person disabled');
    expect(await addPerson.getAttribute('title')).toContain('People cannot be added in this phase');
    expect(await p1.page.getByTestId('add-organisation').isDisabled()).toBe(false);
    // The shortcut is refused too, with the reason in the hint line.
    const people = await p1.page.getByTestId('person-node').count();
    await p1.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p1.page.keyboard.press('p');
    await p1.page.getByText('People cannot be added in this phase').first().waitFor();
    expect(await p1.page.getByTestId('person-node').count()).toBe(people);
    await fac.page.getByTestId('phase-select').selectOption('open');
    await p1.page.getByTestId('phase-badge').getByText('Phase: Open').waitFor();
    // The reason no longer holds, so the hint goes (it covered the bar's buttons).
    await p1.page.locator('.ip-toolbar__hint').waitFor({ state: 'detached' });
  });

  it('colours every page by health when the facilitator turns it on for everyone, or shares a view with it', async () => {
    const stroke = (page: Page): Promise<string | null> =>
      page.getByTestId('relationship-path').first().getAttribute('stroke');
    const closeMenus = (page: Page): Promise<void> =>
      page.evaluate(() =>
        document.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open')),
      );
    const kindColour = await stroke(p1.page);
    const unscored = '#9aa3ae';

    await (await barControl(fac.page, 'colour-by-health-all')).check();
    await closeMenus(fac.page);
    for (const { page } of [p1, p2]) {
      await expect.poll(() => stroke(page)).toBe(unscored);
      // The legend switches to the health scale; a participant cannot turn it off while it holds.
      await page.getByTestId('health-legend').waitFor();
      const own = await barControl(page, 'colour-by-health');
      expect(await own.isChecked()).toBe(true);
      expect(await own.isDisabled()).toBe(true);
      await closeMenus(page);
    }
    await screenshot(p1.page, 'facilitation-health-for-everyone-en');
    await (await barControl(fac.page, 'colour-by-health-all')).uncheck();
    await closeMenus(fac.page);
    await expect.poll(() => stroke(p1.page)).toBe(kindColour);
    await p1.page.getByTestId('health-legend').waitFor({ state: 'detached' });

    // The facilitator's own colouring goes with their shared view ("Show my view").
    await (await barControl(fac.page, 'colour-by-health')).check();
    await closeMenus(fac.page);
    expect(await stroke(p2.page)).toBe(kindColour);
    await (await barControl(fac.page, 'share-view')).click();
    await expect.poll(() => stroke(p2.page)).toBe(unscored);
    await (await barControl(fac.page, 'share-view')).click();
    await closeMenus(fac.page);
    await expect.poll(() => stroke(p2.page)).toBe(kindColour);
    await (await barControl(fac.page, 'colour-by-health')).uncheck();
    await closeMenus(fac.page);
  });

  it('present mode hides the chrome, enlarges labels and leaves with Escape', async () => {
    await fitView(fac.page);
    await fac.page.keyboard.press('Shift+P');
    await fac.page.getByTestId('present-exit').waitFor();
    expect(await fac.page.locator('.board-header').isVisible()).toBe(false);
    expect(await fac.page.getByTestId('side-panel').isVisible()).toBe(false);
    expect(await fac.page.locator('.react-flow__minimap').isVisible()).toBe(false);
    await fac.page.waitForTimeout(400);
    await screenshot(fac.page, 'facilitation-present-en');
    await fac.page.keyboard.press('Escape');
    await fac.page.getByTestId('present-exit').waitFor({ state: 'detached' });
    expect(await fac.page.locator('.board-header').isVisible()).toBe(true);

    await fac.page.locator('.language-switch button[lang=nl]').click();
    await fac.page.getByTestId('present').click();
    await fac.page.getByTestId('present-exit').getByText('Stoppen (Esc)').waitFor();
    await fac.page.waitForTimeout(400);
    await screenshot(fac.page, 'facilitation-present-nl');
    await fac.page.getByTestId('present-exit').click();
    await fac.page.locator('.language-switch button[lang=en]').click();
  });

  it('renewing the participant link disconnects the old link, and the new link works', async () => {
    await fac.page.getByTestId('links-menu').locator('summary').click();
    await fac.page.getByTestId('renew-edit').click();
    const input = fac.page.getByTestId('renewed-edit');
    await input.waitFor();
    const newLink = await input.inputValue();
    expect(newLink).toContain(`/b/${board.id}?key=`);
    expect(newLink).not.toContain(board.keys.edit);
    await p2.page.getByText('This link no longer works').waitFor();

    const p3 = await newPage(suite.browser);
    extra.push(p3);
    await join(p3.page, newLink, 'Pieter Nieuw');
    await organisationNode(p3.page, 'Gemeente').waitFor();
    expect(fac.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });
});
