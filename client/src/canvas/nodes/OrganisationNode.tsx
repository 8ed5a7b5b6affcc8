import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/index.ts';
import { SECTOR_COLOURS, SECTOR_TINTS } from '../../theme/sectors.ts';
import { useMapView, useMapContext } from '../MapContext.ts';
import { useSelectionLook } from './useSelectionLook.ts';
import type { OrganisationFlowNode } from '../view/flowTypes.ts';
import { InlineName } from './InlineName.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import { SectorIcon } from './SectorIcon.tsx';
import { useNodeDetail } from './NodeDetailContext.ts';
import { nameText } from '../../theme/lineBreaks.ts';
import { organisationSize } from './nodeSize.ts';
import { useTinyHandles } from './useTinyHandles.ts';

/**
 * An organisation card: tinted and bordered in its sector's colour, with the
 * sector icon, the name (double-click to rename) and small hints for notes
 * and project membership. Memoised: it re-renders only when its own node
 * object changes (see `deriveFlow.ts`) or its editing/remote-selection slice does.
 */
export const OrganisationNode = memo(function OrganisationNode(props: NodeProps<OrganisationFlowNode>) {
  // A name being edited keeps its field (and what was typed) even when the zoom crosses TINY_ZOOM.
  const editing = useMapView((s) => s.editingNodeId === props.id);
  return useNodeDetail() === 'tiny' && !editing ? (
    <TinyOrganisation {...props} />
  ) : (
    <FullOrganisation {...props} />
  );
});

/**
 * The card below `TINY_ZOOM`, where its name, icon and chips are not painted:
 * the same box (size, tint, sector border, selection outlines, comment badge;
 * handles when needed, `useTinyHandles`) with a handful of elements instead of a dozen. Its size is the one
 * React Flow knows for the node (measured when the full card was shown, else
 * `nodeSize.ts`), so edges and project areas stay put when the zoom crosses.
 */
function TinyOrganisation({ id, data, selected, width, height }: NodeProps<OrganisationFlowNode>) {
  const t = useT();
  const { permissions, decorations } = useMapContext();
  const { NodeBadge } = decorations;
  const look = useSelectionLook(id, 'ip-org', selected);
  const { handles, onPointerEnter } = useTinyHandles(id, selected);
  const { organisation } = data;
  // React Flow passes 0 for a size it does not know (never the case for nodes from deriveFlow).
  const size = width && height ? { width, height } : organisationSize(organisation);
  const style = {
    '--ip-sector': SECTOR_COLOURS[organisation.sector],
    '--ip-tint': SECTOR_TINTS[organisation.sector],
    ...look.remoteStyle,
    width: size.width,
    height: size.height,
  } as CSSProperties;
  return (
    <div
      className={look.className}
      style={style}
      data-testid="organisation-node"
      data-sector={organisation.sector}
      aria-label={t('canvas.node.organisation', {
        name: data.label,
        sector: t(`sector.${organisation.sector}`),
      })}
      title={look.title}
      onPointerEnter={onPointerEnter}
    >
      {handles && <NodeHandles connectable={permissions.add.relationship} />}
      {NodeBadge && <NodeBadge targetId={id} className="ip-comment-badge--org" />}
    </div>
  );
}

function FullOrganisation({ id, data, selected }: NodeProps<OrganisationFlowNode>) {
  const t = useT();
  const { readOnly, store, permissions, decorations } = useMapContext();
  const { NodeBadge } = decorations;
  const editing = useMapView((s) => s.editingNodeId === id);
  const look = useSelectionLook(id, 'ip-org', selected);
  const { organisation, projectCount } = data;
  const sectorLabel = t(`sector.${organisation.sector}`);
  const style = {
    '--ip-sector': SECTOR_COLOURS[organisation.sector],
    '--ip-tint': SECTOR_TINTS[organisation.sector],
    ...look.remoteStyle,
  } as CSSProperties;

  return (
    <div
      className={look.className}
      style={style}
      data-testid="organisation-node"
      data-sector={organisation.sector}
      aria-label={t('canvas.node.organisation', { name: data.label, sector: sectorLabel })}
      title={look.title}
    >
      <NodeHandles connectable={permissions.add.relationship} />
      {NodeBadge && <NodeBadge targetId={id} className="ip-comment-badge--org" />}
      <span className="ip-org__icon">
        <SectorIcon sector={organisation.sector} />
      </span>
      <span className="ip-org__text">
        {editing ? (
          <InlineName nodeId={id} name={organisation.name} className="ip-org__name" />
        ) : (
          <span
            className="ip-org__name"
            title={readOnly ? undefined : t('canvas.renameHint')}
            onDoubleClick={(event) => {
              if (readOnly) return;
              event.stopPropagation();
              store.getState().setEditing(id);
            }}
          >
            {nameText(data.label)}
          </span>
        )}
        <span className="ip-org__sector">{sectorLabel}</span>
      </span>
      {(projectCount > 0 || organisation.notes !== '') && (
        <span className="ip-org__hints">
          {projectCount > 0 && (
            <span className="ip-hint-chip" title={t('canvas.node.projects', { count: projectCount })}>
              {projectCount}
            </span>
          )}
          {organisation.notes !== '' && (
            <span
              className="ip-hint-notes"
              title={t('canvas.node.notes')}
              aria-label={t('canvas.node.notes')}
            >
              ✎
            </span>
          )}
        </span>
      )}
    </div>
  );
}
