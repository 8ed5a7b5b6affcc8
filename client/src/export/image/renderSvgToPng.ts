import { abortError } from './buildSvgInWorker.ts';
import { fitCanvas } from './canvasLimits.ts';

export type ExportScale = 1 | 2 | 4;

export type ExportPhase = 'fonts' | 'svg' | 'image' | 'draw' | 'encode' | 'done';

/** `fraction` runs from 0 to 1 over the whole export. */
export interface ExportProgress {
  readonly phase: ExportPhase;
  readonly fraction: number;
}

export interface RenderPngOptions {
  readonly scale: ExportScale;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface PngResult {
  readonly blob: Blob;
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
  /** Pixels per map unit actually used. */
  readonly scale: number;
  /**
   * Set when the requested scale would have exceeded the browser's canvas
   * limit: the (smaller) scale used instead. Tell the user; never ignore it.
   */
  readonly scaledDownTo: number | null;
}

/** Width and height of an SVG document's root element, in px. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no width and height on its root element');
  return { width, height };
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new Error('the browser could not read the exported SVG');
  }
  return image;
}

const nextFrame = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => resolve())
      : setTimeout(resolve, 16),
  );

/**
 * Whether anything was drawn: a canvas the browser could not allocate stays
 * fully transparent. Reads one 32×32 downscaled copy instead of the full
 * buffer (a 16k canvas is hundreds of MB).
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
 * Rasterises an SVG document to a PNG in the browser, at `scale`× its size,
 * or at the largest scale the browser's canvas can hold (`scaledDownTo`).
 * Fails with a clear error, never a blank file, when nothing could be drawn.
 * Rejects with an `AbortError` when `signal` aborts.
 */
export async function renderSvgToPng(svg: string, options: RenderPngOptions): Promise<PngResult> {
  const { signal, onProgress } = options;
  const check = (): void => {
    if (signal?.aborted) throw abortError();
  };
  check();
  const size = svgSize(svg);
  const fit = fitCanvas(size.width, size.height, options.scale);
  onProgress?.({ phase: 'image', fraction: 0.45 });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    check();
    onProgress?.({ phase: 'draw', fraction: 0.6 });
    const canvas = new OffscreenCanvas(fit.width, fit.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error(`the browser could not make a ${fit.width}×${fit.height} canvas`);
    // Embedded fonts in an SVG image can arrive a frame after decode(): a tiny first draw starts them loading.
    new OffscreenCanvas(1, 1).getContext('2d')?.drawImage(image, 0, 0, 1, 1);
    await nextFrame();
    check();
    // One draw: Chromium re-rasterises the whole SVG for every drawImage, so drawing in tiles multiplies the cost.
    context.drawImage(image, 0, 0, fit.width, fit.height);
    if (!hasContent(canvas)) {
      throw new Error(`the browser drew nothing on a ${fit.width}×${fit.height} canvas (out of memory?)`);
    }
    check();
    onProgress?.({ phase: 'encode', fraction: 0.75 });
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    check();
    onProgress?.({ phase: 'done', fraction: 1 });
    return { blob, width: fit.width, height: fit.height, scale: fit.scale, scaledDownTo: fit.scaledDownTo };
  } finally {
    URL.revokeObjectURL(url);
  }
}
