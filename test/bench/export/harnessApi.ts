import type { Page } from 'playwright-core';

/**
 * The test side of `window.__interplayExport` (client/src/export/image/testing/exportHarness.ts).
 * The test project cannot import client files, so the shapes are restated here;
 * keep them in step with the harness.
 */
export interface HarnessRunOptions {
  readonly format: 'svg' | 'png';
  readonly scale?: 1 | 2 | 4;
  /** PNG pixel budget (default: the app's `PNG_PIXEL_BUDGET`). */
  readonly maxPixels?: number;
  readonly language?: 'en' | 'nl';
  readonly title?: string;
  readonly date?: string;
  readonly legend?: boolean;
  readonly madeWith?: boolean;
  readonly edgeLabels?: boolean;
  readonly background?: 'white' | 'transparent';
  readonly selectNames?: readonly string[];
  readonly abortAfterMs?: number;
  readonly returnBytes?: boolean;
  readonly returnSvg?: boolean;
}

export interface HarnessRunResult {
  readonly ok: boolean;
  readonly error?: { readonly name: string; readonly message: string };
  readonly width?: number;
  readonly height?: number;
  readonly scaledDownTo?: number | null;
  readonly bytes?: number;
  readonly base64?: string;
  readonly svg?: string;
  readonly totalMs: number;
  readonly svgMs?: number;
  readonly pngMs?: number;
  readonly drawMs?: number;
  readonly encodeMs?: number;
  readonly progress: ReadonlyArray<{
    readonly phase: string;
    readonly fraction: number;
    readonly atMs: number;
  }>;
  readonly longestFrameGapMs: number;
}

export interface HarnessTheme {
  readonly sectorColours: Readonly<Record<string, string>>;
  readonly kindColours: Readonly<Record<string, string>>;
}

interface HarnessWindow {
  __interplayExport?: {
    open(
      boardId: string,
      key: string,
    ): Promise<{ organisations: number; people: number; relationships: number }>;
    run(options: HarnessRunOptions): Promise<HarnessRunResult>;
    theme(): HarnessTheme;
    exportJson(): { readMs: number; jsonMs: number; bytes: number };
    buildOnMainThread(options: { legend?: boolean }): Promise<{ ms: number; chars: number }>;
  };
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
