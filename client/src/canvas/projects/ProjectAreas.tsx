import { Fragment, memo, useMemo, useRef } from 'react';
import type { XYPosition } from '@xyflow/react';
import type { Project, ProjectId } from '@interplay/shared';
import { useT } from '../../i18n/index.ts';
import { useMapView, useMapContext } from '../MapContext.ts';
import { selectNodes, selectSelection, selectShownProjects } from '../view/selectors.ts';
import { useLiveDragPositions } from '../view/useLiveDragPositions.ts';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { projectShape } from './projectShape.ts';
import type { ProjectShape } from './projectShape.ts';
import { nodeBox } from '../view/nodeBox.ts';
import { useProjectLabelSpots } from './useProjectLabelSpots.ts';
import { useAreaOutsiders } from './useAreaOutsiders.ts';
import { OUTSIDER_FRAME } from './projectAreaLayout.ts';
import { ViewportLayer } from '../reactFlow/ViewportLayer.tsx';
import { projectsByName } from './projectsByName.ts';
import { PROJECT_AREA_PADDING as PADDING } from './projectAreaLayout.ts';

interface CachedArea {
  readonly project: Project;
  readonly members: readonly BoardFlowNode[];
  /** Live positions of members being dragged here ('' when none). */
  readonly dragged: string;
  readonly shape: ProjectShape | null;
}

function sameNodes(a: readonly BoardFlowNode[], b: readonly BoardFlowNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/** The live positions of the dragged ones among `members`, as a comparable key. */
function draggedKey(members: readonly BoardFlowNode[], live: ReadonlyMap<string, XYPosition> | null): string {
  if (!live) return '';
  let key = '';
  for (const node of members) {
    const at = live.get(node.id);
    if (at) key += `${node.id}@${at.x},${at.y};`;
  }
  return key;
}

/**
 * Projects as translucent areas beneath their members. Computed from the
 * view store's nodes and, during a local drag, the live positions of the
 * dragged nodes (`liveDrag`: the nodes array keeps its identity while
 * dragging), so areas follow members during a drag as well as remote moves;
 * a project's shape is recomputed only when one of its member node objects
 * or dragged members' positions changed. Drawn in the viewport at z-index −1, under edges and nodes.
 */
export const ProjectAreas = memo(function ProjectAreas() {
  const t = useT();
  const { store, decorations } = useMapContext();
  const { NodeBadge } = decorations;
  const nodes = useMapView(selectNodes);
  const liveDrag = useLiveDragPositions();
  const projects = useMapView(selectShownProjects);
  const selectedProjectId = useMapView(selectSelection).projectId;
  const cache = useRef(new Map<ProjectId, CachedArea>());

  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  const areas = useMemo(() => {
    const next = new Map<ProjectId, CachedArea>();
    for (const project of projectsByName(projects)) {
      const members = project.memberIds.map((id) => byId.get(id)).filter((n): n is BoardFlowNode => !!n);
      const dragged = draggedKey(members, liveDrag);
      const old = cache.current.get(project.id);
      const area =
        old && old.project === project && old.dragged === dragged && sameNodes(old.members, members)
          ? old
          : {
              project,
              members,
              dragged,
              shape: projectShape(
                members.map((node) => nodeBox(node, liveDrag)),
                PADDING,
              ),
            };
      next.set(project.id, area);
    }
    cache.current = next;
    return [...next.values()];
  }, [byId, liveDrag, projects]);

  const { spots, measure } = useProjectLabelSpots(areas, nodes, liveDrag);
  const outsiders = useAreaOutsiders(areas, nodes, liveDrag);

  return (
    <ViewportLayer>
      <div className="ip-project-layer">
        <svg className="ip-project-areas" aria-hidden="true">
          {areas.map((area, index) =>
            area.shape ? (
              <Fragment key={area.project.id}>
                <path
                  d={area.shape.path}
                  fill={area.project.colour}
                  fillOpacity={0.13}
                  stroke={area.project.colour}
                  strokeOpacity={area.project.id === selectedProjectId ? 0.95 : 0.55}
                  strokeWidth={area.project.id === selectedProjectId ? 4 : 2}
                  data-testid="project-area"
                  data-project-id={area.project.id}
                />
                {outsiders[index]!.map(({ id, frame }) => (
                  <rect
                    key={id}
                    {...frame}
                    {...OUTSIDER_FRAME}
                    stroke={area.project.colour}
                    data-testid="project-outsider"
                    data-project-id={area.project.id}
                    data-node-id={id}
                  />
                ))}
              </Fragment>
            ) : null,
          )}
        </svg>
        {areas.map((area, index) => {
          const at = spots[index];
          if (!at) return null;
          const { project } = area;
          const selected = project.id === selectedProjectId;
          const others = outsiders[index]!.map((outsider) => outsider.name);
          const notice =
            others.length > 0
              ? t('canvas.project.outsiders', { names: others.join(', '), count: others.length })
              : undefined;
          return (
            <button
              key={project.id}
              ref={measure(project.id)}
              type="button"
              className={`ip-project-label${selected ? ' ip-project-label--selected' : ''}`}
              style={{ left: at.x, top: at.y, borderColor: project.colour, color: '#16202e' }}
              aria-label={t('canvas.project.select', { name: project.name })}
              aria-description={notice}
              // A shortened tag and a notice show the whole name on hover.
              title={notice ? `${project.name}: ${notice}` : at.shortened ? project.name : undefined}
              aria-pressed={selected}
              data-testid="project-label"
              data-project-id={project.id}
              data-label-text={at.text}
              onClick={(event) => {
                event.stopPropagation();
                store.getState().selectProject(project.id, event.ctrlKey || event.metaKey || event.shiftKey);
              }}
            >
              <span className="ip-project-label__swatch" style={{ background: project.colour }} />
              {at.text}
              {NodeBadge && <NodeBadge targetId={project.id} />}
            </button>
          );
        })}
      </div>
    </ViewportLayer>
  );
});
