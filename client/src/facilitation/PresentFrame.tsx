import type { ReactNode } from 'react';
import { Panel } from '@xyflow/react';
import { usePresentMode } from './presentMode.ts';

/**
 * What present mode adds over the map for the room: the board's title at the
 * top left and the legend at the top right (`PRESENT_FIT_PADDING` keeps the
 * fitted map clear of both). Nothing while not presenting.
 */
export function PresentFrame({ title, legend }: { title: string; legend: ReactNode }) {
  const present = usePresentMode();
  if (!present) return null;
  return (
    <>
      <Panel position="top-left" className="ip-present-panel ip-present-title">
        <h1 data-testid="present-title">{title}</h1>
      </Panel>
      <Panel position="top-right" className="ip-present-panel ip-present-legend">
        {legend}
      </Panel>
    </>
  );
}
