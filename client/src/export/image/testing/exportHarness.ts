/**
 * A page entry for browser tests and `npm run bench:export`: opens a board
 * through the app's own sync session and exposes the real export pipeline
 * (worker, fonts, canvas) on `window.__interplayExport`. It is built into a
 * separate bundle by `test/bench/export/buildExportHarness.ts` and is never
 * part of the app's build, so production pages carry no test hook.
 */
import { readBoard } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import type { BoardSnapshot, NodeId } from '@interplay/shared';
import { KIND_COLOURS } from '../../../theme/relationshipStyle.ts';
import { SECTOR_COLOURS } from '../../../theme/sectors.ts';
import { createBoardSession } from '../../../sync/BoardSession.ts';
import type { BoardSession } from '../../../sync/BoardSession.ts';
import { buildBoardSvg } from '../buildBoardSvg.ts';
import { exportImage } from '../exportImage.ts';
import type { ExportImageOptions } from '../exportImage.ts';
import { exportLabels } from '../exportLabels.ts';
import { loadExportFonts } from '../loadExportFonts.ts';
import { prewarmPngWorkers } from '../png/pngWorkerPool.ts';
import type { ExportProgress } from '../exportProgress.ts';

export interface HarnessRunOptions extends Omit<
  ExportImageOptions,
  'labels' | 'signal' | 'onProgress' | 'selection' | 'faded'
> {
  readonly language?: 'en' | 'nl';
  /** Names of nodes to export instead of the whole board. */
  readonly selectNames?: readonly string[];
  /** Names of nodes to draw faded, as an image "as shown" fades what a filter leaves out. */
  readonly fadeNames?: readonly string[];
  /** Abort the export this many ms after it starts. */
  readonly abortAfterMs?: number;
  /** Return the file's bytes (base64) to the test. */
  readonly returnBytes?: boolean;
  /** Return the SVG document (for a PNG, the one it was rendered from). */
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
  /** PNG only: the worker's finer steps (ms). */
  readonly steps?: Readonly<Record<string, number>>;
  /** Every progress report, with ms since the export started. */
  readonly progress: ReadonlyArray<ExportProgress & { readonly atMs: number }>;
  /** Longest gap between animation frames during the export: the page stays responsive if this stays small. */
  readonly longestFrameGapMs: number;
}

export interface ExportHarness {
  open(
    boardId: string,
    key: string,
  ): Promise<{ organisations: number; people: number; relationships: number }>;
  run(options: HarnessRunOptions): Promise<HarnessRunResult>;
  /** The canvas's palette, so tests check pixels against the theme the map uses. */
  theme(): { sectorColours: Record<string, string>; kindColours: Record<string, string> };
  /** What the export dialog does when it opens: PNG workers started, fonts registered; resolves when ready. */
  prewarm(): Promise<void>;
  /** Times reading the board and `exportBoardJson` (the data format engineer's JSON export) on the page. */
  exportJson(): { readMs: number; jsonMs: number; bytes: number };
  /** `buildBoardSvg` on the page's main thread, for timing without the worker hop. */
  buildOnMainThread(options: { legend?: boolean }): Promise<{ ms: number; chars: number }>;
}

declare global {
  interface Window {
    __interplayExport?: ExportHarness;
  }
}

let session: BoardSession | null = null;

function snapshot(): BoardSnapshot {
  if (!session) throw new Error('call open(boardId, key) first');
  return readBoard(session.doc);
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the blob'));
    reader.readAsDataURL(blob);
  });
}

window.__interplayExport = {
  async open(boardId, key) {
    session?.destroy();
    const opened = createBoardSession({ boardId, key, title: '', role: 'viewer' });
    session = opened;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the board did not sync within 60 s')), 60_000);
      const done = (): boolean => {
        if (!opened.connection.getState().synced) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      if (!done()) {
        const stop = opened.connection.subscribe(() => {
          if (done()) stop();
        });
      }
    });
    const board = snapshot();
    return {
      organisations: board.organisations.size,
      people: board.people.size,
      relationships: board.relationships.size,
    };
  },

  async run(options) {
    const {
      language = 'en',
      selectNames,
      fadeNames,
      abortAfterMs,
      returnBytes,
      returnSvg,
      ...rest
    } = options;
    const board = snapshot();
    const named = (names: readonly string[] | undefined): NodeId[] | null =>
      names
        ? [...board.organisations.values(), ...board.people.values()]
            .filter((node) => names.includes(node.name))
            .map((node) => node.id as NodeId)
        : null;
    const selection = named(selectNames);
    const faded = named(fadeNames);
    const controller = new AbortController();
    if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
    const progress: Array<ExportProgress & { atMs: number }> = [];
    let longestFrameGapMs = 0;
    let running = true;
    let last = performance.now();
    const tick = (now: number): void => {
      longestFrameGapMs = Math.max(longestFrameGapMs, now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const started = performance.now();
    try {
      const result = await exportImage(board, {
        ...rest,
        labels: exportLabels(language),
        language,
        selection,
        faded,
        signal: controller.signal,
        onProgress: (p) => progress.push({ ...p, atMs: performance.now() - started }),
      });
      return {
        ok: true,
        width: result.width,
        height: result.height,
        scaledDownTo: result.scaledDownTo,
        bytes: result.blob.size,
        ...(returnBytes ? { base64: await blobToBase64(result.blob) } : {}),
        ...(returnSvg ? { svg: result.svg } : {}),
        totalMs: performance.now() - started,
        svgMs: result.timings.svgMs,
        pngMs: result.timings.pngMs,
        drawMs: result.timings.drawMs,
        encodeMs: result.timings.encodeMs,
        steps: result.timings.steps,
        progress,
        longestFrameGapMs,
      };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      return {
        ok: false,
        error: { name: e.name, message: e.message },
        totalMs: performance.now() - started,
        progress,
        longestFrameGapMs,
      };
    } finally {
      running = false;
    }
  },

  prewarm() {
    return prewarmPngWorkers();
  },

  exportJson() {
    const started = performance.now();
    const board = snapshot();
    const read = performance.now();
    const json = exportBoardJson(board);
    const blob = new Blob([json], { type: 'application/json' });
    return { readMs: read - started, jsonMs: performance.now() - read, bytes: blob.size };
  },

  theme() {
    return { sectorColours: { ...SECTOR_COLOURS }, kindColours: { ...KIND_COLOURS } };
  },

  async buildOnMainThread({ legend = false }) {
    const fonts = await loadExportFonts();
    const started = performance.now();
    const svg = buildBoardSvg(snapshot(), { labels: exportLabels('en'), fonts, legend });
    return { ms: performance.now() - started, chars: svg.length };
  },
};
