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
import { NodeName } from './NodeName.tsx';
import { SectorIcon } from './SectorIcon.tsx';
import { useNodeDetail } from './NodeDetailContext.ts';
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
  const detail = useNodeDetail();
  return detail === 'full' || editing ? (
    <FullOrganisation {...props} />
  ) : (
    <CompactOrganisation {...props} overview={detail === 'overview'} />
  );
});

/** Type of the overview body's name (`nodes.css`): 27 px on lines of 1.04. */
const OVERVIEW_LINE = 27 * 1.04;
/** In the overview's large type a line holds about a dozen letters: longer words may break. */
const OVERVIEW_LONG_WORD = 10;

/** How many lines of the overview's name fit a card this tall (padding and borders 6 px in all). */
const overviewLines = (height: number): number => Math.max(1, Math.floor((height - 6) / OVERVIEW_LINE));

/**
 * The card zoomed out: the same box (size, tint, sector border, selection outlines, comment badge) with a
 * handful of elements instead of a dozen. Below `TINY_ZOOM` nothing is written in it and its handles mount
 * when needed (`useTinyHandles`); in the `overview` band above it, the name alone fills the card in a large
 * type, since at the card's own 16 px it would be a few pixels tall. Its size is the one React Flow knows
 * for the node (measured when the full card was shown, else `nodeSize.ts`), so edges and project areas stay
 * put when the zoom crosses.
 */
function CompactOrganisation({
  id,
  data,
  selected,
  width,
  height,
  overview,
}: NodeProps<OrganisationFlowNode> & { readonly overview: boolean }) {
  const t = useT();
  const { permissions, decorations } = useMapContext();
  const { NodeBadge } = decorations;
  const look = useSelectionLook(id, 'ip-org', selected);
  const tinyHandles = useTinyHandles(id, selected);
  // In the overview band a card is large enough on screen to draw a relationship from: handles as in full.
  const { handles, onPointerEnter } = overview ? { handles: true, onPointerEnter: undefined } : tinyHandles;
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
      className={overview ? `${look.className} ip-org--overview` : look.className}
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
      {overview && (
        <NodeName
          id={id}
          label={data.label}
          className="ip-org__name ip-org__name--overview"
          style={{ WebkitLineClamp: overviewLines(size.height) }}
          title={data.label}
          longWordLetters={OVERVIEW_LONG_WORD}
        />
      )}
    </div>
  );
}

function FullOrganisation({ id, data, selected }: NodeProps<OrganisationFlowNode>) {
  const t = useT();
  const { permissions, decorations } = useMapContext();
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
          <NodeName id={id} label={data.label} className="ip-org__name" />
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
