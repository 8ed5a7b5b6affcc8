import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { selectDomNode, useFlowView } from '../canvas/reactFlow/flowState.ts';
import { useStore } from 'zustand';
import type { BoardSession } from '../sync/BoardSession.ts';
import { findFacilitator, sameFacilitator, type FacilitatorPresence } from './facilitationAwareness.ts';
import { facilitationStore } from './facilitationStore.ts';

/** Smooths the facilitator's 10 Hz viewport updates into continuous motion. */
export const FOLLOW_DURATION_MS = 100;
/** A pointer that moves this far with a button down on the map is a pan: it steps out of following. */
const PAN_THRESHOLD_PX = 4;

export interface FollowState {
  facilitator: FacilitatorPresence | null;
  /** The facilitator asks to be followed and this page follows. */
  following: boolean;
  /** The facilitator asks to be followed but this page stepped out. */
  steppedOut: boolean;
}

/** The facilitator's presence from awareness; a new object only when something a participant sees changed. */
export function useFacilitatorPresence(session: BoardSession): FacilitatorPresence | null {
  const [facilitator, setFacilitator] = useState<FacilitatorPresence | null>(() =>
    findFacilitator(session.awareness),
  );
  useEffect(() => {
    const update = (): void =>
      setFacilitator((previous) => {
        const next = findFacilitator(session.awareness);
        return sameFacilitator(previous, next) ? previous : next;
      });
    update();
    session.awareness.on('change', update);
    return () => session.awareness.off('change', update);
  }, [session.awareness]);
  return facilitator;
}

/**
 * Participants and viewers: follows the facilitator's view while they ask for
 * it, and moves the view once on "Bring everyone here". Panning or zooming
 * yourself (drag on the map or minimap, wheel, zoom buttons) steps out of
 * following, because fighting the user's own hand feels broken; "Follow again"
 * steps back in. Must be used inside React Flow.
 */
export function useFollowFacilitator(
  session: BoardSession,
  facilitator: FacilitatorPresence | null,
): FollowState {
  const flow = useReactFlow();
  const root = useFlowView(selectDomNode);
  const local = facilitationStore(session.boardId);
  const steppedOutLocally = useStore(local, (state) => state.steppedOut);
  const active = session.role !== 'facilitator' && facilitator !== null && facilitator.facilitation.follow;
  const following = active && !steppedOutLocally;
  const followingRef = useRef(following);
  followingRef.current = following;

  // Each time the facilitator turns follow on, everyone follows again.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) local.getState().setSteppedOut(false);
    wasActive.current = active;
  }, [active, local]);

  const viewport = following ? facilitator?.facilitation.viewport : null;
  useEffect(() => {
    if (!viewport) return;
    void flow.setCenter(viewport.x, viewport.y, { zoom: viewport.zoom, duration: FOLLOW_DURATION_MS });
  }, [flow, viewport]);

  // "Bring everyone here": applied once per nonce; a nonce already there when we first see a facilitator is old news.
  const seenSummon = useRef<{ clientId: number; nonce: number | null } | null>(null);
  const summon = session.role === 'facilitator' ? null : (facilitator?.facilitation.summon ?? null);
  const facilitatorId = facilitator?.clientId ?? null;
  useEffect(() => {
    if (facilitatorId === null) return;
    const seen = seenSummon.current;
    const nonce = summon?.nonce ?? null;
    seenSummon.current = { clientId: facilitatorId, nonce };
    if (seen === null || seen.clientId !== facilitatorId || summon === null || seen.nonce === nonce) return;
    void flow.setCenter(summon.viewport.x, summon.viewport.y, { zoom: summon.viewport.zoom, duration: 300 });
  }, [facilitatorId, flow, summon]);

  // Stepping out: the user's own pan or zoom.
  useEffect(() => {
    if (!root) return;
    const stepOut = (): void => {
      if (followingRef.current) local.getState().setSteppedOut(true);
    };
    let down: { x: number; y: number } | null = null;
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.react-flow__controls')) stepOut();
      down = target?.closest('.react-flow__pane, .react-flow__minimap')
        ? { x: event.clientX, y: event.clientY }
        : null;
    };
    const onPointerMove = (event: PointerEvent): void => {
      if (!down || event.buttons === 0) return;
      if (Math.hypot(event.clientX - down.x, event.clientY - down.y) > PAN_THRESHOLD_PX) {
        down = null;
        stepOut();
      }
    };
    const onPointerUp = (): void => {
      down = null;
    };
    root.addEventListener('wheel', stepOut, { capture: true, passive: true });
    root.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('pointermove', onPointerMove, true);
    window.addEventListener('pointerup', onPointerUp, true);
    return () => {
      root.removeEventListener('wheel', stepOut, true);
      root.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointermove', onPointerMove, true);
      window.removeEventListener('pointerup', onPointerUp, true);
    };
  }, [root, local]);

  return { facilitator, following, steppedOut: active && steppedOutLocally };
}
