import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROBE_SCRIPT, currentState, recordedFrames, stopRecordingStates } from './pageProbe.ts';

export const VIEWPORT = { width: 1600, height: 900 };
/** The map counts as settled when nothing on it changed for this long. */
const SETTLE_MS = 1500;
const OPEN_TIMEOUT_MS = 90_000;

export interface OpenedBoard {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /**
   * Navigation start → first frame with React Flow nodes that are visible (not mounted
   * `visibility: hidden` for React Flow to measure them first): the first nodes a user sees.
   */
  firstVisibleNodeMs: number;
  /** Navigation start → the frame after the map reached its final state (nodes rendered, measured, fitted). */
  interactiveMs: number;
  /** Nodes rendered once settled (React Flow renders only visible ones on big boards). */
  renderedNodes: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the board in a fresh context (own storage: a cold load from the
 * server, as a new participant) with a display name already remembered, and
 * measures when it became interactive from the per-frame record.
 */
export async function openBoard(
  browser: Browser,
  url: string,
  name: string,
  /** Runs on the fresh context before the page opens (e.g. to add a tracing init script). */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<OpenedBoard> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  await prepare?.(context);
  // The shell asks for a display name on first visit; this is what it remembers (userIdentity.ts).
  await context.addInitScript(
    `localStorage.setItem('interplay.user', ${JSON.stringify(JSON.stringify({ name, colour: '#1f6fd1' }))});`,
  );
  await context.addInitScript(PROBE_SCRIPT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  await page.goto(url, { waitUntil: 'commit' });

  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const state = await currentState(page);
    if (state !== last) {
      last = state;
      stableSince = Date.now();
    } else if (!state.startsWith('0|') && Date.now() - stableSince >= SETTLE_MS) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the board did not settle within ${OPEN_TIMEOUT_MS} ms (last state ${last}; errors: ${errors.join('; ')})`,
      );
    }
    await sleep(100);
  }
  const { frames, states } = await recordedFrames(page);
  await stopRecordingStates(page);
  const final = states[states.length - 1] ?? '';
  if (final.endsWith('|true')) throw new Error('React Flow still hides unmeasured nodes after settling');
  let lastChange = states.length - 1;
  while (lastChange > 0 && states[lastChange - 1] === final) lastChange--;
  const firstNode = states.findIndex((state) => !state.startsWith('0|') && state.endsWith('|false'));
  // The frame after the final state appeared: a requestAnimationFrame round trip completed, so the page responds.
  const interactive = frames[lastChange + 1] ?? frames[lastChange];
  if (interactive === undefined || firstNode < 0) throw new Error('no frames recorded');
  return {
    page,
    context,
    errors,
    firstVisibleNodeMs: frames[firstNode] ?? Number.NaN,
    interactiveMs: interactive,
    renderedNodes: Number(final.split('|')[0]),
  };
}
