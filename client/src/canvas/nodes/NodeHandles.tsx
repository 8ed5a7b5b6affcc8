import { Handle, Position, useConnection } from '@xyflow/react';
import type { ConnectionState } from '@xyflow/react';
import { useT } from '../../i18n/index.ts';
import { useMeasureLateHandles } from '../reactFlow/useMeasureLateHandles.ts';

const selectInProgress = (connection: ConnectionState): boolean => connection.inProgress;

/**
 * A visible dot to drag a relationship from, and an invisible target that
 * covers the whole node while a relationship is being drawn, so it can be
 * dropped anywhere on the other node. Edges attach to node borders
 * (see `floatingGeometry.ts`), not to these handles, but React Flow draws an
 * edge only between measured handles. Tiny bodies mount them on demand (`useTinyHandles`).
 */
export function NodeHandles({ connectable }: { connectable: boolean }) {
  const t = useT();
  const connecting = useConnection(selectInProgress);
  useMeasureLateHandles();
  return (
    <>
      <Handle
        type="target"
        position={Position.Left}
        className={`ip-handle-target${connecting ? ' ip-handle-target--active' : ''}`}
        isConnectableStart={false}
        isConnectable={connectable}
      />
      <Handle
        type="source"
        position={Position.Right}
        className="ip-handle-source"
        isConnectable={connectable}
        title={t('canvas.node.connect')}
      />
    </>
  );
}
