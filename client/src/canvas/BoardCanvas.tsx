import type { ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { MapContext } from './MapContext.ts';
import type { MapContextValue } from './MapContext.ts';
import { NodeDetailProvider } from './nodes/NodeDetailProvider.tsx';
import './nodes/nodes.css';
import './canvas.css';

/**
 * The frame of one shown board: the map's context and React Flow's provider
 * around `children`, which are the map (`<FlowCanvas>`) and whatever the
 * page puts beside it (the side panel). The board page composes them; the
 * canvas itself knows no panel, layer or feature.
 */
export function BoardCanvas({ map, children }: { map: MapContextValue; children: ReactNode }) {
  return (
    <MapContext.Provider value={map}>
      <ReactFlowProvider>
        <NodeDetailProvider>
          <div className="ip-board" data-read-only={map.readOnly || undefined}>
            {children}
          </div>
        </NodeDetailProvider>
      </ReactFlowProvider>
    </MapContext.Provider>
  );
}
