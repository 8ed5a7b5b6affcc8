import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; override with `CHROMIUM_PATH`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts headless Chromium. A missing browser is a failure, never a skip:
 * browser tests that silently do not run prove nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface NewPageOptions {
  /** Browser UI language, e.g. `en-GB` or `nl-NL`; decides the interface language on first visit. */
  language?: string;
  viewport?: { width: number; height: number };
}

/**
 * A page in a fresh context (own storage, own IndexedDB), like another
 * person's laptop. Collects console errors so tests can assert there are none.
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<TestPage> {
  const language = options.language ?? 'en-GB';
  const context = await browser.newContext({
    locale: language,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    extraHTTPHeaders: { 'accept-language': language },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {
    // Permissions need an origin on some Chromium builds; the copy button has a fallback.
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return { page, context, errors, close: () => context.close() };
}

/** Where browser tests put screenshots for people to look at. */
export const screenshotDir = path.resolve(import.meta.dirname, '../../test-output/screenshots');

/** Saves a full-page screenshot as `test-output/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
