import type { Page } from 'playwright-core';

import type {
  ExportHarness,
  HarnessRunOptions,
  HarnessRunResult,
} from '../../../client/src/export/image/testing/exportHarness.ts';

export type { HarnessRunOptions, HarnessRunResult };
export type HarnessTheme = ReturnType<ExportHarness['theme']>;

/** The test side of `window.__interplayExport` (client/src/export/image/testing/exportHarness.ts). */
interface HarnessWindow {
  __interplayExport?: ExportHarness;
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as HarnessWindow).__interplayExport !== undefined,
    null,
    {
      timeout: 30_000,
    },
  );
}

/** Opens a board in the harness page through the app's sync session; resolves once synced. */
export async function openBoardInHarness(
  page: Page,
  boardId: string,
  key: string,
): Promise<{ organisations: number; people: number; relationships: number }> {
  await ready(page);
  return page.evaluate(([id, k]) => (window as unknown as HarnessWindow).__interplayExport!.open(id!, k!), [
    boardId,
    key,
  ] as const);
}

export function runExport(page: Page, options: HarnessRunOptions): Promise<HarnessRunResult> {
  return page.evaluate((o) => (window as unknown as HarnessWindow).__interplayExport!.run(o), options);
}

export async function harnessTheme(page: Page): Promise<HarnessTheme> {
  await ready(page);
  return page.evaluate(() => (window as unknown as HarnessWindow).__interplayExport!.theme());
}

export function buildOnMainThread(page: Page, legend: boolean): Promise<{ ms: number; chars: number }> {
  return page.evaluate(
    (l) => (window as unknown as HarnessWindow).__interplayExport!.buildOnMainThread({ legend: l }),
    legend,
  );
}

export function exportJsonInPage(page: Page): Promise<{ readMs: number; jsonMs: number; bytes: number }> {
  return page.evaluate(() => (window as unknown as HarnessWindow).__interplayExport!.exportJson());
}

/** The export dialog's warm-up (PNG workers started, fonts registered), as when it opens; resolves when ready. */
export function prewarmInPage(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as HarnessWindow).__interplayExport!.prewarm());
}
