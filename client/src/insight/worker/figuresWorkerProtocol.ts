import type { BoardSnapshot } from '@interplay/shared';
import type { InsightFigures } from '../figures/figureTypes.ts';

/** One board state to compute figures for; `seq` pairs the reply with it. Snapshots cross by structured clone. */
export interface FiguresRequest {
  readonly seq: number;
  readonly snapshot: BoardSnapshot;
  /** `YYYY-MM-DD`: maintenance is judged against the page's own calendar date. */
  readonly today: string;
}

export type FiguresReply =
  | { readonly seq: number; readonly ok: true; readonly figures: InsightFigures; readonly ms: number }
  | { readonly seq: number; readonly ok: false; readonly message: string };
