import { memo } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import { selectZoom, useFlowView } from '../canvas/reactFlow/flowState.ts';
import { ViewportLayer } from '../canvas/reactFlow/ViewportLayer.tsx';
import type { PresenceState, PresenceStore } from './presenceStore.ts';
import './remoteCursors.css';
const selectPeers = (s: PresenceState) => s.peers;

/**
 * Other people's pointers, placed in flow coordinates inside the viewport and
 * scaled by 1/zoom so they keep a constant size on screen. The outer element
 * only moves (a pure translation on its own compositing layer, `remoteCursors.css`):
 * the browser then moves it without repainting or re-layering the map, which
 * on a large board cost a whole-map repaint for every move of someone's pointer.
 */
export const RemoteCursors = memo(function RemoteCursors({ presence }: { presence: PresenceStore }) {
  const t = useT();
  const zoom = useFlowView(selectZoom);
  const peers = useStore(presence, selectPeers);
  return (
    <ViewportLayer>
      {peers.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            className="ip-remote-cursor"
            data-testid="remote-cursor"
            aria-label={t('canvas.cursor', { name: peer.name })}
            style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}
          >
            <div className="ip-remote-cursor__body" style={{ transform: `scale(${1 / zoom})` }}>
              <svg width="20" height="22" viewBox="0 0 20 22" aria-hidden="true">
                <path
                  d="M2 2 L2 18 L6.5 13.8 L9.6 20.5 L12.6 19.1 L9.6 12.6 L16 12.6 Z"
                  fill={peer.colour}
                  stroke="#fff"
                  strokeWidth="1.5"
                  strokeLinejoin="round"
                />
              </svg>
              <span className="ip-remote-cursor__name" style={{ background: peer.colour }}>
                {peer.name}
              </span>
            </div>
          </div>
        ) : null,
      )}
    </ViewportLayer>
  );
});
