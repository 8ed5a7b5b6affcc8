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
  session: '.ip-insights__track',
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

/** The smallest name on the map in screen pixels: font size × the map's zoom, over every card and person shown. */
export async function smallestNameOnScreen(
  page: Page,
  selector = '.ip-org__name, .ip-person__name',
): Promise<{ name: string; px: number }> {
  return page.evaluate((names) => {
    const viewport = document.querySelector('.react-flow__viewport');
    if (!viewport) throw new Error('no map');
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const elements = Array.from(document.querySelectorAll<HTMLElement>(names));
    if (elements.length === 0) throw new Error('no names on the map');
    return elements
      .map((element) => ({
        name: element.textContent ?? '',
        px: Number.parseFloat(getComputedStyle(element).fontSize) * zoom,
      }))
      .reduce((a, b) => (b.px < a.px ? b : a));
  }, selector);
}

/**
 * Present mode shows the room the map and nothing about who points at what: the title and legend are
 * on screen and clear of every card, no cursor or selection outline shows, names are ≥ `minNamePx`.
 */
export async function expectPresentModeForTheRoom(
  page: Page,
  where: string,
  minNamePx: number,
): Promise<void> {
  const title = await page.getByTestId('present-title').boundingBox();
  const legend = await page.getByTestId('projector-legend').boundingBox();
  if (!title || !legend) throw new Error(`${where}: present mode shows no title or no legend`);
  const window = page.viewportSize();
  if (!window) throw new Error(`${where}: no viewport size`);
  for (const [name, box] of [
    ['title', title],
    ['legend', legend],
  ] as const) {
    expect(box.x + box.width, `${where}: ${name} right`).toBeLessThanOrEqual(window.width);
    expect(box.y + box.height, `${where}: ${name} bottom`).toBeLessThanOrEqual(window.height);
  }
  const cards = await page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { name: node.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  const covered = cards
    .filter(
      (card) => overlaps(card, { name: 'title', ...title }) || overlaps(card, { name: 'legend', ...legend }),
    )
    .map((card) => card.name);
  expect(covered, `${where}: cards under the title or legend`).toEqual([]);
  const shown = await page.evaluate(() => ({
    cursors: Array.from(document.querySelectorAll<HTMLElement>('.ip-remote-cursor')).filter((cursor) =>
      cursor.checkVisibility(),
    ).length,
    outlines: Array.from(document.querySelectorAll<HTMLElement>('.ip-remote-selected, .ip-remote-selected *'))
      .map((element) => getComputedStyle(element))
      .filter((style) => style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0).length,
    halos: Array.from(document.querySelectorAll<SVGElement>('.ip-edge-halo')).filter((halo) =>
      halo.checkVisibility(),
    ).length,
    handles: Array.from(document.querySelectorAll<HTMLElement>('.react-flow__handle')).filter((handle) =>
      handle.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    ).length,
  }));
  expect(shown, `${where}: cursors, selection outlines and handles shown`).toEqual({
    cursors: 0,
    outlines: 0,
    halos: 0,
    handles: 0,
  });
  const smallest = await smallestNameOnScreen(page);
  expect(smallest.px, `${where}: the smallest name (${smallest.name})`).toBeGreaterThanOrEqual(minNamePx);
  expect(await wordsBrokenAcrossLines(page), `${where}: names broken inside a word`).toEqual([]);
}

/** Words of the names on the map that the browser broke over two lines ("Huurdersverenigin / g"). */
export async function wordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const name of Array.from(
      document.querySelectorAll<HTMLElement>('.ip-org__name, .ip-person__name'),
    )) {
      const node = name.firstChild;
      if (!(node instanceof Text)) continue;
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** Bars that must stay on one row at any laptop width (what does not fit goes into their More menu). */
const ONE_ROW_BARS = {
  header: '.board-header',
  session: '.ip-fbar',
  toolbar: '.ip-toolbar',
  bottom: '.ip-insights__track',
} as const;

/**
 * Every bar is one row high (its items share one line: no item starts below another's top half), and the
 * board title is shown whole (nothing clipped by an ellipsis).
 */
export async function expectBarsOnOneRow(page: Page, where: string): Promise<void> {
  for (const [name, selector] of Object.entries(ONE_ROW_BARS)) {
    const rows = await page
      .locator(selector)
      .first()
      .evaluate((bar) => {
        const track = bar.querySelector(':scope > .ip-overflow__track') ?? bar;
        const items = Array.from(track.children).filter((child) => child.getBoundingClientRect().width > 0);
        const tops = items.map((child) => {
          const r = child.getBoundingClientRect();
          return r.top + r.height / 2;
        });
        const first = tops[0] ?? 0;
        return tops.filter((mid) => Math.abs(mid - first) > 14).length;
      });
    expect(rows, `${where}: ${name} items off the first row`).toBe(0);
  }
  const title = await page.locator('.board-header__title').evaluate((element) => ({
    clippedX: element.scrollWidth > element.clientWidth + 1,
    clippedY: element.scrollHeight > element.clientHeight + 1,
  }));
  expect(title, `${where}: board title clipped`).toEqual({ clippedX: false, clippedY: false });
}

/**
 * Tab from the top of the page: the first stop is the skip link, and the map's tool bar and Export come
 * within `maxStops` (before the map's cards). Returns the number of stops to Export.
 */
export async function expectToolsEarlyInTabOrder(page: Page, maxStops: number): Promise<number> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
  const stops: string[] = [];
  for (let stop = 1; stop <= maxStops; stop += 1) {
    const where = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return active?.dataset.testid ?? active?.className ?? '';
    });
    stops.push(where);
    if (where === 'export-button') {
      expect(
        stops.some((s) => s.startsWith('add-')),
        'a tool of the tool bar before Export',
      ).toBe(true);
      expect(
        stops.filter((s) => s.includes('react-flow__node')),
        'cards before Export',
      ).toEqual([]);
      return stop;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Export is not within ${maxStops} Tab stops: ${stops.join(', ')}`);
}
