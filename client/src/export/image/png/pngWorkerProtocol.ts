import type { BoardSnapshot } from '@interplay/shared';
import type { BoardSvgOptions } from '../buildBoardSvg.ts';
import type { ExportProgress } from '../exportProgress.ts';

export interface PngWorkerRequest {
  readonly snapshot: BoardSnapshot;
  readonly options: BoardSvgOptions;
  /** Requested pixels per map unit. */
  readonly scale: number;
  /** Pixel budget (see `PNG_PIXEL_BUDGET`). */
  readonly maxPixels: number;
}

export interface PngWorkerResult {
  readonly blob: Blob;
  /** The SVG document the PNG was painted from. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly scaledDownTo: number | null;
  /** Milliseconds: building the SVG, loading fonts + painting, encoding the PNG. */
  readonly timings: {
    readonly svgMs: number;
    readonly drawMs: number;
    readonly encodeMs: number;
    /** Finer steps (ms, in order), for the benchmark: where the time goes. */
    readonly steps: Readonly<Record<string, number>>;
  };
}

export type PngWorkerReply =
  | { readonly type: 'progress'; readonly progress: ExportProgress }
  | { readonly type: 'done'; readonly result: PngWorkerResult }
  | { readonly type: 'error'; readonly message: string };
