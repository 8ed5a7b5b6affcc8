import { useEffect, useRef } from 'react';
import { Panel } from '@xyflow/react';
import { useStore } from 'zustand';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { boardFitPadding } from '../canvas/fitPadding.ts';
import { useFitBoard } from '../canvas/reactFlow/useFitBoard.ts';
import { useT } from '../i18n/index.ts';
import { facilitationStore } from './facilitationStore.ts';
import { presentModeStore } from './presentMode.ts';
import { SpotlightStyle } from './SpotlightStyle.tsx';
import { useFacilitatorBroadcast } from './useFacilitatorBroadcast.ts';
import { useFacilitatorPresence, useFollowFacilitator } from './useFollowFacilitator.ts';
import './facilitation.css';

/**
 * The canvas side of facilitation, rendered inside React Flow: the
 * facilitator publishes follow, spotlight and "bring everyone here"; everyone
 * else follows, is brought, and sees the spotlight; a pill says whom you follow.
 */
export function FacilitationLayer() {
  const t = useT();
  const { session } = useBoardViewContext();
  const local = facilitationStore(session.boardId);
  useFacilitatorBroadcast(session);
  const facilitator = useFacilitatorPresence(session);
  const follow = useFollowFacilitator(session, facilitator);
  const ownSpotlight = useStore(local, (state) => state.spotlight);
  const spotlight =
    session.role === 'facilitator' ? ownSpotlight : (facilitator?.facilitation.spotlight?.ids ?? null);
  const name = follow.facilitator?.name ?? '';

  // Entering or leaving present mode changes the map's size: show the whole map again, unless following.
  const fitBoard = useFitBoard();
  const following = useRef(follow.following);
  following.current = follow.following;
  useEffect(
    () =>
      presentModeStore.subscribe((state, previous) => {
        if (state.present === previous.present || following.current) return;
        // Two frames: the header and panels are hidden (or back) and React Flow has measured the new size.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => fitBoard({ padding: boardFitPadding(), maxZoom: 1.6, duration: 250 })),
        );
      }),
    [fitBoard],
  );

  return (
    <>
      <SpotlightStyle ids={spotlight} />
      {(follow.following || follow.steppedOut) && (
        <Panel position="top-center" className="ip-follow-pill" data-testid="follow-pill">
          <span
            className="ip-follow-pill__dot"
            style={{ background: follow.facilitator?.colour }}
            aria-hidden="true"
          />
          {follow.following ? (
            <>
              <span role="status">{t('facilitation.following', { name })}</span>
              <button
                type="button"
                className="ip-follow-pill__button"
                onClick={() => local.getState().setSteppedOut(true)}
              >
                {t('facilitation.stopFollowing')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="ip-follow-pill__button ip-follow-pill__button--again"
              onClick={() => local.getState().setSteppedOut(false)}
            >
              {t('facilitation.followAgain', { name })}
            </button>
          )}
        </Panel>
      )}
    </>
  );
}
