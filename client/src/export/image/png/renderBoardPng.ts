import type { BoardSnapshot } from '@interplay/shared';
import { buildBoardSvg } from '../buildBoardSvg.ts';
import type { BoardSvgOptions } from '../buildBoardSvg.ts';
import { fitCanvas, PNG_PIXEL_BUDGET } from '../canvasLimits.ts';
import type { CanvasFit } from '../canvasLimits.ts';
import type { EmbeddedFont } from '../embeddedFont.ts';
import { EXPORT_FONT_FAMILY } from '../embeddedFont.ts';
import type { ExportProgress } from '../exportProgress.ts';
import { ExportSvgPainter } from './paintExportSvg.ts';
import { parseExportSvg } from './parseExportSvg.ts';
import type { PngShareMessage, PngWorkerResult } from './pngWorkerProtocol.ts';

/** Where the worker's phases sit on the export's 0…1 progress bar (drawing and encoding take the most). */
const DRAW_FROM = 0.2;
const DRAW_TO = 0.7;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Font files this worker has registered (or is registering), by their data: each once, even if sent ahead. */
const added = new Map<string, Promise<void>>();

/** Registers the export's Inter files under the family name the SVG asks for, in this worker. */
export async function addFonts(fonts: readonly EmbeddedFont[]): Promise<void> {
  const set = (self as unknown as { fonts?: FontFaceSet }).fonts;
  if (!set || typeof FontFace === 'undefined') return;
  await Promise.all(
    fonts.map((font) => {
      let adding = added.get(font.woff2Base64);
      if (!adding) {
        const face = new FontFace(EXPORT_FONT_FAMILY, bytesOf(font.woff2Base64), {
          unicodeRange: font.unicodeRange,
          weight: '100 900',
        });
        adding = face.load().then((loaded) => {
          set.add(loaded);
        });
        // A failed load is not remembered, so the export's own call tries again and reports it.
        adding.catch(() => added.delete(font.woff2Base64));
        added.set(font.woff2Base64, adding);
      }
      return adding;
    }),
  );
}

/**
 * A canvas the browser could not allocate (out of memory) draws nothing and
 * reads back empty, which would make a blank file: one pixel painted and read
 * back before painting proves it is there (then cleared). Cheaper than
 * reading back a downscaled copy of 36 M pixels afterwards, and right for a
 * helper's transparent canvas too, which may be sparse by right.
 */
function ensureAllocated(context: OffscreenCanvasRenderingContext2D, width: number, height: number): void {
  context.fillRect(0, 0, 1, 1);
  const allocated = (context.getImageData(0, 0, 1, 1).data[3] ?? 0) > 0;
  context.clearRect(0, 0, 1, 1);
  if (!allocated) throw new Error(`the browser drew nothing on a ${width}×${height} canvas (out of memory?)`);
}

/**
 * Two workers paint an image of this many pixels or more; below, one does it
 * all (a second full-size canvas and its composite cost more than they save).
 */
export const SHARE_MIN_PIXELS = 4_000_000;
/**
 * Above this (4× posters, the canvas limit), one worker: two full-size
 * canvases would need 2 × 256–400 MB at once.
 */
export const SHARE_MAX_PIXELS = PNG_PIXEL_BUDGET;

/**
 * The main worker's share of the painting work. The helper starts later (it
 * waits for the SVG the main worker builds, then parses it) but the main
 * worker then composites and encodes: at 56 % it was the one still painting.
 */
const MAIN_SHARE = 0.5;

/** Whether a PNG of this size is painted by two workers (when a helper is there). */
export function sharePainting(fit: CanvasFit): boolean {
  const pixels = fit.width * fit.height;
  return pixels >= SHARE_MIN_PIXELS && pixels <= SHARE_MAX_PIXELS;
}

/** Timings of named steps, each from the end of the previous one. */
function stepTimer(): { steps: Record<string, number>; step: (name: string) => void } {
  const steps: Record<string, number> = {};
  let last = performance.now();
  return {
    steps,
    step: (name) => {
      const now = performance.now();
      steps[name] = now - last;
      last = now;
    },
  };
}

/** The PNG's pixel size for an export SVG (its root's `width`/`height`, as `buildBoardSvg` writes them first). */
function fitSvg(svg: string, scale: number, maxPixels: number): CanvasFit {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return fitCanvas(width, height, scale, maxPixels);
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The helper's share, as soon as it sends it (or its failure). */
function receiveShare(
  port: MessagePort,
): Promise<{ bitmap: ImageBitmap; steps: Readonly<Record<string, number>> }> {
  return new Promise((resolve, reject) => {
    port.onmessage = (event: MessageEvent<PngShareMessage>) => {
      const message = event.data;
      if (message.type === 'share') resolve(message);
      else if (message.type === 'error') reject(new Error(message.message));
    };
  });
}

/**
 * The board as a PNG, in a worker: builds the export SVG, then paints that
 * very document with Canvas 2D on an OffscreenCanvas (no SVG image decode on
 * the page's main thread) at `scale`, or at the largest scale within
 * `maxPixels` and the canvas limits (`scaledDownTo`), and encodes it.
 * With `helperPort` (and an image `sharePainting` accepts), it sends the SVG
 * to a helper worker on the other core, paints the first half of the
 * document's paint order while the helper paints the second
 * (`paintBoardPngShare`), and draws the helper's share over its own.
 * Never returns a blank image: a canvas that could not be allocated is an error.
 */
export async function renderBoardPng(
  snapshot: BoardSnapshot,
  options: BoardSvgOptions,
  scale: number,
  maxPixels: number,
  onProgress: (progress: ExportProgress) => void,
  helperPort?: MessagePort,
): Promise<PngWorkerResult> {
  const started = performance.now();
  const { steps, step } = stepTimer();
  onProgress({ phase: 'svg', fraction: 0.1 });
  const svg = buildBoardSvg(snapshot, options);
  const fit = fitSvg(svg, scale, maxPixels);
  const helperShare = helperPort && sharePainting(fit) ? receiveShare(helperPort) : null;
  helperPort?.postMessage((helperShare ? { type: 'svg', svg } : { type: 'none' }) satisfies PngShareMessage);
  step('build');
  const root = parseExportSvg(svg);
  step('parse');
  const svgMs = performance.now() - started;

  onProgress({ phase: 'draw', fraction: DRAW_FROM });
  await addFonts(options.fonts ?? []);
  step('fonts');
  const canvas = new OffscreenCanvas(fit.width, fit.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`the browser could not make a ${fit.width}×${fit.height} canvas`);
  ensureAllocated(context, fit.width, fit.height);
  const painter = new ExportSvgPainter(context, root, (done, total) =>
    onProgress({ phase: 'draw', fraction: DRAW_FROM + ((DRAW_TO - DRAW_FROM) * done) / total }),
  );
  if (helperShare) {
    painter.paintRange(fit.scale, { from: 0, to: painter.splitPoint(MAIN_SHARE) });
    // Canvas 2D rasterises the recorded calls in batches while painting; the rest before the composite.
    context.getImageData(0, 0, 1, 1);
    step('paint');
    const share = await helperShare;
    step('wait for helper');
    for (const [name, ms] of Object.entries(share.steps)) steps[`helper ${name}`] = ms;
    // The helper painted everything after this worker's share, so its canvas goes on top.
    context.drawImage(share.bitmap, 0, 0);
    share.bitmap.close();
    step('composite');
  } else {
    painter.paint(fit.scale);
    step('paint');
  }
  const drawn = performance.now();
  onProgress({ phase: 'encode', fraction: DRAW_TO });
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  step('encode');
  const encodeMs = performance.now() - drawn;
  return {
    blob,
    svg,
    width: fit.width,
    height: fit.height,
    scaledDownTo: fit.scaledDownTo,
    timings: { svgMs, drawMs: drawn - started - svgMs, encodeMs, steps },
  };
}

/** The SVG from the main worker, or null when it paints the image alone. */
function receiveSvg(port: MessagePort): Promise<string | null> {
  return new Promise((resolve) => {
    port.onmessage = (event: MessageEvent<PngShareMessage>) => {
      const message = event.data;
      if (message.type === 'svg') resolve(message.svg);
      else if (message.type === 'none') resolve(null);
    };
  });
}

/**
 * The helper's share of a two-worker PNG (see `renderBoardPng`): loads the
 * fonts while the main worker builds the SVG, receives it over `port`, paints
 * the second half of its paint order (`splitPoint`) on a transparent canvas
 * of the full size and sends that back as an ImageBitmap (transferred, not
 * copied). Does nothing when the main worker paints alone.
 */
export async function paintBoardPngShare(
  port: MessagePort,
  fonts: readonly EmbeddedFont[],
  scale: number,
  maxPixels: number,
): Promise<void> {
  const { steps, step } = stepTimer();
  try {
    const [svg] = await Promise.all([receiveSvg(port), addFonts(fonts)]);
    step('fonts, waiting for the SVG');
    if (svg === null) return;
    const fit = fitSvg(svg, scale, maxPixels);
    const root = parseExportSvg(svg);
    step('parse');
    const canvas = new OffscreenCanvas(fit.width, fit.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error(`the browser could not make a ${fit.width}×${fit.height} canvas`);
    ensureAllocated(context, fit.width, fit.height);
    const painter = new ExportSvgPainter(context, root);
    painter.paintRange(fit.scale, { from: painter.splitPoint(MAIN_SHARE), to: Infinity });
    // The rest of the recorded calls are rasterised here rather than when the bitmap is taken, so it counts as painting.
    context.getImageData(0, 0, 1, 1);
    step('paint');
    const bitmap = canvas.transferToImageBitmap();
    port.postMessage({ type: 'share', bitmap, steps } satisfies PngShareMessage, [bitmap]);
  } catch (error) {
    port.postMessage({ type: 'error', message: errorText(error) } satisfies PngShareMessage);
    throw error;
  }
}
