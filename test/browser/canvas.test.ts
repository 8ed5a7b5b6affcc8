import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  cardGrip,
  dropWebSockets,
  focusMap,
  joinBoard,
  organisationNode,
  trackWebSockets,
} from '../support/boardPage.ts';
import { newPage, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * The live map with two real Chromium pages (two "laptops", separate storage)
 * on the real server: what one draws, the other sees.
 */

const person = (page: Page, name: string): Locator =>
  page.getByTestId('person-node').filter({ hasText: name });
const relationshipPath = (page: Page): Locator => page.getByTestId('relationship-path');

/** Selects organisations by name (the first plainly, the others with Ctrl). */
async function selectOrganisations(page: Page, names: readonly string[]): Promise<void> {
  for (const [index, name] of names.entries()) {
    await organisationNode(page, name)
      .locator('.ip-org__sector')
      .click(index === 0 ? {} : { modifiers: ['Control'] });
  }
}

describe('the live network map (two real Chromium pages, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let alice: TestPage;
  let bob: TestPage;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Regio Zwolle');
    alice = await newPage(suite.browser);
    bob = await newPage(suite.browser);
    // Test instrumentation (not app code): remember Alice's websockets so the offline test can drop them.
    await trackWebSockets(alice.context);
    // Both browsers start with the same colour; the board must show them in different ones.
    const sameColour = `localStorage.getItem('interplay.user') ?? localStorage.setItem('interplay.user', '{"name":"","colour":"#1f6fd1"}')`;
    for (const { context } of [alice, bob]) await context.addInitScript(sameColour);
    const editLink = `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`;
    await joinBoard(alice.page, editLink, 'Alice Aalders');
    await joinBoard(bob.page, editLink, 'Bob Bakker');
  });

  afterAll(async () => {
    await alice?.close().catch(() => undefined);
    await bob?.close().catch(() => undefined);
  });

  it('shows two people who came with the same colour in different colours', async () => {
    const dots = alice.page.getByTestId('participants').locator('.participants__dot');
    await expect.poll(() => dots.count()).toBe(2);
    const colours = await dots.evaluateAll((all) => all.map((d) => getComputedStyle(d).backgroundColor));
    expect(new Set(colours).size).toBe(2);
  });

  it('shows an organisation and a person with roles added on one page on the other', async () => {
    const { page } = alice;
    await addOrganisation(page, 'Gemeente Zwolle');
    await page.getByTestId('panel-sector').selectOption('municipality');

    // P with the organisation selected adds a person in it.
    await focusMap(page);
    await page.keyboard.press('p');
    const input = page.locator('.ip-inline-name');
    await input.fill('Anna de Vries');
    await input.press('Enter');
    // A board change shows on the next animation frame (observeBoardByFrame), not within the click:
    // click, then wait for the box to show the role.
    for (const role of ['sponsor', 'connector']) {
      const box = page.getByTestId(`role-${role}`);
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }

    await organisationNode(bob.page, 'Gemeente Zwolle')
      .and(bob.page.locator('[data-sector=municipality]'))
      .waitFor();
    const anna = person(bob.page, 'Anna de Vries');
    await anna.locator('[data-role=sponsor]').waitFor();
    await anna.locator('[data-role=connector]').waitFor();
    expect(await anna.locator('[data-role=scout]').count()).toBe(0);
    await expect.poll(() => anna.locator('.ip-person__initials').textContent()).toBe('AV');
    // The person's thin link to their organisation.
    await bob.page.getByTestId('affiliation-path').waitFor();
  });

  it('draws a relationship on one page that the other sees with its thickness, style and colour', async () => {
    const { page } = alice;
    await addOrganisation(page, 'Woonstichting De Veste');
    await selectOrganisations(page, ['Gemeente Zwolle', 'Woonstichting De Veste']);
    await focusMap(page);
    await page.keyboard.press('r');

    // The new relationship is selected: set its kind and form in the panel.
    await page.getByTestId('panel-kind').selectOption('tension');
    await page.getByTestId('panel-form').selectOption('adjust');
    await page.getByTestId('panel-direction').selectOption('oneWay');
    // The first one selected is the source; Swap direction turns the arrow round for everyone.
    const ends = () => page.getByTestId('panel-ends').textContent();
    const [a, b] = ['Gemeente Zwolle', 'Woonstichting De Veste'];
    const swap = () => page.getByTestId('panel-swap-direction').click();
    await expect.poll(ends).toBe(`${a} → ${b}`);
    await swap().then(() => expect.poll(ends).toBe(`${b} → ${a}`));
    await swap().then(() => expect.poll(ends).toBe(`${a} → ${b}`));
    // Screen readers hear the line by its ends' names, not their ids.
    const label = () => page.locator('.react-flow__edge-relationship').getAttribute('aria-label');
    await expect.poll(label).toBe('Relationship from Gemeente Zwolle to Woonstichting De Veste');

    const edge = relationshipPath(bob.page);
    await expect.poll(() => edge.getAttribute('data-kind')).toBe('tension');
    await expect.poll(() => edge.getAttribute('data-form')).toBe('adjust');
    // Strength 3 by default: 1.5 + 2 × 1.6 px; adjust is dashed; tension is red.
    expect(await edge.getAttribute('stroke-width')).toBe('4.7');
    expect(await edge.getAttribute('stroke-dasharray')).toMatch(/^\d+(\.\d+)? \d+(\.\d+)?$/);
    expect(await edge.getAttribute('stroke')).toBe('#d1242f');
    expect(await bob.page.locator('.react-flow__edge polygon').count()).toBe(1);
  });

  it('updates the other page when one edits the strength', async () => {
    await alice.page.getByTestId('strength-5').click();
    await expect.poll(() => relationshipPath(bob.page).getAttribute('stroke-width')).toBe('7.9');

    // And the other way round.
    await bob.page
      .locator('.react-flow__edge-relationship .react-flow__edge-interaction')
      .dispatchEvent('click');
    await bob.page.getByTestId('strength-1').click();
    await expect.poll(() => relationshipPath(alice.page).getAttribute('stroke-width')).toBe('1.5');
    await bob.page.getByTestId('panel-form').selectOption('interweave');
    await expect.poll(() => relationshipPath(alice.page).getAttribute('stroke-dasharray')).toBe(null);
  });

  it('draws a relationship by dragging from one node’s dot to another node', async () => {
    const { page } = alice;
    await addOrganisation(page, 'GGD IJsselland');
    const before = await relationshipPath(bob.page).count();
    const source = organisationNode(page, 'GGD IJsselland');
    await source.hover();
    const handle = source.locator('.ip-handle-source');
    const from = await handle.boundingBox();
    const to = await organisationNode(page, 'Gemeente Zwolle').boundingBox();
    if (!from || !to) throw new Error('handle or target not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => relationshipPath(bob.page).count()).toBe(before + 1);
  });

  it('shows a project around two organisations as an area on both pages', async () => {
    const { page } = alice;
    await selectOrganisations(page, ['Gemeente Zwolle', 'Woonstichting De Veste']);
    await focusMap(page);
    await page.keyboard.press('j');
    for (const tab of [alice, bob]) {
      await tab.page.getByTestId('project-area').waitFor();
      await tab.page.getByTestId('project-label').filter({ hasText: 'Project 1' }).waitFor();
    }
    // The area encloses both members on the other page.
    const area = await bob.page.getByTestId('project-area').boundingBox();
    for (const name of ['Gemeente Zwolle', 'Woonstichting De Veste']) {
      const box = await organisationNode(bob.page, name).boundingBox();
      if (!area || !box) throw new Error('area or member not on screen');
      expect(box.x).toBeGreaterThanOrEqual(area.x);
      expect(box.y).toBeGreaterThanOrEqual(area.y);
      expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width);
      expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height);
    }
  });

  it('undoes only one’s own edit, never the other person’s', async () => {
    // Alice renames one organisation, then Bob renames another.
    await cardGrip(organisationNode(alice.page, 'GGD IJsselland')).click();
    const aliceName = alice.page.getByTestId('panel-name');
    await aliceName.fill('GGD IJsselland (Alice)');
    await aliceName.press('Enter');
    await organisationNode(bob.page, 'GGD IJsselland (Alice)').waitFor();

    await cardGrip(organisationNode(bob.page, 'Woonstichting De Veste')).click();
    const bobName = bob.page.getByTestId('panel-name');
    await bobName.fill('De Veste (Bob)');
    await bobName.press('Enter');
    await organisationNode(alice.page, 'De Veste (Bob)').waitFor();

    await focusMap(alice.page);
    await alice.page.keyboard.press('Control+z');
    for (const tab of [alice, bob]) {
      await organisationNode(tab.page, 'GGD IJsselland').filter({ hasNotText: '(Alice)' }).waitFor();
      await organisationNode(tab.page, 'De Veste (Bob)').waitFor();
    }
    // Redo brings Alice's edit back.
    await alice.page.keyboard.press('Control+Shift+z');
    await organisationNode(bob.page, 'GGD IJsselland (Alice)').waitFor();
  });

  it('moves a dragged node on the other page, and undoes the whole drag as one step', async () => {
    const onAlice = organisationNode(alice.page, 'Gemeente Zwolle');
    const onBob = organisationNode(bob.page, 'Gemeente Zwolle');
    const bobBefore = await onBob.boundingBox();
    const start = await onAlice.locator('.ip-org__sector').boundingBox();
    if (!bobBefore || !start) throw new Error('node not on screen');
    const { mouse } = alice.page;
    await mouse.move(start.x + 10, start.y + 5);
    await mouse.down();
    await mouse.move(start.x + 90, start.y + 45, { steps: 10 });
    // A pause longer than the undo capture window must not split the drag into two steps.
    await new Promise((resolve) => setTimeout(resolve, 800));
    await mouse.move(start.x + 170, start.y + 95, { steps: 10 });
    await mouse.up();

    await expect.poll(async () => (await onBob.boundingBox())?.x ?? 0).toBeGreaterThan(bobBefore.x + 40);
    await focusMap(alice.page);
    await alice.page.keyboard.press('Control+z');
    await expect
      .poll(async () => Math.round((await onBob.boundingBox())?.x ?? 0))
      .toBe(Math.round(bobBefore.x));
    expect(Math.round((await onBob.boundingBox())?.y ?? 0)).toBe(Math.round(bobBefore.y));
  });

  it('moves a dragged node’s lines, its person’s link and its project area with it before the drop', async () => {
    const { page } = alice;
    const zwolle = organisationNode(page, 'Gemeente Zwolle');
    const pathsOf = (testId: string): Promise<string[]> =>
      page.getByTestId(testId).evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
    const linesBefore = await pathsOf('relationship-path');
    const linksBefore = await pathsOf('affiliation-path');
    const before = await zwolle.boundingBox();
    const start = await cardGrip(zwolle).boundingBox();
    const onBob = organisationNode(bob.page, 'Gemeente Zwolle');
    const bobBefore = await onBob.boundingBox();
    if (!before || !start || !bobBefore) throw new Error('node not on screen');
    expect(linesBefore.length).toBeGreaterThan(0);
    expect(linksBefore.length).toBeGreaterThan(0);

    const { mouse } = page;
    await mouse.move(start.x + 10, start.y + 5);
    await mouse.down();
    let card: { x: number; y: number; width: number; height: number } | null = null;
    try {
      await mouse.move(start.x + 90, start.y + 65, { steps: 10 });
      // Mid-drag (no drop yet): the card has moved, and so has everything drawn from its position.
      await expect.poll(async () => (await zwolle.boundingBox())?.x ?? 0).toBeGreaterThan(before.x + 40);
      const lines = await pathsOf('relationship-path');
      expect(lines.filter((d, i) => d !== linesBefore[i]).length).toBeGreaterThan(0);
      expect((await pathsOf('affiliation-path')).every((d, i) => d !== linksBefore[i])).toBe(true);
      card = await zwolle.boundingBox();
      const area = await page.getByTestId('project-area').boundingBox();
      if (!card || !area) throw new Error('card or project area not on screen');
      expect(card.x).toBeGreaterThanOrEqual(area.x);
      expect(card.y).toBeGreaterThanOrEqual(area.y);
      expect(card.x + card.width).toBeLessThanOrEqual(area.x + area.width);
      expect(card.y + card.height).toBeLessThanOrEqual(area.y + area.height);
    } finally {
      await mouse.up();
    }

    // Dropped where it was let go, here and on the other page; then put back (one undo step).
    await expect.poll(async () => (await onBob.boundingBox())?.x ?? 0).toBeGreaterThan(bobBefore.x + 20);
    expect(Math.round((await zwolle.boundingBox())?.x ?? 0)).toBe(Math.round(card?.x ?? NaN));
    await focusMap(page);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => Math.round((await zwolle.boundingBox())?.x ?? 0))
      .toBe(Math.round(before.x));
    await expect.poll(() => pathsOf('affiliation-path')).toEqual(linksBefore);
  });

  it('drags two selected nodes together, live on the dragging page and then on the other page', async () => {
    const zwolle = organisationNode(alice.page, 'Gemeente Zwolle');
    const veste = organisationNode(alice.page, 'De Veste (Bob)');
    const vesteOnBob = organisationNode(bob.page, 'De Veste (Bob)');
    await cardGrip(zwolle).click();
    await alice.page.keyboard.down('Shift');
    await veste.locator('.ip-org__sector').click();
    await alice.page.keyboard.up('Shift');
    await expect.poll(() => alice.page.locator('.react-flow__node.selected').count()).toBe(2);
    const zwolleBefore = await zwolle.boundingBox();
    const vesteBefore = await veste.boundingBox();
    const vesteBobBefore = await vesteOnBob.boundingBox();
    const start = await cardGrip(zwolle).boundingBox();
    if (!zwolleBefore || !vesteBefore || !vesteBobBefore || !start) throw new Error('nodes not on screen');
    const shift = async (node: Locator, before: { x: number; y: number }) => {
      const box = await node.boundingBox();
      return { x: Math.round((box?.x ?? 0) - before.x), y: Math.round((box?.y ?? 0) - before.y) };
    };
    const { mouse } = alice.page;
    await mouse.move(start.x + 10, start.y + 5);
    await mouse.down();
    await mouse.move(start.x + 70, start.y + 45, { steps: 8 });
    // Mid-drag, the other selected node follows on this page (moved in React Flow's store, not the document).
    await expect.poll(async () => (await shift(zwolle, zwolleBefore)).x).toBeGreaterThan(30);
    expect(await shift(veste, vesteBefore)).toEqual(await shift(zwolle, zwolleBefore));
    await mouse.up();
    await expect.poll(async () => (await shift(vesteOnBob, vesteBobBefore)).x).toBeGreaterThan(15);
    expect(await shift(veste, vesteBefore)).toEqual(await shift(zwolle, zwolleBefore));
    // One undo step puts both back.
    await focusMap(alice.page);
    await alice.page.keyboard.press('Control+z');
    await expect.poll(async () => (await shift(vesteOnBob, vesteBobBefore)).x).toBe(0);
    expect(await shift(veste, vesteBefore)).toEqual({ x: 0, y: 0 });
    expect(await shift(zwolle, zwolleBefore)).toEqual({ x: 0, y: 0 });
  });

  it('shows another person’s cursor with their name', async () => {
    const box = await alice.page.getByTestId('board-canvas').boundingBox();
    if (!box) throw new Error('canvas not on screen');
    await alice.page.mouse.move(box.x + box.width / 2, box.y + box.height - 120, { steps: 5 });
    const cursor = bob.page.getByTestId('remote-cursor').filter({ hasText: 'Alice Aalders' });
    await cursor.waitFor();
    // Alice's selection is outlined on Bob's page too.
    await cardGrip(organisationNode(alice.page, 'Gemeente Zwolle')).click();
    await bob.page.locator('.ip-remote-selected').filter({ hasText: 'Gemeente Zwolle' }).waitFor();
  });

  it('lets a view-only page look at everything live but change nothing', async () => {
    const viewer = await newPage(suite.browser);
    try {
      await joinBoard(viewer.page, `${suite.server.url}/b/${board.id}?key=${board.keys.view}`, 'Vera Viewer');
      const { page } = viewer;
      await page.getByTestId('view-only-banner').waitFor();
      await organisationNode(page, 'Gemeente Zwolle').waitFor();
      expect(await page.getByTestId('add-organisation').count()).toBe(0);
      const countBefore = await alice.page.getByTestId('organisation-node').count();

      // Shortcuts and double-click do nothing.
      await focusMap(page);
      await page.keyboard.press('o');
      const pane = await page.getByTestId('board-canvas').boundingBox();
      if (!pane) throw new Error('canvas not on screen');
      await page.mouse.dblclick(pane.x + 40, pane.y + pane.height - 60);

      // Dragging a node only pans the viewer's own view: on an editor's page the node stays put.
      const node = organisationNode(page, 'Gemeente Zwolle');
      const onAlice = organisationNode(alice.page, 'Gemeente Zwolle');
      const aliceBefore = await onAlice.boundingBox();
      const start = await node.boundingBox();
      if (!start || !aliceBefore) throw new Error('node not on screen');
      await page.mouse.move(start.x + 20, start.y + 20);
      await page.mouse.down();
      await page.mouse.move(start.x + 220, start.y + 160, { steps: 8 });
      await page.mouse.up();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await onAlice.boundingBox()).toEqual(aliceBefore);

      // The panel shows the selection, but every field is disabled.
      await node.locator('.ip-org__sector').click();
      await expect.poll(() => page.getByTestId('panel-name').isDisabled()).toBe(true);
      await focusMap(page);
      await page.keyboard.press('Delete');

      // Live: an edit on an editor page arrives; none of the viewer's attempts did.
      await addOrganisation(alice.page, 'Provincie Overijssel');
      await organisationNode(page, 'Provincie Overijssel').waitFor();
      expect(await alice.page.getByTestId('organisation-node').count()).toBe(countBefore + 1);
      await organisationNode(alice.page, 'Gemeente Zwolle').waitFor();
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('delivers an edit made offline once the connection returns', async () => {
    // WARNING: Chromium's offline emulation does not close an open websocket by itself, so the page
    // also sees the close: we drop the socket from inside the page (as a dying Wi-Fi would) while the
    // context is offline, so y-websocket cannot reconnect until we go back online.
    await alice.context.setOffline(true);
    await dropWebSockets(alice.page);
    await alice.page.locator('[data-status=offline]').waitFor();

    await cardGrip(organisationNode(alice.page, 'Provincie Overijssel')).click();
    await alice.page.getByTestId('panel-sector').selectOption('government');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await organisationNode(bob.page, 'Provincie Overijssel').getAttribute('data-sector')).toBe(
      'other',
    );

    await alice.context.setOffline(false);
    await expect
      .poll(() => organisationNode(bob.page, 'Provincie Overijssel').getAttribute('data-sector'), {
        timeout: 20_000,
      })
      .toBe('government');
    expect(alice.errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
