import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, connect, readBoard } from '@interplay/shared';
import type { RelationshipId } from '@interplay/shared';
import { wheelZoomTo } from '../bench/canvas/pointer.ts';
import { cardGrip, joinBoard, organisationNode } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, waitFor, type CreatedBoard } from '../support/syncClient.ts';

/**
 * While a card is dragged its lines are drawn by one layer of their own (`DraggedEdges`), not by React
 * Flow: they must look the same (dash, arrowheads), end at the card, never be drawn twice or not at all,
 * and be React Flow's again after the drop.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const line = (page: Page, id: string): Locator =>
  page.locator(`[data-testid=relationship-path][data-relationship-id="${id}"]`);

/** Whether either end of the line `id` lies within `margin` px of the box. */
async function endsAt(page: Page, id: string, box: Box, margin: number): Promise<boolean> {
  return line(page, id).evaluate(
    (path, { box, margin }) => {
      const svgPath = path as SVGPathElement;
      const ctm = svgPath.getScreenCTM();
      if (!ctm) return false;
      return [0, svgPath.getTotalLength()].some((at) => {
        const point = svgPath.getPointAtLength(at).matrixTransform(ctm);
        return (
          point.x > box.x - margin &&
          point.x < box.x + box.width + margin &&
          point.y > box.y - margin &&
          point.y < box.y + box.height + margin
        );
      });
    },
    { box, margin },
  );
}

/** Where the line `id` is drawn: in the drag layer, or in React Flow's own edge. */
const drawnBy = (page: Page, id: string): Promise<'drag layer' | 'react flow'> =>
  line(page, id).evaluate((path) =>
    path.closest('[data-testid=dragged-edges]') ? 'drag layer' : 'react flow',
  );

describe('a dragged card’s lines (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let alice: TestPage;
  let toNorth: RelationshipId;
  let toSouth: RelationshipId;
  let between: RelationshipId;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Dragged lines');
    const seeder = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await seeder.whenSynced();
    const { doc } = seeder;
    const hub = addOrganisation(doc, { name: 'Hub', sector: 'municipality', position: { x: 300, y: 250 } });
    const north = addOrganisation(doc, { name: 'North', sector: 'education', position: { x: 800, y: 0 } });
    const south = addOrganisation(doc, { name: 'South', sector: 'health', position: { x: -150, y: 550 } });
    addPerson(doc, { name: 'Pia Hub', organisationId: hub, position: { x: 340, y: 420 } });
    // Unconnected, on the line from Hub to North: the line passes beneath it, and over it while dragged zoomed out.
    addOrganisation(doc, { name: 'Midway', sector: 'business', position: { x: 550, y: 125 } });
    // Dashed with one arrowhead; dotted with two; and one line between two cards that are not dragged.
    const connected = [
      connect(doc, { source: hub, target: north, form: 'adjust', direction: 'oneWay', kind: 'funding' }),
      connect(doc, { source: hub, target: south, form: 'coordinate', direction: 'bothWays', strength: 4 }),
      connect(doc, { source: north, target: south, form: 'interweave' }),
    ];
    const [a, b, c] = connected;
    if (!a || !b || !c) throw new Error('could not seed the relationships');
    [toNorth, toSouth, between] = [a, b, c];
    await waitFor(async () => {
      const reader = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
      try {
        await reader.whenSynced();
        return readBoard(reader.doc).relationships.size === 3;
      } finally {
        reader.destroy();
      }
    }, 'the seeded board to be stored');
    seeder.destroy();
    alice = await newPage(suite.browser);
    await joinBoard(alice.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Alice Aalders');
    await waitFor(
      async () => (await alice.page.getByTestId('relationship-path').count()) === 3,
      'the three lines to be drawn',
    );
  }, 60_000);

  afterAll(async () => {
    await alice?.close().catch(() => undefined);
  });

  it('draws them once, dashed and with arrowheads, ending at the card, mid-drag and after the drop', async () => {
    const { page } = alice;
    const hub = organisationNode(page, 'Hub');
    const start = await cardGrip(hub).boundingBox();
    if (!start) throw new Error('card not on screen');
    const dashBefore = await line(page, toNorth).getAttribute('stroke-dasharray');
    const dotsBefore = await line(page, toSouth).getAttribute('stroke-dasharray');
    expect(dashBefore).toMatch(/^\d/);
    expect(dotsBefore).toMatch(/^\d/);

    // Counts every drawn copy of each line after every batch of DOM changes, from the press to after the drop.
    await page.evaluate(
      (ids) => {
        const counts: number[][] = [];
        const record = (): void => {
          counts.push(
            ids.map(
              (id) =>
                document.querySelectorAll(`[data-testid=relationship-path][data-relationship-id="${id}"]`)
                  .length,
            ),
          );
        };
        const observer = new MutationObserver(record);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        (window as unknown as { stopCounting: () => number[][] }).stopCounting = () => {
          observer.disconnect();
          return counts;
        };
      },
      [toNorth, toSouth, between],
    );

    const { mouse } = page;
    await mouse.move(start.x + 10, start.y + 5);
    await mouse.down();
    try {
      await mouse.move(start.x + 130, start.y + 70, { steps: 10 });
      await expect.poll(() => drawnBy(page, toNorth)).toBe('drag layer');
      const card = await hub.boundingBox();
      if (!card) throw new Error('card not on screen');
      expect(card.x).toBeGreaterThan(start.x + 60);
      // The dragged card's lines are in the drag layer, drawn as before; the other line stays React Flow's.
      expect(await drawnBy(page, toSouth)).toBe('drag layer');
      expect(await drawnBy(page, between)).toBe('react flow');
      const layer = page.getByTestId('dragged-edges');
      expect(await layer.getByTestId('affiliation-path').count()).toBe(1);
      expect(await line(page, toNorth).getAttribute('stroke-dasharray')).toBe(dashBefore);
      expect(await line(page, toSouth).getAttribute('stroke-dasharray')).toBe(dotsBefore);
      expect(await layer.locator(`[data-id="${toNorth}"] polygon`).count()).toBe(1);
      expect(await layer.locator(`[data-id="${toSouth}"] polygon`).count()).toBe(2);
      // They end at the card where it is now (arrowheads pull a line back by up to ~15 px).
      expect(await endsAt(page, toNorth, card, 18)).toBe(true);
      expect(await endsAt(page, toSouth, card, 18)).toBe(true);
      await screenshot(page, 'dragged-lines-mid-drag');
    } finally {
      await mouse.up();
    }

    await expect.poll(() => page.getByTestId('dragged-edges').count()).toBe(0);
    await page.waitForTimeout(300);
    const counts = await page.evaluate(() =>
      (window as unknown as { stopCounting: () => number[][] }).stopCounting(),
    );
    expect(counts.length).toBeGreaterThan(10);
    // Never a state with a line missing or drawn twice, not even between the drop and React Flow's redraw.
    expect(counts.filter((perLine) => perLine.some((count) => count !== 1))).toEqual([]);
    const dropped = await hub.boundingBox();
    if (!dropped) throw new Error('card not on screen');
    for (const id of [toNorth, toSouth, between]) expect(await drawnBy(page, id)).toBe('react flow');
    expect(await endsAt(page, toNorth, dropped, 18)).toBe(true);
    expect(await endsAt(page, toSouth, dropped, 18)).toBe(true);
    expect(await line(page, toNorth).getAttribute('stroke-dasharray')).toBe(dashBefore);
    expect(await page.locator(`.react-flow__edge[data-id="${toSouth}"] polygon`).count()).toBe(2);
    await screenshot(page, 'dragged-lines-dropped');
    expect(alice.errors).toEqual([]);
  });

  it('lifts them above the other cards for the drag between zoom 0.4 and 0.5, beneath them again after the drop', async () => {
    const { page } = alice;
    const hub = organisationNode(page, 'Hub');
    const midway = organisationNode(page, 'Midway');
    // The z-index of an element, or of the React Flow node a card is drawn in (auto counts as 0).
    const zIndex = (locator: Locator): Promise<number> =>
      locator.evaluate((el) => Number(getComputedStyle(el.closest('.react-flow__node') ?? el).zIndex) || 0);
    const dragLayer = page.getByTestId('dragged-edges');
    /** Drags Hub a little and reports how its lines are layered meanwhile, then drops it. */
    const layeringMidDrag = async (): Promise<{
      layer: string | null;
      z: number;
      willChange: string;
      cardAbove: boolean;
    }> => {
      const start = await cardGrip(hub).boundingBox();
      if (!start) throw new Error('card not on screen');
      await page.mouse.move(start.x + 5, start.y + 3);
      await page.mouse.down();
      try {
        await page.mouse.move(start.x + 45, start.y + 25, { steps: 8 });
        await expect.poll(() => drawnBy(page, toNorth)).toBe('drag layer');
        const z = await zIndex(dragLayer);
        return {
          layer: await dragLayer.getAttribute('data-layer'),
          z,
          willChange: await dragLayer.evaluate((el) => getComputedStyle(el).willChange),
          // The dragged card (selected, so lifted by React Flow) is above its own lines.
          cardAbove: (await zIndex(hub)) > z,
        };
      } finally {
        await page.mouse.up();
        await expect.poll(() => dragLayer.count()).toBe(0);
      }
    };

    const centre = await midway.boundingBox();
    if (!centre) throw new Error('card not on screen');
    const at = { x: centre.x + centre.width / 2, y: centre.y + centre.height / 2 };
    await wheelZoomTo(page, at, 1);
    // Zoomed in: a layer of its own beneath the cards, as React Flow draws edges.
    expect(await layeringMidDrag()).toEqual({
      layer: 'under',
      z: 0,
      willChange: 'transform',
      cardAbove: true,
    });

    await wheelZoomTo(page, at, 0.45);
    const seen = await layeringMidDrag();
    expect(seen).toEqual({ layer: 'lifted', z: 2, willChange: 'transform', cardAbove: true });
    // Above the cards that are not dragged (Midway, which the line to North crosses).
    expect(await zIndex(midway)).toBeLessThan(seen.z);
    // Mid-drag look, for a human eye: Hub dragged to where its dashed line to North crosses over Midway.
    const centreOf = async (locator: Locator): Promise<{ x: number; y: number }> => {
      const box = await locator.boundingBox();
      if (!box) throw new Error('card not on screen');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const [hubAt, midwayAt, northAt] = await Promise.all([
      centreOf(hub),
      centreOf(midway),
      centreOf(organisationNode(page, 'North')),
    ]);
    const grip = await cardGrip(hub).boundingBox();
    if (!grip) throw new Error('card not on screen');
    await page.mouse.move(grip.x + 5, grip.y + 3);
    await page.mouse.down();
    try {
      await page.mouse.move(
        grip.x + 5 + midwayAt.x + (midwayAt.x - northAt.x) * 1.2 - hubAt.x,
        grip.y + 3 + midwayAt.y + (midwayAt.y - northAt.y) * 1.2 - hubAt.y,
        { steps: 10 },
      );
      await expect.poll(() => dragLayer.getAttribute('data-layer')).toBe('lifted');
      await screenshot(page, 'dragged-lines-lifted-mid-drag');
    } finally {
      await page.mouse.up();
    }
    await expect.poll(() => dragLayer.count()).toBe(0);
    // After the drop React Flow draws them again, in its edge layer beneath every card.
    for (const id of [toNorth, toSouth, between]) expect(await drawnBy(page, id)).toBe('react flow');
    await screenshot(page, 'dragged-lines-lifted-dropped');

    // Zoomed out below 0.4: drawn in the map's own layer, as before.
    await wheelZoomTo(page, at, 0.3);
    expect(await layeringMidDrag()).toEqual({
      layer: 'none',
      z: 0,
      willChange: 'auto',
      cardAbove: true,
    });
    expect(alice.errors).toEqual([]);
  });
});
