import type { BoardSnapshot } from '@interplay/shared';
import type { BoardSvgOptions } from '../buildBoardSvg.ts';
import type { EmbeddedFont } from '../embeddedFont.ts';
import type { ExportProgress } from '../exportProgress.ts';

/** A PNG export, as the page asks for it. */
export interface PngWorkerRequest {
  readonly snapshot: BoardSnapshot;
  readonly options: BoardSvgOptions;
  /** Requested pixels per map unit. */
  readonly scale: number;
  /** Pixel budget (see `PNG_PIXEL_BUDGET`). */
  readonly maxPixels: number;
  /** Paint a large image on two cores (two workers); false: one worker does it all. */
  readonly parallel: boolean;
}

/**
 * What a PNG worker is asked. A large PNG is made by two workers at once
 * (one per core): both build the SVG from the board; the `main` worker paints
 * and encodes the image's upper band and writes the file, the `helper` paints
 * and encodes the lower band and sends it over a MessageChannel
 * (`PngShareMessage`), not through the page.
 */
export type PngWorkerMessage =
  /** Sent ahead of an export (see `prewarmPngWorkers`): register these fonts now. */
  | { readonly role: 'fonts'; readonly fonts: readonly EmbeddedFont[] }
  | { readonly role: 'main'; readonly request: PngWorkerRequest; readonly helperPort?: MessagePort }
  | { readonly role: 'helper'; readonly request: PngWorkerRequest; readonly port: MessagePort };

/** From the helper to the main worker: its encoded band (see `encodeBand`), or why it failed. */
export type PngShareMessage =
  | {
      readonly type: 'band';
      readonly chunk: Uint8Array<ArrayBuffer>;
      readonly adler: number;
      readonly rawLength: number;
      readonly steps: Readonly<Record<string, number>>;
    }
  | { readonly type: 'error'; readonly message: string };

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
  | { readonly type: 'fontsReady' }
  | { readonly type: 'progress'; readonly progress: ExportProgress }
  | { readonly type: 'done'; readonly result: PngWorkerResult }
  /** The helper is done: it has sent its band to the main worker, or the main worker paints alone. */
  | { readonly type: 'helped' }
  | { readonly type: 'error'; readonly message: string };
