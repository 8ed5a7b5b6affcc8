import { useEffect } from 'react';
import type { SharedView } from '@interplay/shared';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { facilitationStore } from '../facilitation/facilitationStore.ts';
import { useFacilitatorPresence } from '../facilitation/useFollowFacilitator.ts';
import type { InsightStore } from './insightStore.ts';
import type { InsightView } from './view/insightView.ts';

const shareable = ({ filters, mode, neighbourhood, highlight }: InsightView): SharedView => ({
  filters,
  mode,
  neighbourhood,
  highlight,
});

/**
 * "Show my view", both ends: while the facilitator shares (the session bar's toggle), their page hands its
 * view to facilitation presence (the server lets only a facilitator's presence carry it); every other page takes the
 * facilitator's shared view into its insight state, to show it unless the person stepped out.
 */
export function useSharedView(insight: InsightStore): void {
  const { session } = useBoardViewContext();
  const facilitator = useFacilitatorPresence(session);
  const isFacilitator = session.role === 'facilitator';

  useEffect(() => {
    if (!isFacilitator) return;
    const local = facilitationStore(session.boardId);
    const publish = (): void => {
      const { view } = insight.getState();
      local.getState().setView(local.getState().sharing ? shareable(view) : null);
    };
    publish();
    const stopInsight = insight.subscribe((state, previous) => {
      if (state.view !== previous.view && local.getState().sharing) publish();
    });
    const stopLocal = local.subscribe((state, previous) => {
      if (state.sharing !== previous.sharing) publish();
    });
    return () => {
      stopInsight();
      stopLocal();
      local.getState().setView(null);
    };
  }, [insight, isFacilitator, session.boardId]);

  const view = isFacilitator ? null : (facilitator?.facilitation.view ?? null);
  const name = facilitator?.name ?? '';
  useEffect(() => {
    insight.getState().setShared(view ? { view, name } : null);
  }, [insight, view, name]);
}
