import { useEffect } from 'react';
import { useFlowViewport } from '../canvas/reactFlow/flowState.ts';
import type { BoardSession } from '../sync/BoardSession.ts';
import { publishPresence } from '@interplay/shared';
import type { FacilitationPresence, FlowViewport } from '@interplay/shared';
import { facilitationStore } from './facilitationStore.ts';

/** The facilitator's viewport goes out at most this often (10 Hz; the server batches awareness every 100 ms). */
export const VIEWPORT_INTERVAL_MS = 100;

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Facilitator only: publishes follow, spotlight, "bring everyone here" and the view shown to everyone as
 * the awareness field `facilitation`. The viewport is sent only while follow
 * is on, throttled, so an idle facilitator costs the room nothing.
 * Must be used inside React Flow.
 */
export function useFacilitatorBroadcast(session: BoardSession): void {
  const flowViewport = useFlowViewport();
  useEffect(() => {
    if (session.role !== 'facilitator') return;
    const local = facilitationStore(session.boardId);
    const centre = (): FlowViewport => {
      const { transform, width, height } = flowViewport.view();
      const [x, y, zoom] = transform;
      return {
        x: round((width / 2 - x) / zoom, 1),
        y: round((height / 2 - y) / zoom, 1),
        zoom: round(zoom, 4),
      };
    };
    let summon: FacilitationPresence['summon'] = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastSent = 0;

    const publish = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      lastSent = performance.now();
      const state = local.getState();
      const presence: FacilitationPresence = {
        follow: state.follow,
        viewport: state.follow ? centre() : null,
        spotlight: state.spotlight ? { ids: [...state.spotlight] } : null,
        summon,
        ...(state.view ? { view: state.view } : {}),
        ...(state.healthForAll || state.sharedHealth ? { colourByHealth: true } : {}),
      };
      publishPresence(session.awareness, 'facilitation', presence);
    };
    const schedule = (): void => {
      if (timer !== null) return;
      timer = setTimeout(publish, Math.max(0, VIEWPORT_INTERVAL_MS - (performance.now() - lastSent)));
    };

    publish();
    const stopLocal = local.subscribe((state, previous) => {
      if (state.summonNonce !== previous.summonNonce) {
        // A time-based nonce stays unique across reloads of the facilitator's page.
        summon = { viewport: centre(), nonce: Date.now() };
      }
      if (
        state.follow !== previous.follow ||
        state.spotlight !== previous.spotlight ||
        state.summonNonce !== previous.summonNonce ||
        state.view !== previous.view ||
        state.healthForAll !== previous.healthForAll ||
        state.sharedHealth !== previous.sharedHealth
      ) {
        publish();
      }
    });
    const stopFlow = flowViewport.subscribe((state, previous) => {
      if (!local.getState().follow) return;
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      ) {
        schedule();
      }
    });
    return () => {
      stopLocal();
      stopFlow();
      if (timer !== null) clearTimeout(timer);
      publishPresence(session.awareness, 'facilitation', null);
    };
  }, [flowViewport, session]);
}
