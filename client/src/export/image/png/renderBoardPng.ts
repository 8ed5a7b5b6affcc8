import type { BoardSnapshot } from '@interplay/shared';
import { buildBoardSvg } from '../buildBoardSvg.ts';
import type { BoardSvgOptions } from '../buildBoardSvg.ts';
import { fitCanvas, PNG_PIXEL_BUDGET } from '../canvasLimits.ts';
import type { CanvasFit } from '../canvasLimits.ts';
import type { EmbeddedFont } from '../embeddedFont.ts';
import { EXPORT_FONT_FAMILY } from '../embeddedFont.ts';
import type { ExportProgress } from '../exportProgress.ts';
import { bandSplit, encodeBand, joinBands } from './encodeBandPng.ts';
import type { EncodedBand } from './encodeBandPng.ts';
import { ExportSvgPainter } from './paintExportSvg.ts';
import { parseExportSvg } from './parseExportSvg.ts';
import type { SvgElement } from './parseExportSvg.ts';
import type { PngShareMessage, PngWorkerRequest, PngWorkerResult } from './pngWorkerProtocol.ts';

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
 * Two workers make a PNG of this many pixels or more; below, one does it all
 * (a second worker building the SVG costs more than it saves).
 */
export const SHARE_MIN_PIXELS = 4_000_000;
/**
 * Above this (4× posters), one worker: the band encoder is only used up to
 * the 1×/2× budget, where it was measured against the browser's encoder.
 */
export const SHARE_MAX_PIXELS = PNG_PIXEL_BUDGET;

/** Whether a PNG of this size is made by two workers (when a helper is there). */
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

/** A canvas of `width`×`height` that is really there (see `ensureAllocated`). */
function makeCanvas(
  width: number,
  height: number,
): { canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D } {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`the browser could not make a ${width}×${height} canvas`);
  ensureAllocated(context, width, height);
  return { canvas, context };
}

/**
 * Paints rows `[top, top + rows)` of the whole image (`fit`) on a canvas of
 * just that band (see `ExportSvgPainter.paint`) and returns its pixels.
 */
function paintBand(
  root: SvgElement,
  fit: CanvasFit,
  top: number,
  rows: number,
  step: (name: string) => void,
  onStep?: (done: number, total: number) => void,
): Uint8ClampedArray {
  const { context } = makeCanvas(fit.width, rows);
  new ExportSvgPainter(context, root, onStep).paint(fit.scale, { top, rows });
  // Canvas 2D rasterises the recorded calls in batches; the rest now, so that it counts as painting.
  context.getImageData(0, 0, 1, 1);
  step('paint');
  const pixels = context.getImageData(0, 0, fit.width, rows).data;
  step('read');
  return pixels;
}

/** The helper's band, as soon as it sends it (or its failure). */
function receiveBand(port: MessagePort): Promise<EncodedBand & { steps: Readonly<Record<string, number>> }> {
  return new Promise((resolve, reject) => {
    port.onmessage = (event: MessageEvent<PngShareMessage>) => {
      const message = event.data;
      if (message.type === 'band') resolve(message);
      else reject(new Error(message.message));
    };
  });
}

/**
 * The board as a PNG, in a worker: builds the export SVG, then paints that
 * very document with Canvas 2D on an OffscreenCanvas (no SVG image decode on
 * the page's main thread) at `scale`, or at the largest scale within
 * `maxPixels` and the canvas limits (`scaledDownTo`), and encodes it.
 * With `helperPort` (and an image `sharePainting` accepts), a helper worker on
 * the other core builds the same SVG from the same board at the same time
 * (`paintBoardPngBand`); this worker paints and encodes the image's upper
 * band (`bandSplit`), the helper the lower one, and the two encoded bands are
 * joined into one file: no composite, no second full-size canvas, and the
 * encoding, which the browser's `convertToBlob` does on one core, is split too.
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
  // Listen first: the helper may finish its band before this worker is done.
  const helperBand = helperPort && sharePainting(fit) ? receiveBand(helperPort) : null;
  step('build');
  const root = parseExportSvg(svg);
  step('parse');
  const svgMs = performance.now() - started;

  onProgress({ phase: 'draw', fraction: DRAW_FROM });
  await addFonts(options.fonts ?? []);
  step('fonts');
  const result = (blob: Blob, drawn: number): PngWorkerResult => ({
    blob,
    svg,
    width: fit.width,
    height: fit.height,
    scaledDownTo: fit.scaledDownTo,
    timings: { svgMs, drawMs: drawn - started - svgMs, encodeMs: performance.now() - drawn, steps },
  });
  const drawProgress = (done: number, total: number): void =>
    onProgress({ phase: 'draw', fraction: DRAW_FROM + ((DRAW_TO - DRAW_FROM) * done) / total });
  if (helperBand) {
    const split = bandSplit(fit.height);
    const pixels = paintBand(root, fit, 0, split, step, drawProgress);
    const drawn = performance.now();
    onProgress({ phase: 'encode', fraction: DRAW_TO });
    const upper = encodeBand(pixels, fit.width, split, true, false);
    step('encode');
    const lower = await helperBand;
    step('wait for helper');
    for (const [name, ms] of Object.entries(lower.steps)) steps[`helper ${name}`] = ms;
    const blob = joinBands(fit.width, fit.height, [upper, lower]);
    step('join');
    return result(blob, drawn);
  }
  const { canvas, context } = makeCanvas(fit.width, fit.height);
  new ExportSvgPainter(context, root, drawProgress).paint(fit.scale);
  step('paint');
  const drawn = performance.now();
  onProgress({ phase: 'encode', fraction: DRAW_TO });
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  step('encode');
  return result(blob, drawn);
}

/**
 * The helper's part of a two-worker PNG (see `renderBoardPng`): builds the
 * same SVG from the same board as the main worker, at the same time, paints
 * the image's lower band (`bandSplit`), encodes it as the end of the file's
 * zlib stream and sends its IDAT chunk over `port` (transferred, not copied).
 * Does nothing when the main worker makes the image alone (`sharePainting`,
 * which both decide from the same SVG).
 */
export async function paintBoardPngBand(port: MessagePort, request: PngWorkerRequest): Promise<void> {
  const { steps, step } = stepTimer();
  try {
    const svg = buildBoardSvg(request.snapshot, request.options);
    const fit = fitSvg(svg, request.scale, request.maxPixels);
    if (!sharePainting(fit)) return;
    step('build');
    const root = parseExportSvg(svg);
    step('parse');
    await addFonts(request.options.fonts ?? []);
    step('fonts');
    const split = bandSplit(fit.height);
    const rows = fit.height - split;
    const pixels = paintBand(root, fit, split, rows, step);
    const band = encodeBand(pixels, fit.width, rows, false, true);
    step('encode');
    port.postMessage({ type: 'band', ...band, steps } satisfies PngShareMessage, [band.chunk.buffer]);
  } catch (error) {
    port.postMessage({ type: 'error', message: errorText(error) } satisfies PngShareMessage);
    throw error;
  }
}
