import type { BoardSnapshot } from '@interplay/shared';
import type { BoardSvgOptions } from './buildBoardSvg.ts';
import { buildSvgInWorker } from './buildSvgInWorker.ts';
import { abortError } from './superviseWorker.ts';
import { pngPixelBudget } from './canvasLimits.ts';
import type { ExportProgress, ExportScale } from './exportProgress.ts';
import { loadExportFonts } from './loadExportFonts.ts';
import { renderPngInWorker } from './png/renderPngInWorker.ts';

export interface ExportImageOptions extends Omit<BoardSvgOptions, 'fonts'> {
  readonly format: 'svg' | 'png';
  /** PNG only; default 2. */
  readonly scale?: ExportScale;
  /** PNG only: the most pixels to make (default `pngPixelBudget(scale)`); past it the scale is lowered (`scaledDownTo`). */
  readonly maxPixels?: number;
  /** PNG only: paint a large image on two cores, in two workers (default true). */
  readonly parallel?: boolean;
  /** Embed the Inter font (default true). */
  readonly embedFonts?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface ExportImageResult {
  readonly blob: Blob;
  readonly format: 'svg' | 'png';
  /** The SVG document (for a PNG: the one it was painted from). */
  readonly svg: string;
  /** Pixel size (PNG) or size in px at 100% (SVG). */
  readonly width: number;
  readonly height: number;
  /** PNG only: the smaller scale used because the requested one exceeded the pixel budget or the canvas limit. */
  readonly scaledDownTo: number | null;
  /** Milliseconds: building the SVG; for a PNG also painting and encoding it (0 for SVG). */
  readonly timings: {
    readonly svgMs: number;
    readonly pngMs: number;
    readonly drawMs: number;
    readonly encodeMs: number;
    /** PNG only: finer steps in the worker (ms), for the benchmark. */
    readonly steps: Readonly<Record<string, number>>;
  };
}

/** Width and height of an SVG document's root element, in px. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no width and height on its root element');
  return { width, height };
}

/**
 * The one call the export dialog makes: the board (or the selection in
 * `options.selection`) as an SVG or PNG file. Everything heavy runs in a Web
 * Worker — the SVG is built there, and a PNG is painted there from that same
 * SVG with Canvas 2D and encoded — so the page stays responsive. Reports
 * progress, and stops with an `AbortError` when `signal` aborts.
 *
 * @example
 * const result = await exportImage(readBoard(session.doc), {
 *   format: 'png', scale: 2, labels: exportLabels(language), language,
 *   title: session.title, legend: true, madeWith: true, signal: controller.signal,
 *   onProgress: ({ fraction }) => setProgress(fraction),
 * });
 * if (result.scaledDownTo) warn(t('export.scaledDown', { scale: result.scaledDownTo }));
 * downloadBlob(result.blob, exportFileName(session.title, 'png'));
 */
export async function exportImage(
  snapshot: BoardSnapshot,
  options: ExportImageOptions,
): Promise<ExportImageResult> {
  const {
    format,
    signal,
    onProgress,
    embedFonts = true,
    scale = 2,
    maxPixels,
    parallel = true,
    ...svgOptions
  } = options;
  if (signal?.aborted) throw abortError();
  onProgress?.({ phase: 'fonts', fraction: 0 });
  const fonts = embedFonts ? await loadExportFonts() : [];
  if (signal?.aborted) throw abortError();
  if (format === 'svg') {
    onProgress?.({ phase: 'svg', fraction: 0.1 });
    const svgStarted = performance.now();
    const svg = await buildSvgInWorker(snapshot, { ...svgOptions, fonts }, signal);
    const svgMs = performance.now() - svgStarted;
    onProgress?.({ phase: 'done', fraction: 1 });
    const { width, height } = svgSize(svg);
    const blob = new Blob([svg], { type: 'image/svg+xml' });
    return {
      blob,
      format,
      svg,
      width,
      height,
      scaledDownTo: null,
      timings: { svgMs, pngMs: 0, drawMs: 0, encodeMs: 0, steps: {} },
    };
  }
  const png = await renderPngInWorker(
    {
      snapshot,
      options: { ...svgOptions, fonts },
      scale,
      maxPixels: maxPixels ?? pngPixelBudget(scale),
      parallel,
    },
    signal,
    onProgress,
  );
  onProgress?.({ phase: 'done', fraction: 1 });
  const { svgMs, drawMs, encodeMs, steps } = png.timings;
  return {
    blob: png.blob,
    format,
    svg: png.svg,
    width: png.width,
    height: png.height,
    scaledDownTo: png.scaledDownTo,
    timings: { svgMs, pngMs: drawMs + encodeMs, drawMs, encodeMs, steps },
  };
}
