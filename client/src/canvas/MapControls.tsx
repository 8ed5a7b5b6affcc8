import type { ReactNode } from 'react';
import { ControlButton, Controls } from '@xyflow/react';

/**
 * One group in the map's top-right corner: zoom, fit, then the page's own (export and import). The fit
 * button is the map's own fit (as F), which shows project names and notes and keeps the cards clear of
 * the minimap and the bars, where React Flow's own button fits the nodes only.
 */
export function MapControls({
  fitLabel,
  onFit,
  children,
}: {
  fitLabel: string;
  onFit: () => void;
  children?: ReactNode;
}) {
  return (
    <Controls position="top-right" orientation="horizontal" showInteractive={false} showFitView={false}>
      <ControlButton
        className="react-flow__controls-fitview"
        onClick={onFit}
        title={fitLabel}
        aria-label={fitLabel}
      >
        <svg viewBox="0 0 32 30" aria-hidden="true">
          <path
            d="M2 10V4a2 2 0 0 1 2-2h6M22 2h6a2 2 0 0 1 2 2v6M30 20v6a2 2 0 0 1-2 2h-6M10 28H4a2 2 0 0 1-2-2v-6"
            fill="none"
            stroke="currentColor"
            strokeWidth="3.5"
          />
        </svg>
      </ControlButton>
      {children}
    </Controls>
  );
}
