import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/index.ts';
import { useMapView, useMapContext } from '../MapContext.ts';
import { useSelectionLook } from './useSelectionLook.ts';
import type { PersonFlowNode } from '../view/flowTypes.ts';
import { InlineName } from './InlineName.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import { NodeName } from './NodeName.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import { initials } from '../../theme/initials.ts';
import { useNodeDetail } from './NodeDetailContext.ts';
import { personSize } from './nodeSize.ts';
import { useTinyHandles } from './useTinyHandles.ts';

/** A person: a round node with initials, role badges on its rim, and the name beneath. */
export const PersonNode = memo(function PersonNode(props: NodeProps<PersonFlowNode>) {
  // A name being edited keeps its field (and what was typed) even when the zoom crosses TINY_ZOOM.
  const editing = useMapView((s) => s.editingNodeId === props.id);
  return useNodeDetail() === 'tiny' && !editing ? <TinyPerson {...props} /> : <FullPerson {...props} />;
});

/**
 * A person below `TINY_ZOOM`, where initials, badges and name are not
 * painted: the circle (with selection outlines, comment badge, and handles when
 * needed, `useTinyHandles`) in
 * a box of the node's known size, so nothing moves when the zoom crosses.
 */
function TinyPerson({ id, data, selected, height }: NodeProps<PersonFlowNode>) {
  const t = useT();
  const { permissions, decorations } = useMapContext();
  const { NodeBadge } = decorations;
  const look = useSelectionLook(id, 'ip-person', selected);
  const { handles, onPointerEnter } = useTinyHandles(id, selected);
  const { person } = data;
  const style = {
    ...look.remoteStyle,
    height: height || personSize(person).height,
  } as CSSProperties;
  return (
    <div
      className={look.className}
      style={style}
      data-testid="person-node"
      aria-label={t('canvas.node.person', { name: data.label })}
      title={look.title}
      onPointerEnter={onPointerEnter}
    >
      {handles && <NodeHandles connectable={permissions.add.relationship} />}
      <span className="ip-person__circle">
        {NodeBadge && <NodeBadge targetId={id} className="ip-comment-badge--person" />}
      </span>
    </div>
  );
}

function FullPerson({ id, data, selected }: NodeProps<PersonFlowNode>) {
  const t = useT();
  const { permissions, decorations } = useMapContext();
  const { NodeBadge } = decorations;
  const editing = useMapView((s) => s.editingNodeId === id);
  const look = useSelectionLook(id, 'ip-person', selected);
  const { person } = data;
  const style = look.remoteStyle as CSSProperties;

  return (
    <div
      className={look.className}
      style={style}
      data-testid="person-node"
      aria-label={t('canvas.node.person', { name: data.label })}
      title={look.title}
    >
      <NodeHandles connectable={permissions.add.relationship} />
      <span className="ip-person__circle">
        <span className="ip-person__initials" aria-hidden="true">
          {initials(data.label)}
        </span>
        {person.roles.length > 0 && (
          <span className="ip-person__badges">
            {person.roles.map((role) => (
              <RoleBadge key={role} role={role} label={t(`roleBadge.${role}`)} />
            ))}
          </span>
        )}
        {NodeBadge && <NodeBadge targetId={id} className="ip-comment-badge--person" />}
      </span>
      {editing ? (
        <InlineName nodeId={id} name={person.name} className="ip-person__name" />
      ) : (
        <NodeName id={id} label={data.label} className="ip-person__name" />
      )}
    </div>
  );
}
