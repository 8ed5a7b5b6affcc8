import type { BoardSnapshot } from '@interplay/shared';
import type { BoardSvgOptions } from './buildBoardSvg.ts';
import { abortError, buildSvgInWorker } from './buildSvgInWorker.ts';
import { loadExportFonts } from './loadExportFonts.ts';
import { renderSvgToPng, svgSize } from './renderSvgToPng.ts';
import type { ExportProgress, ExportScale } from './renderSvgToPng.ts';

export interface ExportImageOptions extends Omit<BoardSvgOptions, 'fonts'> {
  readonly format: 'svg' | 'png';
  /** PNG only; default 2. */
  readonly scale?: ExportScale;
  /** Embed the Inter font (default true). */
  readonly embedFonts?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface ExportImageResult {
  readonly blob: Blob;
  readonly format: 'svg' | 'png';
  /** The SVG document (for a PNG: the one it was rendered from). */
  readonly svg: string;
  /** Pixel size (PNG) or size in px at 100% (SVG). */
  readonly width: number;
  readonly height: number;
  /** PNG only: the smaller scale used because the requested one exceeded the browser's canvas limit. */
  readonly scaledDownTo: number | null;
  /** Milliseconds spent building the SVG, and rasterising it (0 for SVG). */
  readonly timings: { readonly svgMs: number; readonly pngMs: number };
}

/**
 * The one call the export dialog makes: the board (or the selection in
 * `options.selection`) as an SVG or PNG file. Builds the SVG in a worker,
 * reports progress, and stops with an `AbortError` when `signal` aborts.
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
  const { format, signal, onProgress, embedFonts = true, scale = 2, ...svgOptions } = options;
  if (signal?.aborted) throw abortError();
  onProgress?.({ phase: 'fonts', fraction: 0 });
  const fonts = embedFonts ? await loadExportFonts() : [];
  if (signal?.aborted) throw abortError();
  onProgress?.({ phase: 'svg', fraction: 0.1 });
  const svgStarted = performance.now();
  const svg = await buildSvgInWorker(snapshot, { ...svgOptions, fonts }, signal);
  const svgMs = performance.now() - svgStarted;
  if (format === 'svg') {
    onProgress?.({ phase: 'done', fraction: 1 });
    const { width, height } = svgSize(svg);
    const blob = new Blob([svg], { type: 'image/svg+xml' });
    return { blob, format, svg, width, height, scaledDownTo: null, timings: { svgMs, pngMs: 0 } };
  }
  const pngStarted = performance.now();
  const png = await renderSvgToPng(svg, {
    scale,
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    blob: png.blob,
    format,
    svg,
    width: png.width,
    height: png.height,
    scaledDownTo: png.scaledDownTo,
    timings: { svgMs, pngMs: performance.now() - pngStarted },
  };
}
