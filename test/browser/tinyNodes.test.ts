import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, connect, readBoard } from '@interplay/shared';
import type { NodeId } from '@interplay/shared';
import { joinBoard } from '../support/boardPage.ts';
import { newPage, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, waitFor, type CreatedBoard } from '../support/syncClient.ts';

/**
 * The map's cheap "tiny" node bodies (below zoom 0.25) mount their connection handles only when
 * needed: hovered, selected, or at the end of an edge React Flow draws. A board spread wide
 * enough opens at the tiny level; relationships can still be drawn there and after zooming in.
 */

/** A node card by the name in its accessible label (tiny bodies show no text). */
const card = (page: Page, name: string): Locator =>
  page.locator(`[data-testid=organisation-node][aria-label^="Organisation ${name},"]`);
const relationshipPath = (page: Page): Locator => page.getByTestId('relationship-path');

async function scale(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  return Number(transform.match(/scale\(([\d.]+)\)/)?.[1]);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on the source handle of `from` (hovered first, as a person would) and drops on `to`. */
async function dragRelationship(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.hover();
  const handle = from.locator('.ip-handle-source');
  await handle.waitFor({ state: 'attached' });
  // React Flow measures handles that mount late on the next frame.
  await page.waitForTimeout(100);
  const start = await centre(handle);
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  // At the overview the dot is a pixel or two: let the pointer settle on it (hover styles) before pressing.
  await page.waitForTimeout(150);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  // Let React Flow mark the drop target from the last move before letting go.
  await page.waitForTimeout(100);
  await page.mouse.up();
}

describe('tiny node bodies and their handles (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let alice: TestPage;
  let ids: Record<'a' | 'b' | 'c' | 'd' | 'far' | 'farther', NodeId>;
  const relationshipCount = async (): Promise<number> => {
    const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    try {
      await client.whenSynced();
      return readBoard(client.doc).relationships.size;
    } finally {
      client.destroy();
    }
  };

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Wide board');
    const seeder = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await seeder.whenSynced();
    const org = (name: string, x: number, y: number): NodeId =>
      addOrganisation(seeder.doc, { name, sector: 'municipality', position: { x, y } });
    // Two corners far away make the opening view (fit to the board) about zoom 0.1: tiny bodies. The four
    // nodes used are in the middle of the screen, away from the borders where drawing a relationship auto-pans.
    ids = {
      a: org('Alpha', 0, 0),
      b: org('Bravo', 400, 0),
      c: org('Charlie', 0, 300),
      d: org('Delta', 400, 300),
      far: org('Far corner', -5000, -3000),
      farther: org('Other corner', 5000, 3000),
    };
    connect(seeder.doc, { source: ids.a, target: ids.b });
    await waitFor(async () => (await relationshipCount()) === 1, 'the seeded relationship to be stored');
    seeder.destroy();
    alice = await newPage(suite.browser);
    await joinBoard(alice.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Alice Aalders');
    await card(alice.page, 'Charlie').waitFor();
  });

  afterAll(async () => {
    await alice?.close().catch(() => undefined);
  });

  it('opens tiny: only the ends of a drawn edge carry handles, and the edge is drawn', async () => {
    const { page } = alice;
    expect(await scale(page)).toBeLessThan(0.25);
    await expect.poll(() => relationshipPath(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await card(page, 'Alpha').locator('.react-flow__handle').count()).toBe(2);
    expect(await card(page, 'Bravo').locator('.react-flow__handle').count()).toBe(2);
    expect(await card(page, 'Charlie').locator('.react-flow__handle').count()).toBe(0);
    expect(await card(page, 'Far corner').locator('.react-flow__handle').count()).toBe(0);
    expect(await card(page, 'Other corner').locator('.react-flow__handle').count()).toBe(0);
    expect(alice.errors).toEqual([]);
  });

  it('draws a relationship from a tiny node that had no handles until hovered', async () => {
    const { page } = alice;
    await dragRelationship(page, card(page, 'Charlie'), card(page, 'Bravo'));
    await expect.poll(() => relationshipPath(page).count(), { timeout: 10_000 }).toBe(2);
    expect(await relationshipCount()).toBe(2);
  });

  it('draws a relationship after zooming in from a node first measured without handles', async () => {
    const { page } = alice;
    // Zoom in with the wheel over Delta (never hovered, never an edge end) until cards are full.
    const over = await centre(card(page, 'Delta'));
    for (let i = 0; i < 20 && (await scale(page)) < 0.3; i++) {
      await page.mouse.move(over.x, over.y);
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(60);
    }
    expect(await scale(page)).toBeGreaterThanOrEqual(0.25);
    const delta = page.getByTestId('organisation-node').filter({ hasText: 'Delta' });
    await delta.waitFor();
    await page.waitForTimeout(200);
    await dragRelationship(page, delta, page.getByTestId('organisation-node').filter({ hasText: 'Bravo' }));
    await expect.poll(() => relationshipCount(), { timeout: 10_000 }).toBe(3);
    expect(alice.errors).toEqual([]);
  });
});
