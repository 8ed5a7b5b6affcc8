import { todayIso } from '@interplay/shared';
import type { BoardViewStore } from '../../canvas/view/boardViewStore.ts';
import type { MapView } from '../../canvas/view/mapView.ts';
import { effectiveView } from '../insightStore.ts';
import type { InsightStore } from '../insightStore.ts';
import { NO_FILTERS } from './filters.ts';
import { composeInsightView } from './insightView.ts';

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

function sameRings(a: ReadonlyMap<string, string> | null, b: ReadonlyMap<string, string> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [id, colour] of a) if (b.get(id) !== colour) return false;
  return true;
}

/**
 * Shows the insight store's view on the map: whenever the view, the clusters or the board change, the
 * composed hidden, dimmed and ringed ids go into the map's view (`MapView`), which keeps its colouring and
 * labels. The map's view is replaced only when what it shows changes, so a move re-derives nothing extra.
 * @returns a stop function.
 */
export function applyInsightView(board: BoardViewStore, insight: InsightStore): () => void {
  const apply = (): void => {
    const state = insight.getState();
    const { figures } = state;
    const view = effectiveView(state);
    const { snapshot, view: shown } = board.getState();
    const plain =
      view.filters === NO_FILTERS && !view.neighbourhood && !view.highlight && !view.colourByCluster;
    if (plain && shown.hidden.size === 0 && shown.dimmed.size === 0 && shown.rings === null) {
      insight.getState().setCounts(null);
      return;
    }
    const composed = composeInsightView(snapshot, view, figures?.clusters ?? null, todayIso());
    insight.getState().setCounts(composed.counts);
    if (
      sameSet(shown.hidden, composed.hidden) &&
      sameSet(shown.dimmed, composed.dimmed) &&
      sameRings(shown.rings, composed.rings)
    ) {
      return;
    }
    const next: MapView = {
      ...shown,
      hidden: composed.hidden,
      dimmed: composed.dimmed,
      rings: composed.rings,
    };
    board.getState().setView(next);
  };
  apply();
  const stopInsight = insight.subscribe((state, previous) => {
    if (
      state.view !== previous.view ||
      state.shared !== previous.shared ||
      state.steppedOut !== previous.steppedOut ||
      state.figures?.clusters !== previous.figures?.clusters
    ) {
      apply();
    }
  });
  const stopBoard = board.subscribe((state, previous) => {
    if (state.snapshot !== previous.snapshot) apply();
  });
  return () => {
    stopInsight();
    stopBoard();
  };
}
