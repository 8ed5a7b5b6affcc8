import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../support/serverProcess.ts';
import { openBoard } from './openBoard.ts';
import { seedBoard } from './seedBoard.ts';

/**
 * What the canvas diagnostics (`dragProbe`, `paintProbe`, `startupTrace`, `startupAB`) share:
 * headless Chromium as the bench launches it (software rendering; PROBE_CHROMIUM_ARGS adds flags), and running `main` as a script.
 */
export function launchProbeChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      // PROBE_CHROMIUM_ARGS: extra flags, space-separated (e.g. --disable-lcd-text, to see what LCD text costs).
      ...(process.env.PROBE_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  });
}

/** Runs a diagnostic's `main` and exits: 0 when it finished, 1 (with the error printed) when it failed. */
export function runProbe(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Runs `probe` with the bench board's edit link: a server serving `PROBE_STATIC_DIR` (or the built
 * client), the board seeded into it, a browser; all closed afterwards.
 */
export async function withProbeServer(
  probe: (browser: Browser, url: string) => Promise<void>,
): Promise<void> {
  const staticDir = process.env.PROBE_STATIC_DIR;
  const server = await startServer(staticDir ? { env: { STATIC_DIR: staticDir } } : {});
  const browser = await launchProbeChromium();
  try {
    const seeded = await seedBoard(server);
    await probe(browser, `${server.url}/b/${seeded.board.id}?key=${seeded.board.keys.edit}`);
  } finally {
    await browser.close();
    await server.cleanup();
  }
}

/** Runs `probe` on the bench board opened in one page (see `withProbeServer`). */
export function withProbeBoard(probe: (page: Page) => Promise<void>): Promise<void> {
  return withProbeServer(async (browser, url) => probe((await openBoard(browser, url, 'Probe')).page));
}

/** Replaces the probe's injected stylesheet (one `<style>` element) with `css`, for CSS variants of a gesture. */
export function setProbeCss(page: Page, css: string): Promise<void> {
  return page.evaluate((text) => {
    let style = document.getElementById('probe-style');
    if (!style) {
      style = document.createElement('style');
      style.id = 'probe-style';
      document.head.append(style);
    }
    style.textContent = text;
  }, css);
}
