import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { StoredBoardInput } from '../../client/src/canvas/testing/storedBoardInput.ts';

const clientDir = path.resolve(import.meta.dirname, '../../client');

/** An origin no server answers: every request of the page is fulfilled by the test. */
export const STORED_BOARD_ORIGIN = 'http://stored-board.test';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StoredBoardBundle {
  /** Opens the page in `page` showing `input`, with nothing but the bundle reachable. */
  open(page: Page, input: StoredBoardInput): Promise<void>;
  cleanup(): void;
}

/**
 * Builds `client/src/canvas/testing/storedBoardPage.tsx` with Vite into a temp dir: a page that
 * shows a stored board state read-only through the map, without a server or a websocket.
 */
export async function buildStoredBoardPage(): Promise<StoredBoardBundle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-stored-board-'));
  await build({
    configFile: false,
    root: clientDir,
    base: '/',
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: true,
      modulePreload: false,
      cssCodeSplit: false,
      rollupOptions: {
        input: path.join(clientDir, 'src/canvas/testing/storedBoardPage.tsx'),
        output: { entryFileNames: 'page.js', assetFileNames: '[name][extname]' },
      },
    },
  });
  const css = fs.readdirSync(dir).filter((file) => file.endsWith('.css'));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${css
    .map((file) => `<link rel="stylesheet" href="/${file}">`)
    .join('')}</head><body></body></html>`;
  return {
    async open(page, input) {
      await page.route(`${STORED_BOARD_ORIGIN}/**`, async (route) => {
        const relative = decodeURIComponent(new URL(route.request().url()).pathname.slice(1));
        if (relative === '') {
          await route.fulfill({ status: 200, contentType: CONTENT_TYPES['.html'], body: html });
          return;
        }
        const file = path.join(dir, relative);
        if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
          await route.fulfill({ status: 404, body: 'not found' });
          return;
        }
        await route.fulfill({
          status: 200,
          contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          body: fs.readFileSync(file),
        });
      });
      await page.addInitScript((stored) => {
        window.__storedBoard = stored;
      }, input);
      await page.goto(`${STORED_BOARD_ORIGIN}/`);
      await page.addScriptTag({ url: `${STORED_BOARD_ORIGIN}/page.js`, type: 'module' });
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
