import type { BoardSnapshot } from '@interplay/shared';
import type { BoardSvgOptions } from './buildBoardSvg.ts';

/** Snapshots are Maps of plain objects: structured clone carries them as they are. */
export interface SvgWorkerRequest {
  readonly snapshot: BoardSnapshot;
  readonly options: BoardSvgOptions;
}

export type SvgWorkerReply =
  { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly message: string };
