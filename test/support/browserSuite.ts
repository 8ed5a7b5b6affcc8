import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { assertClientBuilt } from './boardPage.ts';
import { launchBrowser } from './browser.ts';
import { startServer } from './serverProcess.ts';
import type { ServerHandle } from './serverProcess.ts';

export interface BrowserSuite {
  /** The real server process of this file's tests. */
  readonly server: ServerHandle;
  /** Headless Chromium; every page a test opens closes with it. */
  readonly browser: Browser;
}

/**
 * What every browser test file needs: the built client, a real server (fresh
 * data directory) and Chromium, started before the file's own `beforeAll`
 * hooks (call this first in the `describe`) and stopped after its `afterAll`
 * hooks. Read `server` and `browser` in hooks and tests, not at definition.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: ServerHandle | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    assertClientBuilt();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });
  const started = <T>(value: T | null): T => {
    if (value === null) throw new Error('the browser suite has not started (read it inside hooks and tests)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
