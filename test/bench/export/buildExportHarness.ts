import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { Plugin } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const clientDir = path.join(repoRoot, 'client');

/** Where the harness is served, on the real server's origin (so its websocket and worker are same-origin). */
export const HARNESS_BASE = '/__export-harness/';

export interface ExportHarnessBundle {
  readonly dir: string;
  /**
   * Opens the harness in `page` on the server's origin. The document itself
   * must come from the server (its `/healthz`): Chromium's Local Network Access
   * checks block websockets to 127.0.0.1 from a document Playwright fulfilled.
   * The harness script, worker and fonts are fulfilled from the bundle.
   */
  open(page: Page, origin: string): Promise<void>;
  /** Serves the bundle under `HARNESS_BASE` of `origin` in `page` (Playwright routing; the server is not touched). */
  serve(page: Page, origin: string): Promise<void>;
  cleanup(): void;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Builds `client/src/export/image/testing/exportHarness.ts` with Vite, as the
 * app's build would bundle the export (worker chunk, font assets), into a temp dir.
 * `plugins` apply to the page and its workers (`encoderProbe.ts` swaps modules with them).
 */
export async function buildExportHarness(plugins: readonly Plugin[] = []): Promise<ExportHarnessBundle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-export-harness-'));
  await build({
    configFile: false,
    root: clientDir,
    base: HARNESS_BASE,
    logLevel: 'warn',
    plugins: [...plugins],
    worker: { plugins: () => [...plugins] },
    build: {
      outDir: dir,
      emptyOutDir: true,
      modulePreload: false,
      rollupOptions: {
        input: path.join(clientDir, 'src/export/image/testing/exportHarness.ts'),
        output: { entryFileNames: 'harness.js' },
      },
    },
  });
  return {
    dir,
    async serve(page, origin) {
      await page.route(`${origin}${HARNESS_BASE}**`, async (route) => {
        const relative = decodeURIComponent(
          new URL(route.request().url()).pathname.slice(HARNESS_BASE.length),
        );
        const file = path.join(dir, relative);
        if (
          relative === '' ||
          !file.startsWith(dir) ||
          !fs.existsSync(file) ||
          fs.statSync(file).isDirectory()
        ) {
          await route.fulfill({ status: 404, body: 'not found' });
          return;
        }
        await route.fulfill({
          status: 200,
          contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          body: fs.readFileSync(file),
        });
      });
    },
    async open(page, origin) {
      await page.goto(`${origin}/healthz`);
      await page.addScriptTag({ url: `${origin}${HARNESS_BASE}harness.js`, type: 'module' });
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
