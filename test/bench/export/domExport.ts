import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface DomExportResult {
  readonly ms: number;
  readonly timedOut: boolean;
  readonly error?: string;
  readonly width?: number;
  readonly height?: number;
  readonly nodesInDom: number;
  readonly edgesInDom: number;
}

/**
 * The usual React Flow recipe: `html-to-image`'s `toPng()` of the viewport
 * element, on the open board page. Version 1.11.11, since 1.11.13 drops edges
 * (xyflow#5194). The page-side promise is raced against `timeoutMs`.
 */
export async function domExport(page: Page, repoRoot: string, timeoutMs: number): Promise<DomExportResult> {
  // Evaluated through the DevTools protocol, not as a <script> tag: the server's CSP allows only its own scripts.
  const library = await readFile(
    path.join(repoRoot, 'node_modules/html-to-image/dist/html-to-image.js'),
    'utf8',
  );
  await page.evaluate(library);
  return page.evaluate(async (timeout) => {
    interface HtmlToImage {
      toPng(node: HTMLElement): Promise<string>;
    }
    const lib = (window as unknown as { htmlToImage: HtmlToImage }).htmlToImage;
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const nodesInDom = document.querySelectorAll('.react-flow__node').length;
    const edgesInDom = document.querySelectorAll('.react-flow__edge').length;
    if (!viewport)
      return {
        ms: 0,
        timedOut: false,
        error: 'no .react-flow__viewport on the page',
        nodesInDom,
        edgesInDom,
      };
    const started = performance.now();
    let timer = 0;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = window.setTimeout(() => resolve('timeout'), timeout);
    });
    try {
      const url = await Promise.race([lib.toPng(viewport), timedOut]);
      const elapsed = performance.now() - started;
      if (url === 'timeout') return { ms: elapsed, timedOut: true, nodesInDom, edgesInDom };
      const image = new Image();
      image.src = url;
      await image.decode();
      return {
        ms: elapsed,
        timedOut: false,
        width: image.naturalWidth,
        height: image.naturalHeight,
        nodesInDom,
        edgesInDom,
      };
    } catch (error) {
      return {
        ms: performance.now() - started,
        timedOut: false,
        error: String(error),
        nodesInDom,
        edgesInDom,
      };
    } finally {
      clearTimeout(timer);
    }
  }, timeoutMs);
}
