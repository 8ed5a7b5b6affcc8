import { useMemo, useRef, useState } from 'react';
import type { XYPosition } from '@xyflow/react';
import type { Project, ProjectId } from '@interplay/shared';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { PROJECT_LABEL, projectLabelWidth } from './projectAreaLayout.ts';
import { nodeObstacle, placeProjectLabels } from './projectLabelPlacement.ts';
import type { PlacedLabel } from './projectLabelPlacement.ts';
import type { ProjectShape } from './projectShape.ts';
import { nodeBox } from '../view/nodeBox.ts';

export interface LabelSpots {
  /** Each area's tag centre, in the areas' order (null for an area without a shape). */
  readonly spots: ReadonlyArray<PlacedLabel | null>;
  /** Give each tag's element here, so its drawn width (a comment badge makes it wider) is what is placed. */
  readonly measure: (id: ProjectId) => (element: HTMLElement | null) => void;
}

/**
 * Where the map puts each project's name tag (`placeProjectLabels`, as the export does): clear of every
 * node's box (live positions during a drag) and of the other tags. Widths come from Inter's metrics, then
 * from the drawn tags, measured before the browser paints.
 */
export function useProjectLabelSpots(
  areas: ReadonlyArray<{ readonly project: Project; readonly shape: ProjectShape | null }>,
  nodes: readonly BoardFlowNode[],
  live: ReadonlyMap<string, XYPosition> | null,
): LabelSpots {
  const [drawn, setDrawn] = useState<ReadonlyMap<ProjectId, number>>(() => new Map());
  const callbacks = useRef(new Map<ProjectId, (element: HTMLElement | null) => void>());

  const spots = useMemo(() => {
    const shaped = areas.filter((area) => area.shape);
    const obstacles = nodes.map((node) =>
      nodeObstacle(nodeBox(node, live), node.type === 'person' ? 'person' : 'organisation'),
    );
    const placed = placeProjectLabels(
      shaped.map(({ project, shape }) => ({
        outline: shape!.outline,
        preferred: shape!.labelAt,
        width: drawn.get(project.id) ?? projectLabelWidth(project.name),
        height: PROJECT_LABEL.height,
      })),
      obstacles,
    );
    const byProject = new Map(shaped.map((area, i) => [area.project.id, placed[i]!]));
    return areas.map((area) => byProject.get(area.project.id) ?? null);
  }, [areas, nodes, drawn, live]);

  // A tag's drawn width: after each change of its name or its badge, before the browser paints. Each tag's
  // ref stops observing it when it goes, so the observer needs no teardown.
  const [observer] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          setDrawn((drawn) => {
            let next: Map<ProjectId, number> | null = null;
            for (const entry of entries) {
              const element = entry.target as HTMLElement;
              const id = element.dataset.projectId as ProjectId | undefined;
              const width = element.offsetWidth;
              if (!id || width === 0 || Math.abs((drawn.get(id) ?? -10) - width) <= 1) continue;
              next ??= new Map(drawn);
              next.set(id, width);
            }
            return next ?? drawn;
          });
        }),
  );

  const measure = (id: ProjectId) => {
    let callback = callbacks.current.get(id);
    if (!callback) {
      let observed: HTMLElement | null = null;
      callback = (element) => {
        if (observed) observer?.unobserve(observed);
        observed = element;
        if (element) observer?.observe(element);
      };
      callbacks.current.set(id, callback);
    }
    return callback;
  };
  return { spots, measure };
}
