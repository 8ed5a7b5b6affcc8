import type { BoardSnapshot } from '@interplay/shared';
import { buildBoardSvg } from '../buildBoardSvg.ts';
import type { BoardSvgOptions } from '../buildBoardSvg.ts';
import { fitCanvas } from '../canvasLimits.ts';
import type { EmbeddedFont } from '../embeddedFont.ts';
import { EXPORT_FONT_FAMILY } from '../embeddedFont.ts';
import type { ExportProgress } from '../exportProgress.ts';
import { ExportSvgPainter } from './paintExportSvg.ts';
import { parseExportSvg } from './parseExportSvg.ts';
import type { PngWorkerResult } from './pngWorkerProtocol.ts';

/** Where the worker's phases sit on the export's 0…1 progress bar (drawing and encoding take the most). */
const DRAW_FROM = 0.2;
const DRAW_TO = 0.7;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Registers the export's Inter files under the family name the SVG asks for, in this worker. */
async function addFonts(fonts: readonly EmbeddedFont[]): Promise<void> {
  const set = (self as unknown as { fonts?: FontFaceSet }).fonts;
  if (!set || typeof FontFace === 'undefined') return;
  await Promise.all(
    fonts.map(async (font) => {
      const face = new FontFace(EXPORT_FONT_FAMILY, bytesOf(font.woff2Base64), {
        unicodeRange: font.unicodeRange,
        weight: '100 900',
      });
      set.add(await face.load());
    }),
  );
}

/**
 * Whether anything was drawn: a canvas the browser could not allocate stays
 * fully transparent. Reads one 32×32 downscaled copy, not the whole buffer.
 */
function hasContent(canvas: OffscreenCanvas): boolean {
  const probe = new OffscreenCanvas(32, 32);
  const context = probe.getContext('2d', { willReadFrequently: true });
  if (!context) return true;
  context.drawImage(canvas, 0, 0, 32, 32);
  const { data } = context.getImageData(0, 0, 32, 32);
  for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
  return false;
}

/**
 * The board as a PNG, in a worker: builds the export SVG, then paints that
 * very document with Canvas 2D on an OffscreenCanvas (no SVG image decode on
 * the page's main thread) at `scale`, or at the largest scale within
 * `maxPixels` and the canvas limits (`scaledDownTo`), and encodes it.
 * Never returns a blank image: an empty canvas is an error.
 */
export async function renderBoardPng(
  snapshot: BoardSnapshot,
  options: BoardSvgOptions,
  scale: number,
  maxPixels: number,
  onProgress: (progress: ExportProgress) => void,
): Promise<PngWorkerResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let stepStarted = started;
  const step = (name: string): void => {
    const now = performance.now();
    steps[name] = now - stepStarted;
    stepStarted = now;
  };
  onProgress({ phase: 'svg', fraction: 0.1 });
  const svg = buildBoardSvg(snapshot, options);
  step('build');
  const root = parseExportSvg(svg);
  step('parse');
  const svgMs = performance.now() - started;

  const width = Number(root.attributes.get('width'));
  const height = Number(root.attributes.get('height'));
  const fit = fitCanvas(width, height, scale, maxPixels);
  onProgress({ phase: 'draw', fraction: DRAW_FROM });
  await addFonts(options.fonts ?? []);
  step('fonts');
  const canvas = new OffscreenCanvas(fit.width, fit.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`the browser could not make a ${fit.width}×${fit.height} canvas`);
  const painter = new ExportSvgPainter(context, root, (done, total) =>
    onProgress({ phase: 'draw', fraction: DRAW_FROM + ((DRAW_TO - DRAW_FROM) * done) / total }),
  );
  painter.paint(fit.scale);
  // Canvas 2D rasterises the recorded calls in batches while painting, the rest at the probe below.
  step('paint');
  if (!hasContent(canvas)) {
    throw new Error(`the browser drew nothing on a ${fit.width}×${fit.height} canvas (out of memory?)`);
  }
  step('probe');
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
