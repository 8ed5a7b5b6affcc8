import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasCentre, organisationNear, wheelZoomTo } from '../bench/canvas/pointer.ts';
import { seedBoard } from '../bench/canvas/seedBoard.ts';
import { joinBoard } from '../support/boardPage.ts';
import { newPage, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';

/**
 * Dragging on a large board (over 500 nodes: render window, canvas minimap), where a drag frame moves the
 * card and its lines directly instead of through React Flow's store (`moveDraggedNodes.ts`, `liveDrag.ts`).
 */

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The viewport's x translation (px). */
const viewportX = (page: Page): Promise<number> =>
  page.$eval('.react-flow__viewport', (el) =>
    Number(/translate\(([-\d.e]+)px/.exec((el as HTMLElement).style.transform)?.[1] ?? NaN),
  );

const minimapPixels = (page: Page): Promise<string> =>
  page.$eval('.ip-canvas-minimap canvas', (canvas) => (canvas as HTMLCanvasElement).toDataURL());

describe('dragging a node on a large board (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let tab: TestPage;

  beforeAll(async () => {
    const { board } = await seedBoard(suite.server, {
      organisations: 520,
      people: 0,
      projects: 3,
      relationships: 700,
    });
    tab = await newPage(suite.browser);
    await joinBoard(tab.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Dana Drager', {
      waitFor: 'organisation',
    });
  }, 120_000);

  afterAll(async () => {
    await tab?.close().catch(() => undefined);
  });

  it('keeps a card that auto-pans the view visible, with its lines, and the minimap follows the drag', async () => {
    const { page } = tab;
    const centre = await canvasCentre(page);
    await wheelZoomTo(page, (await organisationNear(page, centre)).grip, 1);
    await sleep(800);
    const grabbed = await organisationNear(page, { x: centre.x - 200, y: centre.y });
    const card = page.locator(`.react-flow__node[data-id="${grabbed.id}"]`);

    const { mouse } = page;
    await mouse.move(grabbed.grip.x, grabbed.grip.y);
    await mouse.down();
    try {
      await mouse.move(grabbed.grip.x + 20, grabbed.grip.y + 10, { steps: 4 });
      // The selection opens the side panel, which narrows the map: aim at the map's border as it is now.
      await sleep(300);
      // The minimap as the drag began (the selection, the panel and the first move are in).
      const minimapBefore = await minimapPixels(page);
      const pane = await page.locator('.react-flow').boundingBox();
      if (!pane) throw new Error('the map is not on screen');
      const edgeX = pane.x + pane.width - 12;
      await mouse.move(edgeX, grabbed.grip.y + 10, { steps: 12 });
      const panStart = await viewportX(page);
      // Held at the border, React Flow pans the view and the card travels with the pointer.
      await expect
        .poll(async () => panStart - (await viewportX(page)), { timeout: 10_000 })
        .toBeGreaterThan(600);
      const box = await card.boundingBox();
      expect(box).not.toBeNull();
      expect(box?.x ?? 0).toBeGreaterThan(pane.x);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(edgeX - 40);
      expect(await card.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
      // Its lines are drawn, and reach it: the end of some line lies within the card's box.
      const selectedLinesNearCard = await page.evaluate(
        ({ left, top, right, bottom }) =>
          Array.from(document.querySelectorAll<SVGPathElement>('.ip-relationship.ip-edge-moving')).filter(
            (path) => {
              const length = path.getTotalLength();
              if (length === 0) return false;
              const ctm = path.getScreenCTM();
              if (!ctm) return false;
              return [0, length].some((at) => {
                const point = path.getPointAtLength(at).matrixTransform(ctm);
                return (
                  point.x > left - 30 && point.x < right + 30 && point.y > top - 30 && point.y < bottom + 30
                );
              });
            },
          ).length,
        {
          left: box?.x ?? 0,
          top: box?.y ?? 0,
          right: (box?.x ?? 0) + (box?.width ?? 0),
          bottom: (box?.y ?? 0) + (box?.height ?? 0),
        },
      );
      expect(selectedLinesNearCard).toBeGreaterThan(0);
      // The minimap repaints (at most four times a second) with the card where it is now.
      await expect.poll(() => minimapPixels(page)).not.toBe(minimapBefore);
    } finally {
      await mouse.up();
    }

    // Dropped: still on screen where it was let go, and no longer being dragged.
    await expect.poll(() => card.evaluate((el) => el.classList.contains('dragging'))).toBe(false);
    const dropped = await card.boundingBox();
    expect(dropped?.x ?? 0).toBeGreaterThan(centre.x);
    expect(await card.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    expect(tab.errors).toEqual([]);
  });
});
