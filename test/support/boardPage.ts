import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/**
 * What browser tests do on the board page again and again: check that the
 * client is built, join a board through the name prompt, find, select and drag
 * an organisation card, and cut a page's websockets to simulate a dying network.
 */

/** The built client's index.html that the server serves (`STATIC_DIR` is passed on to the server process). */
export const builtClientIndex = path.join(
  process.env.STATIC_DIR ?? path.resolve(import.meta.dirname, '../../client/dist'),
  'index.html',
);

/** Fails with a clear message when the client is not built: the server would only answer 404s. */
export function assertClientBuilt(): void {
  if (!existsSync(builtClientIndex)) {
    throw new Error(
      `${builtClientIndex} is missing: run \`npm run build\` before the browser tests (npm test does).`,
    );
  }
}

/** The name prompt's field label and submit button, as a test's language table spells them. */
export interface JoinLabels {
  nameLabel: string;
  join: string;
}

/** The name prompt in each interface language (client/src/i18n/messages/shell.ts). */
export const JOIN_LABELS = {
  en: { nameLabel: 'Your name', join: 'Join the board' },
  nl: { nameLabel: 'Uw naam', join: 'Naar het bord' },
} as const satisfies Record<string, JoinLabels>;

export interface JoinOptions {
  /** The interface language the prompt is in (default `en`); ignored when `labels` is given. */
  language?: keyof typeof JOIN_LABELS;
  /** The prompt's labels, e.g. an entry of the test's own language table. */
  labels?: JoinLabels;
  /**
   * What must be on the page before joining counts as done, after the connection:
   * `canvas` (default) the map, `connection` nothing more, `organisation` the first organisation card.
   */
  waitFor?: 'canvas' | 'connection' | 'organisation';
}

/** Opens a board link, answers the name prompt, and waits until the page is connected (and, by default, the map is shown). */
export async function joinBoard(
  page: Page,
  url: string,
  name: string,
  options: JoinOptions = {},
): Promise<void> {
  const labels = options.labels ?? JOIN_LABELS[options.language ?? 'en'];
  await page.goto(url);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(labels.nameLabel).fill(name);
  await dialog.getByRole('button', { name: labels.join }).click();
  await page.locator('[data-status=connected]').waitFor();
  const waitFor = options.waitFor ?? 'canvas';
  if (waitFor === 'canvas') await page.getByTestId('board-canvas').waitFor();
  if (waitFor === 'organisation') await page.getByTestId('organisation-node').first().waitFor();
}

/** The organisation card that shows `name`. */
export const organisationNode = (page: Page, name: string): Locator =>
  page.getByTestId('organisation-node').filter({ hasText: name });

/**
 * A spot on a card to click or drag it by, away from its handles and its name's double-click: the sector
 * line, or zoomed out to the overview (where a card shows its name alone) the name.
 */
export const cardGrip = (card: Locator): Locator => card.locator('.ip-org__sector, .ip-org__name--overview');

/** Selects an organisation by clicking its card and waits for its comments in the side panel. */
/** Moves focus off any field so the map's shortcuts apply. */
export async function focusMap(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Adds an organisation with the O shortcut and names it in place (an English page). */
export async function addOrganisation(page: Page, name: string): Promise<void> {
  await focusMap(page);
  await page.keyboard.press('o');
  const input = page.getByLabel('Name', { exact: true }).and(page.locator('.ip-inline-name'));
  await input.waitFor();
  await input.fill(name);
  await input.press('Enter');
  await organisationNode(page, name).waitFor();
}

export async function selectOrganisation(page: Page, name: string): Promise<void> {
  await cardGrip(organisationNode(page, name)).click();
  await page.getByTestId('selection-comments').waitFor();
}

/** The number on an organisation card's open-comments badge, or null without a badge. */
export const commentBadgeCount = (page: Page, name: string): Promise<string | null> =>
  organisationNode(page, name)
    .getByTestId('comment-badge')
    .getAttribute('data-count', { timeout: 1000 })
    .catch(() => null);

/** The React Flow node wrapper of an organisation card (the element that carries position and spotlight opacity). */
export const flowNode = (page: Page, name: string): Locator =>
  page.locator('.react-flow__node').filter({ has: organisationNode(page, name) });

/** A node wrapper's CSS transform: its position in flow coordinates, the same on every page. */
export async function nodeTransform(locator: Locator): Promise<string> {
  return locator.evaluate((element) => (element as HTMLElement).style.transform);
}

/** Drags a node by (dx, dy) screen pixels in eight pointer moves, holding it near its bottom edge. */
export async function dragBy(page: Page, locator: Locator, dx: number, dy: number): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('node not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height - 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) await page.mouse.move(x + (dx * step) / 8, y + (dy * step) / 8);
  await page.mouse.up();
}

interface TrackedWindow {
  __testSockets?: WebSocket[];
}

/**
 * Test instrumentation (not app code): every page of the context remembers its
 * websockets, so `dropWebSockets` can close them. Call before the page loads the board.
 */
export async function trackWebSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as TrackedWindow).__testSockets = sockets;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
}

/**
 * Closes the page's websockets as a dying Wi-Fi would. Chromium's offline
 * emulation does not close an open websocket by itself, so tests set the
 * context offline and then call this, and y-websocket cannot reconnect until
 * the context is back online.
 */
export async function dropWebSockets(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sockets = (window as unknown as TrackedWindow).__testSockets;
    if (!sockets) throw new Error('dropWebSockets: call trackWebSockets(context) before the page loads');
    for (const socket of sockets) socket.close();
  });
}

/**
 * Takes a page's browser context off the network as a dying Wi-Fi would (see `dropWebSockets`) and waits
 * until the page says it is offline. `setOffline(false)` on the context brings it back.
 */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await dropWebSockets(page);
  await page.locator('[data-status=offline]').waitFor();
}

/** Opens the export dialog, picks options, clicks Download and returns the downloaded file's name and bytes. */
export async function exportFile(
  page: Page,
  choose: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>,
  /** The start of the status line once the file is saved, in the page's language. */
  done = 'Downloaded',
): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await choose(dialog);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    dialog.getByTestId('export-download').click(),
  ]);
  const file = await download.path();
  const bytes = await readFile(file);
  await dialog.getByTestId('export-status').getByText(done).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return { name: download.suggestedFilename(), bytes };
}

/**
 * A control of one of the page's bars by test id, made visible first: on a narrow map the bar keeps one
 * row and puts what does not fit under its More menu, which this opens.
 */
export async function barControl(page: Page, testId: string): Promise<Locator> {
  const control = page.getByTestId(testId);
  if (await control.isVisible()) return control;
  const menu = page.locator('.ip-overflow__more').filter({ has: control });
  await menu.locator('summary').click();
  await control.waitFor();
  return control;
}
