import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Layout rules that keep the board page calm, asserted by the UI tour at
 * every screen it visits.
 */

/** The map's floating control groups that must never overlap (zoom, fit, export and import are one card). */
const FLOATING_GROUPS = {
  toolbar: '.ip-toolbar',
  zoomExport: '.react-flow__controls',
  legend: '.ip-legend__toggle',
  session: '.ip-insights',
  minimap: '.react-flow__minimap',
} as const;

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The page is exactly the window: nothing scrolls but the panel and drawers inside it. */
export async function expectNoPageScroll(page: Page, where: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    // What reaches below the window, to name the cause when this fails.
    tallest: Array.from(document.querySelectorAll('body *'))
      .map((element) => ({ element, bottom: element.getBoundingClientRect().bottom }))
      .filter(({ element, bottom }) => bottom > window.innerHeight + 1 && !element.closest('.ip-panel > *'))
      .slice(0, 6)
      .map(({ element, bottom }) => `${element.tagName}.${element.className} ${Math.round(bottom)}`),
  }));
  expect(sizes.scrollHeight, `${where}: page height (${sizes.tallest.join('; ')})`).toBeLessThanOrEqual(
    sizes.innerHeight,
  );
  expect(sizes.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(sizes.innerWidth);
}

/** Every floating group is visible, inside the map, and clear of every other group. */
export async function expectFloatingControlsApart(page: Page, where: string): Promise<void> {
  const canvas = await page.getByTestId('board-canvas').boundingBox();
  if (!canvas) throw new Error(`${where}: the map is not visible`);
  const boxes: Box[] = [];
  for (const [name, selector] of Object.entries(FLOATING_GROUPS)) {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${where}: ${name} (${selector}) is not visible`);
    expect(box.x, `${where}: ${name} left`).toBeGreaterThanOrEqual(canvas.x - 0.5);
    expect(box.x + box.width, `${where}: ${name} right`).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
    expect(box.y + box.height, `${where}: ${name} bottom`).toBeLessThanOrEqual(
      canvas.y + canvas.height + 0.5,
    );
    boxes.push({ name, ...box });
  }
  expect(await page.locator('.react-flow__controls .ip-xbuttons').isVisible(), `${where}: export group`).toBe(
    true,
  );
  const clashes: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) if (overlaps(a, b)) clashes.push(`${a.name} × ${b.name}`);
  }
  expect(clashes, `${where}: overlapping controls`).toEqual([]);
}
